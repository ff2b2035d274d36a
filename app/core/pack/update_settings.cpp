#include "core/pack/update_settings.h"

namespace ev {

namespace fs = std::filesystem;

PackStoreSettings readUpdateSettings(const fs::path& stateDir) {
    PackStoreSettings s;
    const fs::path file = stateDir / "updates.toml";
    std::error_code ec;
    if (!fs::exists(file, ec)) return s;
    for (const Setting& setting : readSettingsFile(file)) {
        if (setting.key == "inbox") {
            if (!setting.text || setting.text->empty()) setting.refuse("inbox must be a folder name in quotes");
            s.inbox = setting.folderUnder(stateDir);
        } else if (setting.key == "poll_seconds") {
            const auto& v = setting.whole;
            if (!v || *v < 1 || *v > 3600) setting.refuse("poll_seconds must be a whole number from 1 to 3600");
            s.pollEvery = Millis(*v * 1000);
        } else {
            setting.refuse("unknown key '" + setting.key + "' (inbox, poll_seconds)");
        }
    }
    return s;
}

} // namespace ev
