#include "core/settings_file.h"

#include <toml++/toml.h>

namespace ev {

namespace fs = std::filesystem;

fs::path Setting::folderUnder(const fs::path& base) const {
    const fs::path p(*text);
    return p.is_absolute() ? p : base / p;
}

std::vector<Setting> readSettingsFile(const fs::path& file) {
    const auto at = [&](const toml::source_region& r) { return file.string() + ":" + std::to_string(r.begin.line) + ": "; };
    toml::table t;
    try {
        t = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw ConfigError(at(e.source()) + std::string(e.description()));
    }
    std::vector<Setting> settings;
    for (const auto& [key, value] : t)
        settings.push_back({std::string(key.str()), value.value<std::string>(), value.value<std::int64_t>(), at(value.source())});
    return settings;
}

} // namespace ev
