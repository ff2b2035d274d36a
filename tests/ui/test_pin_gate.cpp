// The PIN gate on its own, without drawing: when it turns a visit to the admin screen back to
// the keypad, and when the keypad closes. Typing the PIN through the App is in test_admin.cpp.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "core/session/admin_pin.h"
#include "ui/pin_gate.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;
namespace fs = std::filesystem;

namespace {

// A state folder holding a PIN, or none.
struct PinDir {
    fs::path dir;
    explicit PinDir(bool set) {
        static int n = 0;
        dir = fs::temp_directory_path() / ("ev-ui-gate-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(dir);
        fs::create_directories(dir);
        if (set) AdminPin::store(dir, "2580");
    }
    ~PinDir() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

// A gate with a PIN set, before the harness's session.
struct Gated {
    UiHarness h;
    PinDir set{true};
    AdminPin pin{set.dir, h.clock};
    ui::PinGate gate{h.clock};
    Gated() { gate.setPin(&pin); }
};

} // namespace

TEST_CASE("without a PIN set the gate never asks and the admin screen opens", "[pin-gate]") {
    UiHarness h;
    PinDir none(false);
    AdminPin pin(none.dir, h.clock);
    REQUIRE_FALSE(pin.isSet());
    for (AdminPin* p : {static_cast<AdminPin*>(nullptr), &pin}) {
        ui::PinGate gate(h.clock);
        gate.setPin(p);
        h.session.goTo({Screen::Admin, {}});
        gate.guard(h.session, Screen::Attract);
        CHECK(h.session.screen() == Screen::Admin);
        gate.ask(h.session);
        CHECK_FALSE(gate.isOpen());
        h.session.goTo({Screen::Attract, {}});
    }
}

TEST_CASE("every new arrival on the admin screen is turned back to the keypad on the attract screen", "[pin-gate]") {
    Gated g;
    auto& [h, set, pin, gate] = g;
    h.session.goTo({Screen::Admin, {}});
    gate.guard(h.session, Screen::Page);
    CHECK(h.session.screen() == Screen::Attract);
    CHECK(gate.isOpen());
    gate.guard(h.session, Screen::Attract); // the next frame: the keypad stays
    CHECK(gate.isOpen());
    CHECK_FALSE(gate.quitRequested());
    // Already on the admin screen (the PIN was typed): staying there asks nothing.
    gate.close();
    h.session.goTo({Screen::Admin, {}});
    gate.guard(h.session, Screen::Admin);
    CHECK(h.session.screen() == Screen::Admin);
    CHECK_FALSE(gate.isOpen());
}

TEST_CASE("the keypad closes when its screen is left or the idle prompt covers it", "[pin-gate]") {
    Gated g;
    auto& [h, set, pin, gate] = g;

    gate.ask(h.session); // over the attract screen
    REQUIRE(gate.isOpen());
    h.session.start();
    gate.guard(h.session, Screen::Attract);
    CHECK_FALSE(gate.isOpen());

    h.session.goTo({Screen::Admin, {}});
    gate.guard(h.session, Screen::Admin);
    gate.ask(h.session); // over the admin screen: to close the kiosk
    REQUIRE(gate.isOpen());
    h.clock.advance(h.session.settings().idleLimit + Millis(1));
    h.session.tick();
    REQUIRE(h.session.idlePromptShown());
    gate.guard(h.session, Screen::Admin);
    CHECK_FALSE(gate.isOpen());
}
