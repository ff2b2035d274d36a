// --script files: every command, the FILE:LINE of each mistake, and any bytes at all giving
// either commands or a ScriptError, never anything else.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/session/script.h"

using namespace ev;
using Kind = ScriptCommand::Kind;
using namespace std::chrono_literals;

namespace {

// The line a script is refused at, or 0 if it is accepted.
int errorLine(const std::string& text) {
    try {
        parseScript(text, "t.evscript");
    } catch (const ScriptError& e) {
        const std::string prefix = "t.evscript:" + std::to_string(e.line()) + ": ";
        CHECK(std::string(e.what()).rfind(prefix, 0) == 0);
        CHECK(std::string(e.what()).size() > prefix.size()); // there is a message
        return e.line();
    }
    return 0;
}

} // namespace

TEST_CASE("every command parses", "[script]") {
    const auto cmds = parseScript("# a walk through the flow\n"
                                  "\n"
                                  "tap start\n"
                                  "tap   Get help now  \n"
                                  "tap 540 960\n"
                                  "tap 12.5 0\n"
                                  "tap Page 2\n"
                                  "drag 10 1500 10 300.5\n"
                                  "key shift\r\n"
                                  "key Escape\n"
                                  "key a\n"
                                  "  wait 4.9\n"
                                  "wait 0\n"
                                  "wait 90\n"
                                  "screenshot out/idle prompt.PNG\n"
                                  "expect nav:exit\n"
                                  "expect Ngozi #1 রক্ষা\n"
                                  "\t# indented comment\n"
                                  "goto page:staying-safe\n"
                                  "goto topics:child\n"
                                  "hold attract:title 5\n"
                                  "hold Every Voice  4.9\n"
                                  "sleep 1.5\n",
                                  "walk.evscript");
    REQUIRE(cmds.size() == 20);
    CHECK(cmds[0].kind == Kind::TapTarget);
    CHECK(cmds[0].text == "start");
    CHECK(cmds[0].where == "walk.evscript:3");
    CHECK(cmds[1].kind == Kind::TapTarget);
    CHECK(cmds[1].text == "Get help now");
    CHECK(cmds[2].kind == Kind::TapPoint);
    CHECK(cmds[2].x1 == 540.0f);
    CHECK(cmds[2].y1 == 960.0f);
    CHECK(cmds[3].kind == Kind::TapPoint);
    CHECK(cmds[3].x1 == 12.5f);
    CHECK(cmds[4].kind == Kind::TapTarget);
    CHECK(cmds[4].text == "Page 2");
    CHECK(cmds[5].kind == Kind::Drag);
    CHECK((cmds[5].x1 == 10.0f && cmds[5].y1 == 1500.0f && cmds[5].x2 == 10.0f && cmds[5].y2 == 300.5f));
    CHECK(cmds[6].kind == Kind::Key);
    CHECK(cmds[6].text == "shift");
    CHECK(cmds[6].where == "walk.evscript:9");
    CHECK(cmds[7].text == "escape"); // named keys in lower case, whatever the script wrote
    CHECK(cmds[8].text == "a");
    CHECK(cmds[9].kind == Kind::Wait);
    CHECK(cmds[9].wait == 4900ms);
    CHECK(cmds[10].wait == 0ms);
    CHECK(cmds[11].wait == 90s);
    CHECK(cmds[12].kind == Kind::Screenshot);
    CHECK(cmds[12].text == "out/idle prompt.PNG");
    CHECK(cmds[13].kind == Kind::Expect);
    CHECK(cmds[13].text == "nav:exit");
    CHECK(cmds[14].text == "Ngozi #1 রক্ষা");
    CHECK(cmds[15].kind == Kind::Goto);
    CHECK(cmds[15].text == "page:staying-safe");
    CHECK(cmds[16].text == "topics:child");
    CHECK(cmds[17].kind == Kind::Hold);
    CHECK(cmds[17].text == "attract:title");
    CHECK(cmds[17].wait == 5s);
    CHECK(cmds[18].text == "Every Voice"); // a label with spaces, the seconds last
    CHECK(cmds[18].wait == 4900ms);
    CHECK(cmds[19].kind == Kind::Sleep);
    CHECK(cmds[19].wait == 1500ms);
}

TEST_CASE("an empty script, or only comments, is no commands", "[script]") {
    CHECK(parseScript("", "e").empty());
    CHECK(parseScript("\n\n# nothing\n   \n", "e").empty());
    CHECK(parseScript("\xEF\xBB\xBFwait 1\n", "bom").size() == 1);
}

TEST_CASE("mistakes are refused with the line they are on", "[script]") {
    CHECK(errorLine("tap start\nwiat 3\n") == 2);
    CHECK(errorLine("tap\n") == 1);
    CHECK(errorLine("# c\n\ntap   \n") == 3);
    CHECK(errorLine("drag 1 2 3\n") == 1);
    CHECK(errorLine("drag 1 2 3 x\n") == 1);
    CHECK(errorLine("drag 1 2 3 -4\n") == 1);
    CHECK(errorLine("key\n") == 1);
    CHECK(errorLine("key left shift\n") == 1);
    CHECK(errorLine("wait\n") == 1);
    CHECK(errorLine("wait -1\n") == 1);
    CHECK(errorLine("wait 1e3\n") == 1);
    CHECK(errorLine("wait nan\n") == 1);
    CHECK(errorLine("wait inf\n") == 1);
    CHECK(errorLine("wait 86401\n") == 1);
    CHECK(errorLine("sleep 11\n") == 1); // a test that long is waiting for nothing
    CHECK(errorLine("sleep\n") == 1);
    CHECK(errorLine("wait 3 s\n") == 1);
    CHECK(errorLine("wait 3s\n") == 1);
    CHECK(errorLine("screenshot\n") == 1);
    CHECK(errorLine("screenshot shot.jpg\n") == 1);
    CHECK(errorLine("screenshot .png\n") == 1);
    CHECK(errorLine("expect\n") == 1);
    CHECK(errorLine("TAP start\n") == 1);
    CHECK(errorLine("goto\n") == 1);
    CHECK(errorLine("goto topics\n") == 1); // for whom?
    CHECK(errorLine("goto topics:nobody\n") == 1);
    CHECK(errorLine("goto page:\n") == 1);
    CHECK(errorLine("goto help now\n") == 1);
    CHECK(errorLine("wait 1\nwait 2\nwait 3\nexpect\n") == 4);
    CHECK(errorLine("hold\n") == 1);
    CHECK(errorLine("hold attract:title\n") == 1); // how long?
    CHECK(errorLine("hold 5\n") == 1);              // what?
    CHECK(errorLine("hold attract:title -5\n") == 1);
    CHECK(errorLine("hold attract:title 86401\n") == 1);
    CHECK(errorLine("hold attract:title 5s\n") == 1);
    CHECK(errorLine(std::string("tap a\0b\n", 8)) == 1);
    CHECK(errorLine("tap \xC3\x28\n") == 1);     // broken UTF-8
    CHECK(errorLine("tap \xED\xA0\x80\n") == 1); // a UTF-16 surrogate
    CHECK(errorLine("tap \xC0\xAF\n") == 1);     // overlong
    CHECK(errorLine("wait 1\r\nwait x\r\n") == 2);
    CHECK(errorLine(std::string(1000, 'w') + "\n") == 1);
}

TEST_CASE("a script file is read, and an unreadable one named", "[script]") {
    const auto dir = std::filesystem::temp_directory_path() / ("ev-script-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "s.evscript";
    std::ofstream(file) << "tap start\nwait 2.5\nbogus\n";
    try {
        parseScriptFile(file);
        FAIL("accepted a bad script");
    } catch (const ScriptError& e) {
        CHECK(std::string(e.what()) == file.string() + ":3: unknown command 'bogus' (expected tap, drag, key, wait, sleep, hold, screenshot, expect, mark or goto)");
    }
    std::ofstream(file) << "tap start\nwait 2.5\n";
    CHECK(parseScriptFile(file).size() == 2);
    CHECK(parseScriptFile(file)[1].where == file.string() + ":2");
    CHECK_THROWS_WITH(parseScriptFile(dir / "missing"), Catch::StartsWith((dir / "missing").string() + ": "));
    CHECK_THROWS_AS(parseScriptFile(dir), ScriptError);
    std::filesystem::remove_all(dir);
}

TEST_CASE("any bytes give commands or a ScriptError, nothing else", "[script][fuzz]") {
    std::mt19937 rng(20240611);
    const std::string valid = "tap start\ntap 1 2\ndrag 1 2 3 4\nkey shift\nwait 0.5\nscreenshot a.png\nexpect x\n";
    std::uniform_int_distribution<int> byte(0, 255);
    int refused = 0, accepted = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        if (round % 2 == 0) {
            text.resize(static_cast<std::size_t>(rng() % 200));
            for (char& c : text) c = static_cast<char>(byte(rng));
        } else {
            // A good script with a few bytes changed: gets past the first word far more often.
            text = valid;
            text[rng() % text.size()] = static_cast<char>(byte(rng));
        }
        const long lines = std::count(text.begin(), text.end(), '\n') + 1;
        try {
            const auto cmds = parseScript(text, "fuzz");
            ++accepted;
            for (const auto& c : cmds) {
                CHECK(c.wait >= 0ms);
                CHECK(c.wait <= Millis(86'400'000));
            }
        } catch (const ScriptError& e) {
            ++refused;
            CHECK(e.line() >= 1);
            CHECK(e.line() <= lines);
            CHECK(std::string(e.what()).find('\n') == std::string::npos);
        }
    }
    // Both outcomes happen, so the loop tested something.
    CHECK(refused > 100);
    CHECK(accepted > 10);
}
