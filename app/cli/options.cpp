#include "cli/options.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string_view>

#include "core/kiosk/kiosk_config.h"
#include "core/pack/content.h"

namespace ev::cli {

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
                       | present:topics:<audience> | present:plan:<id> | record
  --present            present mode, for a facilitator with a projector: a page's steps one
                       screen at a time, text sized for a hall, no idle reset; Right/Left,
                       PageDown/PageUp, Space, Home/End, B or . blanks (docs/presenting.md)
  --plan ID            with --present: the pack's session plan ID
  --presenter-window WxH  with --present: the presenter view (current and next step, notes,
                       clock) in a second window of this size on the same display; with two
                       displays it opens by itself, filling the first, the room's on the second
  --topics AUDIENCE    with --present: the pages of an audience's topics list (child, teen,
                       parent, community; default parent)
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
  --bench-first-frame  draw one frame, print when it was finished and each start step's
                       time in ms, exit (tools/bench.sh)
  --version            print the version
  --help               this text
)";

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
    KioskConfig c;
    try {
        c = readKioskConfig(file);
    } catch (const ConfigError& e) {
        throw UsageError(e.what(), 1);
    }
    o.stateDir = c.stateDir;
    o.inbox = c.inbox;
    o.exportDir = c.exportDir;
    o.trustedKeys = c.trustedKeys;
    o.outbox = c.outbox;
    o.venue = c.venue;
    if (c.idleLimitSeconds) o.session.idleLimit = Millis(*c.idleLimitSeconds * 1000);
    if (c.mounting) o.app.reachable = reachable(*c.mounting);
}

// An installed kiosk (in /usr) reads the package's settings file unless told otherwise.
std::optional<fs::path> configFile(int argc, const char* const* argv) {
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string_view(argv[i]) == "--config") return fs::path(argv[i + 1]);
    std::error_code ec;
    const fs::path exe = fs::canonical("/proc/self/exe", ec);
    const fs::path installed = "/etc/everyvoice/kiosk.toml";
    if (!ec && exe.string().starts_with("/usr/") && fs::exists(installed, ec)) return installed;
    return std::nullopt;
}

} // namespace

void usageError(const std::string& message) { throw UsageError(message + " (see --help)", 2); }

Options parseOptions(int argc, const char* const* argv) {
    Options o;
    if (const auto file = configFile(argc, argv)) applyConfig(o, *file);
    bool present = false; // --present [--plan ID | --topics AUDIENCE]: a --goto present:... target
    std::optional<std::string> plan, topics;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) usageError(std::string(a) + " needs a value");
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            o.info = kUsage;
            return o;
        } else if (a == "--version") {
            o.info = std::string("everyvoice-kiosk ") + EV_VERSION + "\n";
            return o;
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
            o.session.idleLimit = Millis(s * 1000);
        } else if (a == "--prompt-time") {
            const int s = number<int>(value(), "--prompt-time");
            if (s < 20 || s > 600) usageError("--prompt-time takes seconds from 20 (WCAG 2.2.1) to 600");
            o.session.promptTime = Millis(s * 1000);
        }
        else if (a == "--scan") {
            const double s = std::atof(value().c_str());
            if (s < 0.5 || s > 10) usageError("--scan takes seconds from 0.5 to 10");
            o.app.scanEvery = Millis(static_cast<long>(s * 1000));
        }
        else if (a == "--mounting") o.app.reachable = reachable(value());
        else if (a == "--locale") o.locale = value();
        else if (a == "--goto") o.gotoTarget = value();
        else if (a == "--present") present = true;
        else if (a == "--plan") plan = value();
        else if (a == "--topics") topics = value();
        else if (a == "--presenter-window") {
            const std::string v = value();
            const auto x = v.find('x');
            if (x == std::string::npos) usageError("--presenter-window needs WxH, e.g. 1280x720");
            platform::WindowOptions w;
            w.width = number<int>(std::string_view(v).substr(0, x), "--presenter-window");
            w.height = number<int>(std::string_view(v).substr(x + 1), "--presenter-window");
            if (w.width < 200 || w.height < 200) usageError("--presenter-window is at least 200x200");
            o.presenterWindow = w;
        }
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
    if ((plan || topics || o.presenterWindow) && !present)
        usageError("--plan, --topics and --presenter-window go with --present");
    if (plan && topics) usageError("--plan and --topics do not go together");
    if (present && o.gotoTarget) usageError("--present and --goto do not go together");
    if (topics && !audienceFromId(*topics))
        usageError("--topics takes child, teen, parent or community, not '" + *topics + "'");
    if (present) {
        o.gotoTarget = plan ? "present:plan:" + *plan : "present:topics:" + topics.value_or("parent");
        o.gotoOption = plan ? "--plan" : topics ? "--topics" : "--present";
    }
    if (o.window.fullscreen && o.window.width) usageError("--window and --fullscreen do not go together");
    if (o.monkey && o.script) usageError("--monkey and --script do not go together");
    if (o.exportOutbox && !o.outbox) usageError("--export-outbox needs outbox in the settings file (--config)");
    return o;
}

} // namespace ev::cli
