#include "core/kiosk/kiosk_config.h"

#include "core/counts/kiosk_identity.h"

namespace ev {

namespace fs = std::filesystem;

KioskConfig readKioskConfig(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) throw ConfigError(file.string() + ": no such file");
    // A FIFO or a device would hold the kiosk's start; a folder cannot be read.
    if (!fs::is_regular_file(file, ec)) throw ConfigError(file.string() + ": not a plain file, so not read");
    const fs::path base = fs::absolute(file, ec).parent_path();
    KioskConfig c;
    for (const Setting& setting : readSettingsFile(file)) {
        const std::string& key = setting.key;
        const auto text = [&] {
            if (!setting.text) setting.refuse(key + " must be text in quotes");
            return *setting.text;
        };
        const auto folder = [&] {
            if (text().empty()) setting.refuse(key + " must name a folder");
            return setting.folderUnder(base);
        };
        if (key == "state_dir") c.stateDir = folder();
        else if (key == "inbox") c.inbox = folder();
        else if (key == "outbox") c.outbox = folder();
        else if (key == "export_dir") c.exportDir = folder();
        else if (key == "trusted_keys") c.trustedKeys = folder();
        else if (key == "venue") {
            c.venue = text();
            if (!KioskIdentity::validVenue(*c.venue))
                setting.refuse("venue must be at most 80 bytes of text, not starting with = + - @");
        }
        else if (key == "mounting") c.mounting = text();
        else if (key == "idle_limit") {
            const auto& v = setting.whole;
            if (!v || *v < 30 || *v > 1800) setting.refuse("idle_limit must be whole seconds from 30 to 1800");
            c.idleLimitSeconds = static_cast<int>(*v);
        } else {
            setting.refuse("unknown key '" + key +
                           "' (state_dir, venue, idle_limit, mounting, inbox, outbox, export_dir, trusted_keys)");
        }
    }
    return c;
}

} // namespace ev
