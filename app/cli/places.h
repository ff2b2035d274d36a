#pragma once
// Where a run of the kiosk keeps and finds its files, from the options and the program's own
// place on disk.
#include <filesystem>

#include "cli/options.h"
#include "core/kiosk/self_check.h"

namespace ev::cli {

struct Places {
    // --state-dir (or the settings file's state_dir); else, for --script or --monkey, a new
    // folder in /tmp, so that test counts never join a kiosk's real ones; else
    // $XDG_STATE_HOME/everyvoice.
    std::filesystem::path stateDir;
    // The settings file's trusted_keys, else STATE-DIR/trusted-keys.
    std::filesystem::path trustedKeys;
    // The default pack, built beside the program (build/content/default.evpack) or installed.
    std::filesystem::path defaultPack;
};

// Throws UsageError if a scripted run's folder cannot be made.
Places findPlaces(const Options& o, const char* argv0);

// What --check and the admin screen's Health list check.
SelfCheckSettings selfCheckSettings(const Options& o, const Places& places);

} // namespace ev::cli
