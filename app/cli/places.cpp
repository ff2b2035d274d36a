#include "cli/places.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace ev::cli {

namespace fs = std::filesystem;

namespace {

fs::path defaultPack(const char* argv0) {
    std::error_code ec;
    const fs::path exe = fs::canonical("/proc/self/exe", ec);
    const fs::path dir = ec ? fs::path(argv0).parent_path() : exe.parent_path();
    for (const fs::path& p : {dir / "../content/default.evpack", fs::path("/usr/share/everyvoice/default.evpack")})
        if (fs::exists(p)) return p;
    return dir / "../content/default.evpack";
}

fs::path defaultStateDir() {
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) return fs::path(xdg) / "everyvoice";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/state/everyvoice";
    return "everyvoice-state";
}

// Test data never mixes with real data: a --script or --monkey run without --state-dir counts
// into a new folder of its own, never the kiosk's real one (docs/counts.md).
fs::path throwawayStateDir() {
    std::string dir = (fs::temp_directory_path() / "everyvoice-test-XXXXXX").string();
    if (!::mkdtemp(dir.data())) usageError("cannot make a folder for a scripted run's counts; give --state-dir");
    std::fprintf(stderr, "everyvoice-kiosk: a scripted run counts into %s, not the kiosk's state folder\n", dir.c_str());
    return dir;
}

} // namespace

Places findPlaces(const Options& o, const char* argv0) {
    Places p;
    p.stateDir = o.stateDir ? *o.stateDir : o.script || o.monkey ? throwawayStateDir() : defaultStateDir();
    p.trustedKeys = o.trustedKeys ? *o.trustedKeys : p.stateDir / "trusted-keys";
    p.defaultPack = defaultPack(argv0);
    return p;
}

SelfCheckSettings selfCheckSettings(const Options& o, const Places& places) {
    SelfCheckSettings settings;
    settings.stateDir = places.stateDir;
    settings.trustedKeys = places.trustedKeys;
    settings.defaultPack = places.defaultPack;
    settings.pack = o.pack;
    return settings;
}

} // namespace ev::cli
