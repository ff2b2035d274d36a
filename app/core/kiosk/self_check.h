#pragma once
// `everyvoice-kiosk --check` and the admin screen's health list: the checks that need no
// window. The GL, font and audio checks are the platform's (platform/self_check.h). Each
// check gives one line; the kiosk's unit runs --check before starting, so the journal keeps it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/pack/content.h"

namespace ev {

struct CheckResult {
    enum class Level { Pass, Warn, Fail };
    std::string name;   // short, e.g. "pin"
    Level level = Level::Pass;
    std::string detail; // what was found, or what is wrong and how to put it right
};

// "ok   pin: set", "WARN audio: ...", "FAIL clock: ..."
std::string checkLine(const CheckResult& r);
bool anyFailed(const std::vector<CheckResult>& results);
// One line for a glance: "all 9 pass", or "1 failed (counts), 2 warnings (trusted keys, audio)".
std::string healthSummary(const std::vector<CheckResult>& results);

struct SelfCheckSettings {
    std::filesystem::path stateDir;
    std::filesystem::path trustedKeys;  // folder of *.pub
    std::filesystem::path defaultPack;  // shown when the pack store has none
    std::optional<std::filesystem::path> pack; // --pack: this one instead
    // The running kiosk's pack (the admin screen): reported as shown, not opened again, and
    // no second PackStore made on the live state folder.
    const Pack* shown = nullptr;
    // Free space the state folder must keep: counts grow by a few kB a day, an accepted pack is
    // up to about 25 MB and is copied once before the old one is removed. Default 100 MB.
    std::uintmax_t reserveBytes = 100u << 20;
};

struct CoreChecks {
    std::vector<CheckResult> results;
    std::optional<Pack> pack; // the pack the kiosk would show, when it opened (not with `shown`)
};

// In order: pack (the one the kiosk would start with opens; a stored pack's signature holds),
// trusted keys (every *.pub parses), state folder (a file can be written, fsync'd and removed;
// free space above the reserve), counts (PRAGMA quick_check of counts.sqlite, when there is one),
// pin (set), clock (clock.unixSeconds() is not before the pack's build day). Never throws.
CoreChecks runCoreChecks(const SelfCheckSettings& settings, const Clock& clock);

} // namespace ev
