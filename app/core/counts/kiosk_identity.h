#pragma once
// What identifies a kiosk in exported counts, and nothing more: a random install id, so that
// merging exports of many kiosks can tell them apart and recognise a repeated export, and a
// venue label staff set so the dashboard can name the place. Kept in <state-dir>/kiosk.toml:
//
//   install_id = "<32 lowercase hex digits>"   # 128 random bits, made on first run
//   venue = ""                                 # staff's label, e.g. "Barking Library"; default empty
//
// Nothing about any resident is here or anywhere else (safeguarding rule 2).
#include <filesystem>
#include <stdexcept>
#include <string>

namespace ev {

struct KioskIdentityError : std::runtime_error {
    using std::runtime_error::runtime_error; // one line, FILE:LINE: message where a line applies
};

class KioskIdentity {
public:
    static constexpr const char* kFileName = "kiosk.toml";
    static constexpr std::size_t kMaxVenueBytes = 80; // fits a dashboard heading

    // Reads <stateDir>/kiosk.toml, creating it with a new install id and no venue if missing.
    static KioskIdentity loadOrCreate(const std::filesystem::path& stateDir);
    // Reads it without creating anything (counts export works on a copied state folder).
    static KioskIdentity read(const std::filesystem::path& stateDir);

    const std::string& installId() const { return installId_; }
    const std::string& venue() const { return venue_; }
    // Staff's label, saved at once. Throws KioskIdentityError if it is longer than
    // kMaxVenueBytes, not UTF-8, holds control characters, starts like a spreadsheet formula
    // (= + - @), or cannot be written.
    void setVenue(const std::string& venue);

    static bool validInstallId(const std::string& id);
    static bool validVenue(const std::string& venue);

private:
    KioskIdentity(std::filesystem::path file, std::string id, std::string venue)
        : file_(std::move(file)), installId_(std::move(id)), venue_(std::move(venue)) {}
    void save() const;

    std::filesystem::path file_;
    std::string installId_, venue_;
};

} // namespace ev
