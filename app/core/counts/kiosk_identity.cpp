#include "core/counts/kiosk_identity.h"

#include <sodium.h>
#include <unicode/utf8.h>

#include <array>
#include <string_view>
#include <utility>
#include <sstream>
#include <toml++/toml.h>

#include "core/atomic_file.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

// 128 bits: two kiosks picking the same id is not a risk worth thinking about.
constexpr std::size_t kIdBytes = 16;

std::string newInstallId() {
    if (sodium_init() < 0) throw KioskIdentityError("libsodium could not start: no random install id");
    std::array<unsigned char, kIdBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, kIdBytes * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return hex.data();
}

} // namespace

bool KioskIdentity::validInstallId(const std::string& id) {
    if (id.size() != kIdBytes * 2) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool KioskIdentity::validVenue(const std::string& venue) {
    if (venue.size() > kMaxVenueBytes) return false;
    // A spreadsheet opening the exported CSV would run a cell that starts like a formula.
    if (!venue.empty() && std::string_view("=+-@").find(venue[0]) != std::string_view::npos) return false;
    const auto* s = reinterpret_cast<const std::uint8_t*>(venue.data());
    const auto length = static_cast<std::int32_t>(venue.size());
    for (std::int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) return false;
    }
    return true;
}

KioskIdentity KioskIdentity::read(const fs::path& stateDir) {
    const fs::path file = stateDir / kFileName;
    std::error_code ec;
    if (!fs::exists(file, ec))
        throw KioskIdentityError(file.string() + ": missing (the kiosk makes it when it first runs)");
    toml::table t;
    try {
        t = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw KioskIdentityError(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                                 std::string(e.description()));
    }
    const auto at = [&](const char* key) {
        const toml::node* n = t.get(key);
        return file.string() + ":" + std::to_string(n ? n->source().begin.line : 1) + ": ";
    };
    const auto id = t["install_id"].value<std::string>();
    if (!id || !validInstallId(*id)) throw KioskIdentityError(at("install_id") + "install_id must be 32 lowercase hex digits");
    const std::string venue = t["venue"].value_or(std::string());
    if (t.get("venue") && !t["venue"].is_string()) throw KioskIdentityError(at("venue") + "venue must be a string");
    if (!validVenue(venue))
        throw KioskIdentityError(at("venue") + "venue must be at most " + std::to_string(kMaxVenueBytes) +
                                 " bytes of UTF-8, no control characters, not starting with = + - @");
    for (const auto& [key, value] : t)
        if (key != "install_id" && key != "venue")
            throw KioskIdentityError(file.string() + ":" + std::to_string(key.source().begin.line) + ": unknown key '" +
                                     std::string(key.str()) + "': a kiosk keeps nothing else about itself");
    return KioskIdentity(file, *id, venue);
}

KioskIdentity KioskIdentity::loadOrCreate(const fs::path& stateDir) {
    std::error_code ec;
    if (fs::exists(stateDir / kFileName, ec)) return read(stateDir);
    fs::create_directories(stateDir, ec);
    KioskIdentity made(stateDir / kFileName, newInstallId(), "");
    made.save();
    return made;
}

void KioskIdentity::setVenue(const std::string& venue) {
    if (!validVenue(venue))
        throw KioskIdentityError("venue must be at most " + std::to_string(kMaxVenueBytes) +
                                 " bytes of UTF-8, no control characters, not starting with = + - @");
    const std::string before = std::exchange(venue_, venue);
    try {
        save();
    } catch (const KioskIdentityError&) {
        venue_ = before;
        throw;
    }
}

void KioskIdentity::save() const {
    std::ostringstream out;
    out << "# Every Voice kiosk identity: a random install id and the venue label staff set.\n"
           "# Nothing else identifies this kiosk, and nothing here identifies anyone who used it.\n"
        << toml::table{{"install_id", installId_}, {"venue", venue_}} << "\n";
    try {
        writeFileAtomically(file_, out.str());
    } catch (const FileError& e) {
        throw KioskIdentityError(e.what());
    }
}

} // namespace ev
