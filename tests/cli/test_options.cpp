// parseOptions as main() calls it: argv in, Options or the exact line and exit status out.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "cli/options.h"
#include "process.h"

using namespace evtest;
using ev::Millis;
using ev::cli::Options;
using ev::cli::UsageError;

namespace {

Options parse(std::initializer_list<const char*> args) {
    std::vector<const char*> argv{"everyvoice-kiosk"};
    argv.insert(argv.end(), args);
    return ev::cli::parseOptions(static_cast<int>(argv.size()), argv.data());
}

// The line main() prints after "everyvoice-kiosk: ", and the exit status.
std::pair<std::string, int> refusal(std::initializer_list<const char*> args) {
    try {
        parse(args);
    } catch (const UsageError& e) {
        return {e.what(), e.status};
    }
    return {"(accepted)", 0};
}

} // namespace

TEST_CASE("no options: the kiosk's defaults", "[options]") {
    const Options o = parse({});
    CHECK(o.platform == "sdl2");
    CHECK(o.window.width == 0);
    CHECK_FALSE(o.window.fullscreen);
    CHECK_FALSE(o.pack);
    CHECK_FALSE(o.stateDir);
    CHECK(o.seed == 1);
    CHECK(o.session.idleLimit == Millis(90'000));
    CHECK(o.session.promptTime == Millis(30'000));
    CHECK(o.app.reachable == Approx(0.6f));
    CHECK_FALSE(o.info);
}

TEST_CASE("every option lands where the kiosk reads it", "[options]") {
    const Options o = parse({"--pack", "p.evpack", "--state-dir", "/tmp/s", "--platform", "glfw", "--window", "540x960",
                             "--locale", "ur", "--goto", "help", "--monkey", "20", "--seed", "7", "--mounting", "531,900",
                             "--reduced-motion", "--idle-limit", "120", "--prompt-time", "45", "--scan", "1.5",
                             "--inbox", "/tmp/in", "--export-dir", "/tmp/out", "--screenshot", "a.png",
                             "--bench-first-frame", "--set-admin-pin", "--check"});
    CHECK(*o.pack == "p.evpack");
    CHECK(*o.stateDir == "/tmp/s");
    CHECK(o.platform == "glfw");
    CHECK(o.window.width == 540);
    CHECK(o.window.height == 960);
    CHECK(*o.locale == "ur");
    CHECK(*o.gotoTarget == "help");
    CHECK(*o.monkey == 20);
    CHECK(o.seed == 7);
    CHECK(o.app.reachable == Approx((1220.0f - 900.0f) / 531.0f));
    CHECK(o.app.reducedMotion);
    CHECK(o.session.idleLimit == Millis(120'000));
    CHECK(o.session.promptTime == Millis(45'000));
    CHECK(o.app.scanEvery == Millis(1'500));
    CHECK(*o.inbox == "/tmp/in");
    CHECK(*o.exportDir == "/tmp/out");
    CHECK(*o.screenshot == "a.png");
    CHECK(o.benchFirstFrame);
    CHECK(o.setAdminPin);
    CHECK(o.check);
    CHECK(parse({"--fullscreen"}).window.fullscreen);
    CHECK(*parse({"--script", "s.evscript"}).script == "s.evscript");
}

TEST_CASE("--help and --version are answered before anything else is read", "[options]") {
    CHECK_THAT(*parse({"--pack", "x", "--help"}).info, Catch::StartsWith("usage: everyvoice-kiosk [options]"));
    CHECK_THAT(*parse({"-h"}).info, Catch::Contains("--bench-first-frame"));
    CHECK_THAT(*parse({"--version"}).info, Catch::StartsWith("everyvoice-kiosk "));
}

TEST_CASE("a mistake on the command line is one line and exit status 2", "[options]") {
    using R = std::pair<std::string, int>;
    CHECK(refusal({"--bogus"}) == R{"unknown option '--bogus' (see --help)", 2});
    CHECK(refusal({"--pack"}) == R{"--pack needs a value (see --help)", 2});
    CHECK(refusal({"--platform", "wayland"}) == R{"--platform is sdl2 or glfw (see --help)", 2});
    CHECK(refusal({"--window", "big"}) == R{"--window needs WxH, e.g. 1080x1920 (see --help)", 2});
    CHECK(refusal({"--window", "100x100"}) == R{"--window is at least 200x200 (see --help)", 2});
    CHECK(refusal({"--window", "10ax300"}) == R{"--window needs a number, not '10a' (see --help)", 2});
    CHECK(refusal({"--window", "400x400", "--fullscreen"}) == R{"--window and --fullscreen do not go together (see --help)", 2});
    CHECK(refusal({"--monkey", "5", "--script", "s"}) == R{"--monkey and --script do not go together (see --help)", 2});
    CHECK(refusal({"--idle-limit", "10"}) == R{"--idle-limit takes seconds from 30 to 1800 (see --help)", 2});
    CHECK(refusal({"--prompt-time", "5"}) == R{"--prompt-time takes seconds from 20 (WCAG 2.2.1) to 600 (see --help)", 2});
    CHECK(refusal({"--scan", "0.1"}) == R{"--scan takes seconds from 0.5 to 10 (see --help)", 2});
    CHECK(refusal({"--mounting", "531"}) == R{"--mounting needs HEIGHT,BOTTOM in mm, e.g. 531,900 (see --help)", 2});
    CHECK(refusal({"--mounting", "50,900"}) ==
          R{"--mounting: a panel is at least 100 mm tall, its edge not below the floor (see --help)", 2});
    CHECK(refusal({"--export-outbox"}) == R{"--export-outbox needs outbox in the settings file (--config) (see --help)", 2});
}

TEST_CASE("the settings file (--config): its keys, with the command line winning", "[options][config]") {
    TempDir dir;
    const fs::path file = dir.path / "kiosk.toml";
    writeFile(file, "state_dir = \"state\"\nvenue = \"Barking Library\"\nidle_limit = 300\nmounting = \"600,800\"\n"
                    "inbox = \"/srv/inbox\"\noutbox = \"out\"\nexport_dir = \"/media/usb\"\ntrusted_keys = \"keys\"\n");
    const Options o = parse({"--config", file.c_str(), "--export-outbox"});
    CHECK(*o.stateDir == dir.path / "state");
    CHECK(*o.venue == "Barking Library");
    CHECK(o.session.idleLimit == Millis(300'000));
    CHECK(o.app.reachable == Approx((1220.0f - 800.0f) / 600.0f));
    CHECK(*o.inbox == "/srv/inbox");
    CHECK(*o.outbox == dir.path / "out");
    CHECK(*o.exportDir == "/media/usb");
    CHECK(*o.trustedKeys == dir.path / "keys");
    CHECK(o.exportOutbox);

    const Options over = parse({"--idle-limit", "60", "--config", file.c_str(), "--state-dir", "/tmp/mine"});
    CHECK(over.session.idleLimit == Millis(60'000));
    CHECK(*over.stateDir == "/tmp/mine");
}

TEST_CASE("a settings file that cannot be used is one line naming it and exit status 1", "[options][config]") {
    TempDir dir;
    const fs::path file = dir.path / "kiosk.toml";
    writeFile(file, "state_dir = \"s\"\ncolour = \"red\"\n");
    const auto [line, status] = refusal({"--config", file.c_str()});
    CHECK(status == 1);
    CHECK_THAT(line, Catch::StartsWith(file.string() + ":2: unknown key 'colour'"));
    const fs::path missing = dir.path / "none.toml";
    CHECK(refusal({"--config", missing.c_str()}) == std::pair<std::string, int>{missing.string() + ": no such file", 1});
    // A FIFO is there but not a file: said so, and never opened (it would wait for a writer).
    const auto fifo = fs::temp_directory_path() / ("ev-cli-fifo-" + std::to_string(::getpid()));
    fs::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(refusal({"--config", fifo.c_str()}) == std::pair<std::string, int>{fifo.string() + ": not a plain file, so not read", 1});
    fs::remove(fifo);
    writeFile(file, "idle_limit = 5\n");
    CHECK(refusal({"--config", file.c_str()}).first == file.string() + ":1: idle_limit must be whole seconds from 30 to 1800");
}

TEST_CASE("present mode from the command line: a plan or a topics list, and a presenter window if asked", "[options]") {
    CHECK(parse({"--present"}).gotoTarget == "present:topics:parent");
    CHECK(parse({"--present", "--topics", "teen"}).gotoTarget == "present:topics:teen");
    const Options o = parse({"--present", "--plan", "young-people", "--presenter-window", "1024x640"});
    CHECK(o.gotoTarget == "present:plan:young-people");
    REQUIRE(o.presenterWindow);
    CHECK(o.presenterWindow->width == 1024);
    CHECK(o.presenterWindow->height == 640);
    CHECK_FALSE(parse({"--present"}).presenterWindow);
    using R = std::pair<std::string, int>;
    CHECK(refusal({"--plan", "x"}) == R{"--plan, --topics and --presenter-window go with --present (see --help)", 2});
    CHECK(refusal({"--present", "--plan", "x", "--topics", "teen"}) == R{"--plan and --topics do not go together (see --help)", 2});
    CHECK(refusal({"--present", "--goto", "help"}) == R{"--present and --goto do not go together (see --help)", 2});
    CHECK(refusal({"--present", "--presenter-window", "big"}) == R{"--presenter-window needs WxH, e.g. 1280x720 (see --help)", 2});
}

TEST_CASE("present mode's errors name the option typed, never --goto", "[options]") {
    using R = std::pair<std::string, int>;
    CHECK(refusal({"--present", "--topics", "kids"}) == R{"--topics takes child, teen, parent or community, not 'kids' (see --help)", 2});
    CHECK(refusal({"--present", "--topics", ""}).first.starts_with("--topics takes"));
    // Checked against the pack later (cli/kiosk.cpp): the message names the option given.
    CHECK(parse({"--present", "--plan", "no-such-plan"}).gotoOption == "--plan");
    CHECK(parse({"--present", "--topics", "teen"}).gotoOption == "--topics");
    CHECK(parse({"--present"}).gotoOption == "--present");
    CHECK(parse({"--goto", "help"}).gotoOption == "--goto");
}
