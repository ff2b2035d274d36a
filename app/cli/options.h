#pragma once
// everyvoice-kiosk's command line and settings file, read into Options before anything is
// opened, so that every mistake in them is said before a window appears (tests/cli).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/session/session.h"
#include "platform/host.h"
#include "ui/app.h"

namespace ev::cli {

// A line for stderr after "everyvoice-kiosk: ", and the exit status: 2 for a mistake on the
// command line (the line ends "(see --help)"), 1 for a settings file that cannot be used.
struct UsageError : std::runtime_error {
    UsageError(const std::string& line, int status) : std::runtime_error(line), status(status) {}
    int status;
};
// A mistake on the command line: status 2, "(see --help)" after it.
[[noreturn]] void usageError(const std::string& message);

struct Options {
    // --help or --version: print this to stdout and exit 0, nothing else.
    std::optional<std::string> info;
    std::optional<std::filesystem::path> pack, stateDir, inbox, script, screenshot, exportDir, trustedKeys, outbox;
    std::optional<std::string> venue; // from --config; the state folder's kiosk.toml otherwise
    bool setAdminPin = false, check = false, exportOutbox = false;
    std::string platform = "sdl2";
    platform::WindowOptions window;
    // --presenter-window WxH: present mode's presenter view in a second window of this size
    // beside the first, on one display (a laptop without a projector yet, tests). Without it
    // the presenter view opens by itself when --present finds two or more displays.
    std::optional<platform::WindowOptions> presenterWindow;
    std::optional<std::string> locale, gotoTarget;
    // The option the user typed that set gotoTarget (--goto, or --plan, --topics or --present
    // for present mode): what an error about the target names.
    std::string gotoOption = "--goto";
    std::optional<long> monkey;
    std::uint64_t seed = 1;
    bool benchFirstFrame = false;
    ui::AppSettings app;
    SessionSettings session;
};

// The settings file's keys (--config FILE, or /etc/everyvoice/kiosk.toml for a kiosk installed
// in /usr), then the options, which win over them. Throws UsageError.
Options parseOptions(int argc, const char* const* argv);

} // namespace ev::cli
