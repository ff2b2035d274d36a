#include "cli/commands.h"

#include <imgui.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/counts/counts_export.h"
#include "core/counts/kiosk_identity.h"
#include "core/session/admin_pin.h"
#include "platform/self_check.h"
#include "text/engine.h"

namespace ev::cli {

namespace fs = std::filesystem;

// --set-admin-pin: the PIN comes from stdin, never argv, which other users can read in ps.
int setAdminPin(const fs::path& stateDir) {
    termios saved{};
    const bool terminal = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        std::fputs("Admin PIN (4 to 8 digits): ", stderr);
    }
    std::string line;
    for (int c; (c = std::getchar()) != EOF && c != '\n' && line.size() <= AdminPin::kMaxDigits;)
        line += static_cast<char>(c);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    try {
        AdminPin::store(stateDir, line);
    } catch (const AdminPinError& e) {
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "everyvoice-kiosk: admin PIN stored in %s\n", (stateDir / AdminPin::kFileName).c_str());
    return 0;
}

int selfCheck(const Options& o, const Places& places) {
    SystemClock clock;
    CoreChecks core = runCoreChecks(selfCheckSettings(o, places), clock);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    std::vector<CheckResult> results{platform::checkGlContext()};
    ImGui::DestroyContext();
    if (core.pack) {
        text::Engine engine;
        results.push_back(platform::checkFonts(engine, *core.pack));
    } else {
        results.push_back({"fonts", CheckResult::Level::Fail, "no pack whose languages to draw"});
    }
    results.insert(results.end(), core.results.begin(), core.results.end());
    results.push_back(platform::checkAudio());
    for (const CheckResult& r : results) std::printf("%s\n", checkLine(r).c_str());
    return anyFailed(results) ? 1 : 0;
}

// --export-outbox: the whole counts file each time, under one name per kiosk, replaced
// atomically, so that a sync engine never sends half a file.
int exportOutbox(const fs::path& stateDir, const fs::path& outbox) {
    std::error_code ec;
    if (!fs::exists(stateDir / "counts.sqlite", ec)) { // the timer may fire before the kiosk's first start
        std::fprintf(stderr, "everyvoice-kiosk: no counts yet in %s: nothing exported\n", stateDir.c_str());
        return 0;
    }
    try {
        const CountsExported done = exportCountsFile(stateDir, {outbox, CountsFileName::PerKiosk});
        std::fprintf(stderr, "everyvoice-kiosk: exported %zu rows to %s\n", done.rows, done.file.c_str());
        return 0;
    } catch (const std::exception& e) { // CountsError, KioskIdentityError, FileError: one line each
        std::fprintf(stderr, "everyvoice-kiosk: counts not exported: %s\n", e.what());
        return 1;
    }
}

} // namespace ev::cli
