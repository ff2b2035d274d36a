// everyvoice-kiosk: command line and wiring. See README.md and DESIGN.md "Interfaces".
#include <imgui.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/admin_pin.h"
#include "core/clock.h"
#include "core/counts.h"
#include "core/i18n.h"
#include "core/kiosk_identity.h"
#include "core/pack_reader.h"
#include "core/pack_store.h"
#include "core/update_settings.h"
#include "core/script.h"
#include "core/session.h"
#include "platform/host.h"
#include "platform/kiosk_loop.h"
#include "platform/monkey_driver.h"
#include "platform/pack_updates.h"
#include "platform/sdl_narrator.h"
#include "platform/script_driver.h"
#include "text/engine.h"
#include "ui/app.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage = R"(usage: everyvoice-kiosk [options]

  --pack FILE          content pack to show (default: the current pack of the state folder's
                       pack store, else the built-in default pack)
  --state-dir DIR      where counts, packs and trusted keys are kept
                       (default: $XDG_STATE_HOME/everyvoice)
  --export-dir DIR     where the admin screen's "Export counts" writes (a mounted USB stick;
                       default: STATE-DIR/exports)
  --set-admin-pin      read the staff PIN (4 to 8 digits) from standard input, store it hashed
                       in STATE-DIR/admin-pin, exit; without one the admin screen cannot open
  --inbox DIR          look in DIR for new signed packs (default: inbox in
                       STATE-DIR/updates.toml, else none); see docs/pack-format.md
  --platform NAME      sdl2 (default: kiosk, touch) or glfw (desktop preview)
  --window WxH         window size in pixels (default: 1080x1920 scaled to fit the screen)
  --fullscreen         fill the screen
  --locale TAG         start in this language (e.g. bn, ur, pa)
  --goto SCREEN        start on a screen: attract | languages | audience | topics:<audience>
                       | page:<page-id> | help | signpost:<id> | neutral | admin
  --script FILE        play a script: tap <id or label> | tap X Y | drag X1 Y1 X2 Y2 |
                       hold <id or label> SECONDS |
                       key NAME | wait SECONDS | sleep SECONDS (real time, for sound) |
                       screenshot FILE.png | expect <id or label>
  --screenshot FILE    draw until settled, write a PNG, exit (after --script, if both)
  --monkey N           N random taps, drags, keys and waits (soak and fuzz testing)
  --seed S             seed for --monkey (default 1)
  --mounting H,B        the panel's height and its bottom edge above the floor, in mm
                       (default 531,900: a 24-inch portrait panel on a floor stand); sets how
                       much of the screen "buttons lower down" may use (reach 380-1220 mm)
  --reduced-motion     the attract screen keeps still instead of cycling languages
  --idle-limit SECONDS "Still there?" after this long without a touch (default 90; 30 to 1800:
                       lengthen it where people read slowly)
  --prompt-time SECONDS how long "Still there?" waits before the kiosk resets (default 30;
                       at least 20, WCAG 2.2.1)
  --scan SECONDS       switch access: the focus steps to the next control this often (0.5 to
                       10; default off); Enter or Space, which a switch sends, takes it
  --bench-first-frame  draw one frame, print when it was finished, exit (tools/bench.sh)
  --version            print the version
  --help               this text
)";

struct Options {
    std::optional<fs::path> pack, stateDir, inbox, script, screenshot, exportDir;
    bool setAdminPin = false;
    std::string platform = "sdl2";
    ev::platform::WindowOptions window;
    std::optional<std::string> locale, gotoTarget;
    std::optional<long> monkey;
    std::uint64_t seed = 1;
    bool benchFirstFrame = false;
    ev::ui::AppSettings app;
    ev::SessionSettings session;
};

[[noreturn]] void usageError(const std::string& message) {
    std::fprintf(stderr, "everyvoice-kiosk: %s (see --help)\n", message.c_str());
    std::exit(2);
}

template <typename T>
T number(std::string_view s, const char* flag) {
    T value{};
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) usageError(std::string(flag) + " needs a number, not '" + std::string(s) + "'");
    return value;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) usageError(std::string(a) + " needs a value");
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            std::exit(0);
        } else if (a == "--version") {
            std::printf("everyvoice-kiosk %s\n", EV_VERSION);
            std::exit(0);
        } else if (a == "--pack") o.pack = value();
        else if (a == "--state-dir") o.stateDir = value();
        else if (a == "--platform") {
            o.platform = value();
            if (o.platform != "sdl2" && o.platform != "glfw") usageError("--platform is sdl2 or glfw");
        } else if (a == "--window") {
            const std::string v = value();
            const auto x = v.find('x');
            if (x == std::string::npos) usageError("--window needs WxH, e.g. 1080x1920");
            o.window.width = number<int>(std::string_view(v).substr(0, x), "--window");
            o.window.height = number<int>(std::string_view(v).substr(x + 1), "--window");
            if (o.window.width < 200 || o.window.height < 200) usageError("--window is at least 200x200");
        } else if (a == "--fullscreen") o.window.fullscreen = true;
        else if (a == "--bench-first-frame") o.benchFirstFrame = true;
        else if (a == "--reduced-motion") o.app.reducedMotion = true;
        else if (a == "--idle-limit") {
            const int s = number<int>(value(), "--idle-limit");
            if (s < 30 || s > 1800) usageError("--idle-limit takes seconds from 30 to 1800");
            o.session.idleLimit = ev::Millis(s * 1000);
        } else if (a == "--prompt-time") {
            const int s = number<int>(value(), "--prompt-time");
            if (s < 20 || s > 600) usageError("--prompt-time takes seconds from 20 (WCAG 2.2.1) to 600");
            o.session.promptTime = ev::Millis(s * 1000);
        }
        else if (a == "--scan") {
            const double s = std::atof(value().c_str());
            if (s < 0.5 || s > 10) usageError("--scan takes seconds from 0.5 to 10");
            o.app.scanEvery = ev::Millis(static_cast<long>(s * 1000));
        }
        else if (a == "--mounting") {
            const std::string v = value();
            const auto comma = v.find(',');
            if (comma == std::string::npos) usageError("--mounting needs HEIGHT,BOTTOM in mm, e.g. 531,900");
            const int height = number<int>(std::string_view(v).substr(0, comma), "--mounting");
            const int bottom = number<int>(std::string_view(v).substr(comma + 1), "--mounting");
            if (height < 100 || bottom < 0) usageError("--mounting: a panel is at least 100 mm tall, its edge not below the floor");
            // EN 301 549 reach range tops out at 1220 mm above the floor.
            o.app.reachable = std::clamp(float(1220 - bottom) / float(height), 0.0f, 1.0f);
        }
        else if (a == "--locale") o.locale = value();
        else if (a == "--goto") o.gotoTarget = value();
        else if (a == "--script") o.script = value();
        else if (a == "--screenshot") o.screenshot = value();
        else if (a == "--monkey") o.monkey = number<long>(value(), "--monkey");
        else if (a == "--seed") o.seed = number<std::uint64_t>(value(), "--seed");
        else if (a == "--inbox") o.inbox = value();
        else if (a == "--export-dir") o.exportDir = value();
        else if (a == "--set-admin-pin") o.setAdminPin = true;
        else usageError("unknown option '" + std::string(a) + "'");
    }
    if (o.window.fullscreen && o.window.width) usageError("--window and --fullscreen do not go together");
    if (o.monkey && o.script) usageError("--monkey and --script do not go together");
    return o;
}

// The default pack is built beside the program (build/content/default.evpack) or installed.
fs::path defaultPack(const char* argv0) {
    std::error_code ec;
    const fs::path exe = fs::canonical("/proc/self/exe", ec);
    const fs::path dir = ec ? fs::path(argv0).parent_path() : exe.parent_path();
    for (const fs::path& p : {dir / "../content/default.evpack", fs::path("/usr/share/everyvoice/default.evpack")})
        if (fs::exists(p)) return p;
    return dir / "../content/default.evpack";
}

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
    for (int c; (c = std::getchar()) != EOF && c != '\n' && line.size() <= ev::AdminPin::kMaxDigits;)
        line += static_cast<char>(c);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    try {
        ev::AdminPin::store(stateDir, line);
    } catch (const ev::AdminPinError& e) {
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "everyvoice-kiosk: admin PIN stored in %s\n", (stateDir / ev::AdminPin::kFileName).c_str());
    return 0;
}

fs::path defaultStateDir() {
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) return fs::path(xdg) / "everyvoice";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/state/everyvoice";
    return "everyvoice-state";
}

} // namespace

int main(int argc, char** argv) {
    using namespace ev;
    const Options opt = parse(argc, argv);

    // Scripts and the monkey move time themselves ("wait N"); a person's kiosk uses real time.
    OffsetClock clock(/*frozen=*/opt.script.has_value() || opt.monkey.has_value());
    const fs::path stateDir = opt.stateDir ? *opt.stateDir : defaultStateDir();
    if (opt.setAdminPin) return setAdminPin(stateDir);
    std::unique_ptr<PackStore> store;
    Pack pack;
    // Which pack a kiosk with a pack store started with is worth a line in its log; a pack named
    // with --pack and no inbox is not news.
    std::optional<std::string> packSource;
    std::string packOrigin; // for the admin screen's pack line
    try {
        PackStoreSettings storeSettings = readUpdateSettings(stateDir);
        if (opt.inbox) storeSettings.inbox = *opt.inbox;
        store = std::make_unique<PackStore>(stateDir, clock, storeSettings);
        std::optional<Pack> stored;
        if (!opt.pack) stored = store->openCurrent();
        const fs::path file = opt.pack ? *opt.pack : defaultPack(argv[0]);
        pack = stored ? std::move(*stored) : readPack(file);
        if (!opt.pack || storeSettings.inbox) packSource = stored ? "the pack store" : file.string();
        packOrigin = stored ? ui::App::kFromStore : opt.pack ? "from " + file.string() : ui::App::kBuiltIn;
    } catch (const std::exception& e) { // PackError, ConfigError, FileError: one line each
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", e.what());
        return 1;
    }

    std::optional<std::pair<Location, std::optional<Audience>>> start;
    if (opt.gotoTarget) {
        start = parseTarget(*opt.gotoTarget);
        if (!start) usageError("unknown --goto target '" + *opt.gotoTarget + "'");
        if (const std::string missing = missingIn(pack, start->first); !missing.empty()) {
            std::fprintf(stderr, "everyvoice-kiosk: --goto: %s in pack %s\n", missing.c_str(), pack.id.c_str());
            return 2;
        }
        if (start->first.screen == Screen::Topics && !start->second)
            usageError("--goto topics needs an audience: topics:child, topics:parent or topics:community");
    }

    std::optional<std::vector<ScriptCommand>> script;
    if (opt.script) {
        try {
            script = parseScriptFile(*opt.script);
        } catch (const ScriptError& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return 2;
        }
    }

    std::unique_ptr<Counter> counter;
    try {
        counter = std::make_unique<Counter>(stateDir, clock);
        // Made on first run, so that this kiosk's exports can be told from others' when merged.
        KioskIdentity::loadOrCreate(stateDir);
    } catch (const CountsError& e) {
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", e.what());
        return 1;
    } catch (const KioskIdentityError& e) {
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", e.what());
        return 1;
    }
    counter->setPack(pack.id);
    AdminPin adminPin(stateDir, clock);
    // Said once, to staff starting a kiosk; scripted runs and previews are not one.
    if (!adminPin.isSet() && !opt.script && !opt.monkey && !opt.screenshot && !opt.benchFirstFrame)
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", adminPin.whyNotSet().c_str());

    SessionSettings settings = opt.session;
    settings.defaultLocale = pack.defaultLocale;
    Session session(clock, *counter, settings);
    if (opt.locale) {
        std::vector<std::string> tags;
        for (const auto& l : pack.locales) tags.push_back(l.tag);
        const std::string tag = matchLocale(tags, *opt.locale, pack.defaultLocale);
        if (tag != *opt.locale)
            std::fprintf(stderr, "everyvoice-kiosk: --locale %s: showing %s, the closest this pack has\n", opt.locale->c_str(), tag.c_str());
        session.chooseLanguage(tag);
    }
    if (start) session.goTo(start->first, start->second);
    else if (!opt.locale) session.goTo({Screen::Attract, {}});

    if (packSource)
        std::fprintf(stderr, "everyvoice-kiosk: showing pack %s version %lld from %s\n", pack.id.c_str(),
                     static_cast<long long>(pack.version), packSource->c_str());
    // Finding fonts (fontconfig) takes about as long as creating the window and GL context:
    // do both at once, once every check that may refuse to start has passed. The engine is
    // used only by this thread once get() has returned.
    auto engineReady = std::async(std::launch::async, [] { return std::make_unique<text::Engine>(); });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // a kiosk keeps no window layout between runs
    std::unique_ptr<platform::Host> host = opt.platform == "glfw" ? platform::makeGlfwHost() : platform::makeSdlHost();
    if (const std::string error = host->open(opt.window); !error.empty()) {
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", error.c_str());
        ImGui::DestroyContext();
        return 1;
    }

    const std::unique_ptr<text::Engine> engine = engineReady.get();
    int code = 0;
    {
        ui::App app(pack, session, clock, *engine, opt.app);
        platform::SdlNarrator narrator;
        app.setNarrator(&narrator);
        app.setPackOrigin(packOrigin);
        app.setStaff({&adminPin, counter.get(), stateDir, opt.exportDir ? *opt.exportDir : stateDir / "exports", store.get()});
        platform::KioskLoop loop(*host, app, session, clock, *engine);
        platform::PackUpdates updates(*store, app, session, *counter);
        platform::LoopOptions loopOptions;
        loopOptions.updates = &updates;
        loopOptions.screenshot = opt.screenshot;
        loopOptions.benchFirstFrame = opt.benchFirstFrame;
        std::unique_ptr<platform::Driver> driver;
        int w = 0, h = 0;
        host->framebufferSize(w, h);
        if (script) driver = std::make_unique<platform::ScriptDriver>(std::move(*script));
        else if (opt.monkey) driver = std::make_unique<platform::MonkeyDriver>(*opt.monkey, opt.seed, ImVec2(float(w), float(h)));
        loopOptions.driver = driver.get();
        code = loop.run(loopOptions);
    }
    host->close();
    ImGui::DestroyContext();
    counter->flush();
    return code;
}
