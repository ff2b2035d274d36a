// The staff's way in: hold the title 5 s, type the PIN on the keypad, see the admin screen;
// and the way the kiosk is closed. Nothing here is reachable by a resident's single tap.
#include <catch2/catch.hpp>

#include <algorithm>

#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "core/counts/counts.h"
#include "core/counts/kiosk_identity.h"
#include "core/pack/pack_reader.h"
#include "core/session/admin_pin.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPin = "2580";

// A state folder with a PIN and a counts database, handed to the harness's App.
struct Staffed {
    fs::path dir;
    UiHarness h;
    std::unique_ptr<AdminPin> pin;
    std::unique_ptr<Counter> counter;

    Staffed() {
        static int n = 0;
        dir = fs::temp_directory_path() / ("ev-ui-admin-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(dir);
        AdminPin::store(dir, kPin);
        KioskIdentity::loadOrCreate(dir);
        pin = std::make_unique<AdminPin>(dir, h.clock);
        counter = std::make_unique<Counter>(dir, h.clock);
        h.app.setStaff({pin.get(), counter.get(), dir, dir / "exports"});
    }
    ~Staffed() {
        counter.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }

    // Presses on the title, lets the session clock run `held`, and releases.
    void hold(Millis held) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = h.widget("attract:title").centre();
        io.MouseDown[0] = true;
        h.frame();
        h.clock.advance(held);
        h.frame();
        io.MouseDown[0] = false;
        h.frames(2);
    }
    void type(const std::string& digits) {
        for (char d : digits) h.tap(std::string("pin:") + d);
        h.tap("pin:ok");
    }
    // As --goto admin does, then the PIN.
    void enter() {
        h.session.goTo({Screen::Admin, {}});
        h.frames(2);
        type(kPin);
        h.frames(2);
        REQUIRE(h.session.screen() == Screen::Admin);
    }
};

} // namespace

TEST_CASE("holding the title 4.9 s is a tap that starts, 5 s opens the keypad", "[admin]") {
    Staffed s;
    s.hold(Millis(4900));
    CHECK_FALSE(s.h.has("pin:ok"));
    CHECK(s.h.session.screen() == Screen::Languages); // released: a resident's tap, nothing more

    s.h.session.goTo({Screen::Attract, {}});
    s.h.frames(2);
    s.hold(Millis(5000));
    CHECK(s.h.session.screen() == Screen::Attract);
    for (const char* id : {"pin:0", "pin:1", "pin:9", "pin:ok", "pin:cancel", "pin:delete"}) {
        INFO(id);
        CHECK(s.h.has(id));
    }
    CHECK_FALSE(s.h.has("start")); // the start button is not under the keypad
}

TEST_CASE("a tap on the title starts like anywhere else, and without a PIN a hold does nothing", "[admin]") {
    Staffed s;
    s.h.tap("attract:title");
    CHECK(s.h.session.screen() == Screen::Languages);

    UiHarness bare; // no staff set up: no PIN
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = bare.widget("attract:title").centre();
    io.MouseDown[0] = true;
    bare.frame();
    bare.clock.advance(Millis(6000));
    bare.frame();
    CHECK_FALSE(bare.has("pin:ok"));
    io.MouseDown[0] = false;
    bare.frames(2);
}

TEST_CASE("the right PIN opens the admin screen, a wrong one says how many tries are left", "[admin]") {
    Staffed s;
    s.hold(Millis(5000));
    s.type("1111");
    CHECK(s.h.session.screen() == Screen::Attract);
    CHECK(s.h.has("pin:ok"));
    CHECK(s.h.app.widgets().find("pin:ok").has_value());
    CHECK(s.pin->triesLeft() == AdminPin::kTriesBeforeLock - 1);

    // Delete takes back a digit: 2, 5, 8, 9, delete, 0 is the PIN.
    for (const char* k : {"pin:2", "pin:5", "pin:8", "pin:9", "pin:delete", "pin:0", "pin:ok"}) s.h.tap(k);
    CHECK(s.h.session.screen() == Screen::Admin);
    CHECK_FALSE(s.h.has("pin:ok"));
}

TEST_CASE("five wrong PINs lock the keypad: even the right one waits out the minute", "[admin]") {
    Staffed s;
    s.hold(Millis(5000));
    for (int i = 0; i < AdminPin::kTriesBeforeLock; ++i) s.type("9999");
    CHECK(s.pin->lockedFor() == AdminPin::kFirstLock);
    s.type(kPin);
    CHECK(s.h.session.screen() == Screen::Attract);
    // Left alone the keypad closes; opened again, the lock is still on.
    s.h.clock.advance(Millis(31'000));
    s.h.frames(2);
    CHECK_FALSE(s.h.has("pin:ok"));
    s.hold(Millis(5000));
    s.type(kPin);
    CHECK(s.h.session.screen() == Screen::Attract);
    s.h.clock.advance(Millis(24'000)); // the minute is over
    s.type(kPin);
    CHECK(s.h.session.screen() == Screen::Admin);
}

TEST_CASE("cancel, a quick exit, or leaving the keypad alone closes it", "[admin]") {
    Staffed s;
    s.hold(Millis(5000));
    s.h.tap("pin:cancel");
    CHECK_FALSE(s.h.has("pin:ok"));
    CHECK(s.h.has("start"));

    s.hold(Millis(5000));
    for (int i = 0; i < 3; ++i) s.h.session.keyDown(Key::Shift);
    s.h.frames(2);
    CHECK(s.h.session.screen() == Screen::Neutral);
    CHECK_FALSE(s.h.has("pin:ok"));

    s.h.session.goTo({Screen::Attract, {}});
    s.h.frames(2);
    s.hold(Millis(5000));
    s.h.tap("pin:1");
    s.h.clock.advance(ui::PinPad::kIdle);
    s.h.frames(2);
    CHECK_FALSE(s.h.has("pin:ok"));
}

TEST_CASE("the admin screen shows the pack, translations, counts, export and the idle limit", "[admin]") {
    Staffed s;
    s.h.session.start();
    s.h.session.chooseLanguage("ur");
    s.h.session.chooseAudience(Audience::Parent);
    s.counter->count(Event::LanguageSelected, {.page = {}, .locale = "ur", .audience = {}, .detail = {}});
    s.enter();
    for (const char* id : {"admin:close", "admin:quit", "admin:export", "admin:idle-less", "admin:idle-more", "admin:period0"}) {
        INFO(id);
        CHECK(s.h.has(id));
    }
    // The idle limit moves in 30 s steps and stays within 60-600 s.
    const Millis before = s.h.session.settings().idleLimit;
    s.h.tap("admin:idle-more");
    CHECK(s.h.session.settings().idleLimit == before + Millis(30'000));
    for (int i = 0; i < 30; ++i) s.h.tap("admin:idle-less");
    CHECK(s.h.session.settings().idleLimit == ui::AdminView::kIdleMin);

    // Export writes the counts as CSV into the folder.
    s.h.tap("admin:export");
    REQUIRE(fs::exists(s.dir / "exports"));
    int files = 0;
    for (const auto& e : fs::directory_iterator(s.dir / "exports")) files += e.path().extension() == ".csv";
    CHECK(files == 1);
    // A folder that cannot be written: a message, and the counts stay in the database.
    fs::permissions(s.dir / "exports", fs::perms::owner_read | fs::perms::owner_exec);
    if (::access((s.dir / "exports").c_str(), W_OK) != 0) { // root writes anywhere
        s.h.clock.advance(Millis(3'600'000)); // another hour: another file name
        s.h.tap("admin:export");
        files = 0;
        for (const auto& e : fs::directory_iterator(s.dir / "exports")) files += e.path().extension() == ".csv";
        CHECK(files == 1);
        CHECK(fs::exists(s.dir / "counts.sqlite"));
    }
    fs::permissions(s.dir / "exports", fs::perms::owner_all);
    s.h.tap("admin:close");
    CHECK(s.h.session.screen() == Screen::Attract);
}

TEST_CASE("going straight to the admin screen (--goto, a script) asks for the PIN too", "[admin]") {
    Staffed s;
    s.h.session.goTo({Screen::Admin, {}});
    s.h.frames(2);
    CHECK(s.h.session.screen() == Screen::Attract);
    CHECK(s.h.has("pin:ok"));
    CHECK_FALSE(s.h.has("admin:export"));
    s.type("1234");
    CHECK_FALSE(s.h.has("admin:export"));
    s.type(kPin);
    s.h.frames(2);
    CHECK(s.h.has("admin:export"));
    // Leaving and coming back the same way asks again.
    s.h.tap("admin:close");
    s.h.session.goTo({Screen::Admin, {}});
    s.h.frames(2);
    CHECK_FALSE(s.h.has("admin:export"));
    CHECK(s.h.has("pin:ok"));
}

TEST_CASE("closing the kiosk asks for the PIN again", "[admin]") {
    Staffed s;
    s.enter();
    s.h.tap("admin:quit");
    CHECK_FALSE(s.h.app.quitRequested());
    s.type("1234");
    CHECK_FALSE(s.h.app.quitRequested());
    s.type(kPin);
    CHECK(s.h.app.quitRequested());
}

TEST_CASE("Still there? answered on a staff screen asks for the PIN again, over the start screen", "[admin][idle]") {
    // Whoever answers may be a resident at a kiosk staff walked away from.
    for (const Screen staff : {Screen::Admin, Screen::Record})
        for (const bool button : {true, false}) {
            INFO((staff == Screen::Admin ? "admin" : "session record") << (button ? ", I'm still here" : ", a touch anywhere"));
            Staffed s;
            s.enter();
            if (staff == Screen::Record) s.h.tap("admin:record");
            REQUIRE(s.h.session.screen() == staff);
            s.h.clock.advance(s.h.session.settings().idleLimit);
            s.h.frames(2);
            REQUIRE(s.h.session.idlePromptShown());
            if (button) {
                s.h.tap("idle:continue");
            } else {
                s.h.session.activity(); // as the kiosk loop does on any input
                s.h.frames(2);
            }
            CHECK_FALSE(s.h.session.idlePromptShown());
            CHECK(s.h.session.screen() == Screen::Attract);
            CHECK(s.h.has("pin:ok"));
            CHECK_FALSE(s.h.has("admin:export"));
            CHECK_FALSE(s.h.has("record:save"));
            s.type(kPin); // staff back at the kiosk: the admin screen again
            s.h.frames(2);
            CHECK(s.h.session.screen() == Screen::Admin);
        }
    // Without a PIN there is nothing to ask: the admin screen comes back, as anyone could open it.
    UiHarness h;
    h.session.goTo({Screen::Admin, {}});
    h.frames(2);
    h.clock.advance(h.session.settings().idleLimit);
    h.frames(2);
    REQUIRE(h.session.idlePromptShown());
    h.tap("idle:continue");
    CHECK(h.session.screen() == Screen::Admin);
}

TEST_CASE("the admin screen opens present mode and the session record", "[admin]") {
    Staffed s;
    s.enter();
    s.h.tap("admin:present:topics:parent");
    CHECK(s.h.session.location() == Location{Screen::Present, "topics:parent"});
    s.enter();
    s.h.tap("admin:record");
    CHECK(s.h.session.screen() == Screen::Record);
}

TEST_CASE("the admin screen runs the health checks once as it opens, not at every frame", "[admin]") {
    Staffed s;
    int runs = 0;
    s.h.app.setStaff({s.pin.get(), s.counter.get(), s.dir, s.dir / "exports", nullptr, [&] {
                          ++runs;
                          return std::vector<CheckResult>{{"pin", CheckResult::Level::Pass, "set"}};
                      }});
    s.enter();
    s.h.frames(10);
    CHECK(runs == 1);
    s.h.tap("admin:close");
    s.enter();
    CHECK(runs == 2);
}

TEST_CASE("Escape closes the staff keypad as Cancel does", "[admin][keys]") {
    Staffed s;
    s.hold(Millis(5000));
    s.h.tap("pin:1");
    REQUIRE(s.h.has("pin:ok"));
    s.h.app.escape();
    s.h.frames(2);
    CHECK_FALSE(s.h.has("pin:ok"));
    CHECK(s.h.has("start"));
}

// The quick exit from every screen and overlay a visitor or staff can be on, by the red Exit
// button where the screen has one and by Shift x3 everywhere: the neutral screen is drawn the
// frame after, and exactly one quick_exit is counted. (Here, for the staffed keypad and admin
// screen; a regression once slipped through where only pages were tested.)
TEST_CASE("the quick exit from every screen and overlay lands on the neutral screen within a frame, counted once", "[admin][exit]") {
    struct Case {
        std::string name;
        std::function<void(Staffed&)> open;
        bool exitButton; // the red Exit is on screen (the flow screens, with or without the panel)
    };
    const auto at = [](Location where, std::optional<Audience> a = std::nullopt) {
        return [where, a](Staffed& s) {
            s.h.session.goTo(where, a);
            s.h.frames(3);
        };
    };
    // "Still there?" over a screen; the kiosk was left there long enough for it to ask.
    const auto idle = [](Location where, bool low) {
        return [where, low](Staffed& s) {
            if (where.screen != Screen::Admin) s.h.session.goTo(where, Audience::Parent);
            if (low) {
                Display d = s.h.session.display();
                d.controlsLow = true;
                s.h.session.setDisplay(d);
            }
            s.h.frames(2);
            s.h.clock.advance(s.h.session.settings().idleLimit);
            s.h.frames(2);
            REQUIRE(s.h.session.idlePromptShown());
        };
    };
    std::vector<Case> cases{
        {"attract", at({Screen::Attract, {}}), false},
        {"languages", at({Screen::Languages, {}}), true},
        {"audience", at({Screen::Audience, {}}), true},
        {"topics", at({Screen::Topics, {}}, Audience::Child), true},
        {"page", at({Screen::Page, "your-body-belongs-to-you"}, Audience::Parent), true},
        {"help", at({Screen::Help, {}}, Audience::Parent), true},
        {"idle prompt", idle({Screen::Page, "your-body-belongs-to-you"}, false), true},
        {"idle prompt, buttons lower down", idle({Screen::Page, "your-body-belongs-to-you"}, true), true},
        {"idle prompt on the help screen", idle({Screen::Help, {}}, false), true},
        {"idle prompt on the admin screen",
         [idle](Staffed& s) {
             s.enter();
             idle({Screen::Admin, {}}, false)(s);
         },
         true},
        {"idle prompt on the session record", idle({Screen::Record, {}}, false), true},
        {"text and colour panel",
         [](Staffed& s) {
             s.h.session.goTo({Screen::Help, {}}, Audience::Parent);
             s.h.frames(2);
             s.h.tap("nav:display");
             REQUIRE(s.h.has("display:done"));
         },
         true},
        {"PIN keypad",
         [](Staffed& s) {
             s.h.session.goTo({Screen::Attract, {}});
             s.h.frames(2);
             s.hold(Millis(5000));
             REQUIRE(s.h.has("pin:ok"));
         },
         false},
        {"admin", [](Staffed& s) { s.enter(); }, false},
        {"end-of-visit questions",
         [](Staffed& s) {
             s.h.session.setQuestions(s.h.pack.questions);
             s.h.session.goTo({Screen::Topics, {}}, Audience::Parent);
             s.h.session.openPage("your-body-belongs-to-you");
             s.h.frames(2);
             s.h.session.home();
             s.h.frames(2);
             REQUIRE(s.h.session.screen() == Screen::Questions);
         },
         true},
        {"present mode",
         [](Staffed& s) {
             s.h.session.present("topics:parent");
             s.h.frames(3);
         },
         true},
        {"session record", at({Screen::Record, {}}), false},
    };
    const Pack pack = readPack(EV_BINARY_DIR "/content/default.evpack");
    for (const Signpost& sp : pack.signposts) cases.push_back({"service " + sp.id, at({Screen::Signpost, sp.id}, Audience::Parent), true});

    for (const Case& c : cases)
        for (const bool byButton : {true, false}) {
            if (byButton && !c.exitButton) continue;
            INFO(c.name << (byButton ? ", the Exit button" : ", Shift x3"));
            Staffed s;
            s.h.pack = pack;
            s.h.frames(2);
            c.open(s);
            const long before = s.h.sink.n(Event::QuickExit);
            if (byButton) {
                REQUIRE(s.h.has("nav:exit"));
                ImGuiIO& io = ImGui::GetIO();
                io.MousePos = s.h.widget("nav:exit").centre();
                s.h.session.activity(); // as the kiosk loop does on any input: it ends "Still there?"
                io.MouseDown[0] = true;
                s.h.frame();
                io.MouseDown[0] = false;
                s.h.frame(); // the release: the tap
            } else {
                for (int i = 0; i < 3; ++i) s.h.session.keyDown(Key::Shift);
            }
            s.h.frame(); // one frame later the neutral screen is what is drawn
            CHECK(s.h.session.screen() == Screen::Neutral);
            CHECK(s.h.has("neutral:item"));
            for (const char* gone : {"nav:exit", "nav:help", "pin:ok", "display:done", "idle:continue", "admin:export"})
                CHECK_FALSE(s.h.has(gone));
            s.h.frames(3);
            CHECK(s.h.sink.n(Event::QuickExit) == before + 1);
        }
}
