#pragma once
// The kiosk's settings files (kiosk/kiosk_config.h's kiosk.toml, pack/update_settings.h's
// updates.toml) are TOML, read one way: key by key, each with where it is, so that every
// mistake is one line staff can find, "FILE:LINE: message".
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace ev {

struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Setting {
    std::string key;
    std::optional<std::string> text;   // the value, if it is text in quotes
    std::optional<std::int64_t> whole; // the value, if it is a whole number
    std::string at;                    // "FILE:LINE: ", where the key is

    // Throws ConfigError "FILE:LINE: message".
    [[noreturn]] void refuse(const std::string& message) const { throw ConfigError(at + message); }
    // The folder the text names: as it is if absolute, else under base. Needs text.
    std::filesystem::path folderUnder(const std::filesystem::path& base) const;
};

// The file's settings, in key order. Throws ConfigError "FILE:LINE: message" for a TOML error.
std::vector<Setting> readSettingsFile(const std::filesystem::path& file);

} // namespace ev
