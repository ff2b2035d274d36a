// everyvoice-kiosk: command line and wiring. See README.md and docs/design.md.
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

#include "core/atomic_file.h"
#include "core/clock.h"
#include "core/counts/counts.h"
#include "core/counts/counts_export.h"
#include "core/counts/kiosk_identity.h"
#include "core/durable_file.h"
#include "core/i18n/i18n.h"
#include "core/kiosk/kiosk_config.h"
#include "core/kiosk/self_check.h"
#include "core/pack/builtin_help.h"
#include "core/pack/pack_reader.h"
#include "core/pack/pack_store.h"
#include "core/pack/update_settings.h"
#include "core/session/admin_pin.h"
#include "core/session/script.h"
#include "core/session/session.h"
#include "platform/host.h"
#include "platform/kiosk_loop.h"
#include "platform/monkey_driver.h"
#include "platform/pack_updates.h"
#include "platform/script_driver.h"
#include "platform/sdl_narrator.h"
#include "platform/self_check.h"
#include "text/engine.h"
#include "ui/app.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage = R"(usage: everyvoice-kiosk [options]

  --config FILE        settings file (default /etc/everyvoice/kiosk.toml when installed in
                       /usr; options given here win over its keys); see docs/deployment.md
  --check              check this kiosk (GL, fonts, pack, trusted keys, state folder, counts,
                       PIN, clock, audio), one line each; exit 1 if any check fails
  --export-outbox      write the counts, as `everyvoice-pack counts export` does, to the
                       settings file's outbox as everyvoice-counts-<kiosk id>.csv, exit (hourly,
                       by everyvoice-export.timer; the same name each time: merging is idempotent)
  --pack FILE          content pack to show (default: the current pack of the state folder's
                       pack store, else the built-in default pack)
  --state-dir DIR      where counts, packs and trusted keys are kept
                       (default: $XDG_STATE_HOME/everyvoice; with --script or --monkey, a new
                       folder in /tmp, so that test counts never join a kiosk's real ones)
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
    std::optional<fs::path> pack, stateDir, inbox, script, screenshot, exportDir, trustedKeys, outbox;
    std::optional<std::string> venue; // from --config; the state folder's kiosk.toml otherwise
    bool setAdminPin = false, check = false, exportOutbox = false;
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

// "HEIGHT,BOTTOM" in mm (--mounting, kiosk.toml mounting): the share of the screen in reach.
float reachable(const std::string& v) {
    const auto comma = v.find(',');
    if (comma == std::string::npos) usageError("--mounting needs HEIGHT,BOTTOM in mm, e.g. 531,900");
    const int height = number<int>(std::string_view(v).substr(0, comma), "--mounting");
    const int bottom = number<int>(std::string_view(v).substr(comma + 1), "--mounting");
    if (height < 100 || bottom < 0) usageError("--mounting: a panel is at least 100 mm tall, its edge not below the floor");
    // EN 301 549 reach range tops out at 1220 mm above the floor.
    return std::clamp(float(1220 - bottom) / float(height), 0.0f, 1.0f);
}

// The settings file's keys, before the command line's options override them.
void applyConfig(Options& o, const fs::path& file) {
    ev::KioskConfig c;
    try {
        c = ev::readKioskConfig(file);
    } catch (const ev::ConfigError& e) {
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", e.what());
        std::exit(1);
    }
    o.stateDir = c.stateDir;
    o.inbox = c.inbox;
    o.exportDir = c.exportDir;
    o.trustedKeys = c.trustedKeys;
    o.outbox = c.outbox;
    o.venue = c.venue;
    if (c.idleLimitSeconds) o.session.idleLimit = ev::Millis(*c.idleLimitSeconds * 1000);
    if (c.mounting) o.app.reachable = reachable(*c.mounting);
}

// An installed kiosk (in /usr) reads the package's settings file unless told otherwise.
std::optional<fs::path> configFile(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string_view(argv[i]) == "--config") return fs::path(argv[i + 1]);
    std::error_code ec;
    const fs::path exe = fs::canonical("/proc/self/exe", ec);
    const fs::path installed = "/etc/everyvoice/kiosk.toml";
    if (!ec && exe.string().starts_with("/usr/") && fs::exists(installed, ec)) return installed;
    return std::nullopt;
}

Options parse(int argc, char** argv) {
    Options o;
    if (const auto file = configFile(argc, argv)) applyConfig(o, *file);
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
        else if (a == "--mounting") o.app.reachable = reachable(value());
        else if (a == "--locale") o.locale = value();
        else if (a == "--goto") o.gotoTarget = value();
        else if (a == "--script") o.script = value();
        else if (a == "--screenshot") o.screenshot = value();
        else if (a == "--monkey") o.monkey = number<long>(value(), "--monkey");
        else if (a == "--seed") o.seed = number<std::uint64_t>(value(), "--seed");
        else if (a == "--inbox") o.inbox = value();
        else if (a == "--export-dir") o.exportDir = value();
        else if (a == "--set-admin-pin") o.setAdminPin = true;
        else if (a == "--config") value(); // read first, by configFile
        else if (a == "--check") o.check = true;
        else if (a == "--export-outbox") o.exportOutbox = true;
        else usageError("unknown option '" + std::string(a) + "'");
    }
    if (o.window.fullscreen && o.window.width) usageError("--window and --fullscreen do not go together");
    if (o.monkey && o.script) usageError("--monkey and --script do not go together");
    if (o.exportOutbox && !o.outbox) usageError("--export-outbox needs outbox in the settings file (--config)");
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

// Test data never mixes with real data: a --script or --monkey run without --state-dir counts
// into a new folder of its own, never the kiosk's real one (docs/counts.md).
fs::path throwawayStateDir() {
    std::string dir = (fs::temp_directory_path() / "everyvoice-test-XXXXXX").string();
    if (!::mkdtemp(dir.data())) usageError("cannot make a folder for a scripted run's counts; give --state-dir");
    std::fprintf(stderr, "everyvoice-kiosk: a scripted run counts into %s, not the kiosk's state folder\n", dir.c_str());
    return dir;
}

fs::path trustedKeysDir(const Options& o, const fs::path& stateDir) {
    return o.trustedKeys ? *o.trustedKeys : stateDir / "trusted-keys";
}

ev::SelfCheckSettings selfCheckSettings(const Options& o, const fs::path& stateDir, const char* argv0) {
    ev::SelfCheckSettings settings;
    settings.stateDir = stateDir;
    settings.trustedKeys = trustedKeysDir(o, stateDir);
    settings.defaultPack = defaultPack(argv0);
    settings.pack = o.pack;
    return settings;
}

// --check: every check's line on stdout; 1 if any failed.
int selfCheck(const Options& o, const fs::path& stateDir, const char* argv0) {
    using namespace ev;
    SystemClock clock;
    CoreChecks core = runCoreChecks(selfCheckSettings(o, stateDir, argv0), clock);
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
    using namespace ev;
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

} // namespace

int main(int argc, char** argv) {
    using namespace ev;
    const Options opt = parse(argc, argv);

    // Scripts and the monkey move time themselves ("wait N"); a person's kiosk uses real time.
    OffsetClock clock(/*frozen=*/opt.script.has_value() || opt.monkey.has_value());
    const fs::path stateDir = opt.stateDir                      ? *opt.stateDir
                              : opt.script || opt.monkey ? throwawayStateDir()
                                                          : defaultStateDir();
    if (opt.setAdminPin) return setAdminPin(stateDir);
    if (opt.check) return selfCheck(opt, stateDir, argv[0]);
    if (opt.exportOutbox) return exportOutbox(stateDir, *opt.outbox);
    std::unique_ptr<PackStore> store;
    Pack pack;
    // Which pack a kiosk with a pack store started with is worth a line in its log; a pack named
    // with --pack and no inbox is not news.
    std::optional<std::string> packSource;
    PackStoreSettings storeSettings;
    bool builtIn = false; // no pack at all: the built-in help numbers
    std::string packOrigin; // for the admin screen's pack line
    try {
        storeSettings = readUpdateSettings(stateDir);
        if (opt.inbox) storeSettings.inbox = *opt.inbox;
        storeSettings.trustedKeys = trustedKeysDir(opt, stateDir);
    } catch (const std::exception& e) { // ConfigError: one line
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", e.what());
        return 1;
    }
    try {
        store = std::make_unique<PackStore>(stateDir, clock, storeSettings);
    } catch (const FileError& e) {
        // A state folder that cannot be written costs pack updates, never the content.
        std::fprintf(stderr, "everyvoice-kiosk: %s; no pack updates this run\n", e.what());
    }
    try {
        std::optional<Pack> stored;
        if (!opt.pack && store) stored = store->openCurrent();
        const fs::path file = opt.pack ? *opt.pack : defaultPack(argv[0]);
        pack = stored ? std::move(*stored) : readPack(file);
        if (!opt.pack || storeSettings.inbox) packSource = stored ? "the pack store" : file.string();
        packOrigin = stored ? ui::App::kFromStore : opt.pack ? "from " + file.string() : ui::App::kBuiltIn;
    } catch (const PackError& e) {
        // A pack named on the command line is someone testing: they hear why. A kiosk with no
        // pack at all still shows where to get help.
        if (opt.pack) {
            std::fprintf(stderr, "everyvoice-kiosk: %s\n", e.what());
            return 1;
        }
        std::fprintf(stderr, "everyvoice-kiosk: %s; showing the help numbers built into the kiosk\n", e.what());
        pack = builtInHelpPack();
        packSource = "the help numbers built into the kiosk";
        packOrigin = "no pack: only the help numbers built into the kiosk";
        builtIn = true;
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
            usageError("--goto topics needs an audience: topics:child, topics:teen, topics:parent or topics:community");
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

    // Neither can stop the kiosk: the counter keeps counts in memory when it cannot store them
    // (and says so on the admin screen); without an identity only the export is refused.
    auto counter = std::make_unique<Counter>(stateDir, clock);
    try {
        // Made on first run, so that this kiosk's exports can be told from others' when merged.
        KioskIdentity identity = KioskIdentity::loadOrCreate(stateDir);
        if (opt.venue && *opt.venue != identity.venue()) identity.setVenue(*opt.venue);
    } catch (const KioskIdentityError& e) {
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", e.what());
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
    else if (builtIn) session.goTo({Screen::Help, {}});
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
        std::optional<platform::PackUpdates> updates;
        if (store) updates.emplace(*store, clock, storeSettings.pollEvery, app, session, *counter);
        // The admin screen's Health list: --check's lines, with this run's GL context and fonts.
        const auto health = [&] {
            SelfCheckSettings settings = selfCheckSettings(opt, stateDir, argv[0]);
            settings.shown = &app.pack();
            CoreChecks core = runCoreChecks(settings, clock);
            std::vector<CheckResult> results{platform::checkGlContext(), platform::checkFonts(*engine, pack)};
            results.insert(results.end(), core.results.begin(), core.results.end());
            results.push_back(platform::checkAudio());
            return results;
        };
        app.setPackOrigin(packOrigin);
        app.setStaff({&adminPin, counter.get(), stateDir, opt.exportDir ? *opt.exportDir : stateDir / "exports",
                      updates ? &*updates : nullptr, health});
        platform::KioskLoop loop(*host, app, session, clock, *engine);
        platform::LoopOptions loopOptions;
        loopOptions.updates = updates ? &*updates : nullptr;
        platform::ServiceNotifier service;
        loopOptions.service = &service;
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
