#include "core/pack/update_settings.h"

#include <toml++/toml.h>

namespace ev {

namespace fs = std::filesystem;

PackStoreSettings readUpdateSettings(const fs::path& stateDir) {
    PackStoreSettings s;
    const fs::path file = stateDir / "updates.toml";
    std::error_code ec;
    if (!fs::exists(file, ec)) return s;
    const auto at = [&](const toml::source_region& r) { return file.string() + ":" + std::to_string(r.begin.line) + ": "; };
    toml::table t;
    try {
        t = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw ConfigError(at(e.source()) + std::string(e.description()));
    }
    for (const auto& [key, value] : t) {
        if (key == "inbox") {
            const auto v = value.value<std::string>();
            if (!v || v->empty()) throw ConfigError(at(value.source()) + "inbox must be a folder name in quotes");
            const fs::path p(*v);
            s.inbox = p.is_absolute() ? p : stateDir / p;
        } else if (key == "poll_seconds") {
            const auto v = value.value<std::int64_t>();
            if (!v || *v < 1 || *v > 3600) throw ConfigError(at(value.source()) + "poll_seconds must be a whole number from 1 to 3600");
            s.pollEvery = Millis(*v * 1000);
        } else {
            throw ConfigError(at(value.source()) + "unknown key '" + std::string(key.str()) + "' (inbox, poll_seconds)");
        }
    }
    return s;
}

} // namespace ev
