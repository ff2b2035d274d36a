#include "core/kiosk/kiosk_config.h"

#include <toml++/toml.h>

#include "core/counts/kiosk_identity.h"

namespace ev {

namespace fs = std::filesystem;

KioskConfig readKioskConfig(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) throw ConfigError(file.string() + ": no such file");
    const auto at = [&](const toml::source_region& r) { return file.string() + ":" + std::to_string(r.begin.line) + ": "; };
    toml::table t;
    try {
        t = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw ConfigError(at(e.source()) + std::string(e.description()));
    }
    const fs::path base = fs::absolute(file, ec).parent_path();
    KioskConfig c;
    for (const auto& [key, value] : t) {
        const auto text = [&, k = std::string(key.str())]() {
            const auto v = value.value<std::string>();
            if (!v) throw ConfigError(at(value.source()) + k + " must be text in quotes");
            return *v;
        };
        const auto folder = [&, k = std::string(key.str())]() {
            const std::string v = text();
            if (v.empty()) throw ConfigError(at(value.source()) + k + " must name a folder");
            const fs::path p(v);
            return p.is_absolute() ? p : base / p;
        };
        if (key == "state_dir") c.stateDir = folder();
        else if (key == "inbox") c.inbox = folder();
        else if (key == "outbox") c.outbox = folder();
        else if (key == "export_dir") c.exportDir = folder();
        else if (key == "trusted_keys") c.trustedKeys = folder();
        else if (key == "venue") {
            c.venue = text();
            if (!KioskIdentity::validVenue(*c.venue))
                throw ConfigError(at(value.source()) + "venue must be at most 80 bytes of text, not starting with = + - @");
        }
        else if (key == "mounting") c.mounting = text();
        else if (key == "idle_limit") {
            const auto v = value.value<std::int64_t>();
            if (!v || *v < 30 || *v > 1800) throw ConfigError(at(value.source()) + "idle_limit must be whole seconds from 30 to 1800");
            c.idleLimitSeconds = static_cast<int>(*v);
        } else {
            throw ConfigError(at(value.source()) + "unknown key '" + std::string(key.str()) +
                              "' (state_dir, venue, idle_limit, mounting, inbox, outbox, export_dir, trusted_keys)");
        }
    }
    return c;
}

} // namespace ev
