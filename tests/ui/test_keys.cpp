// Keys that close and move: Escape closes what is open over the screen, and Left and Right
// follow the screen's visual order, mirrored in a right-to-left language.
#include <catch2/catch.hpp>

#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

TEST_CASE("Escape closes the text and colour panel", "[keys]") {
    UiHarness h;
    h.session.goTo({Screen::Page, "first"}, Audience::Parent);
    h.frames(3);
    h.tap("nav:display");
    REQUIRE(h.has("display:done"));
    h.app.escape();
    h.frames(2);
    CHECK_FALSE(h.has("display:done"));
    CHECK(h.session.screen() == Screen::Page); // only the panel closed
}

TEST_CASE("Left and Right move the focus in visual order, mirrored in Urdu", "[keys]") {
    for (const std::string locale : {"en", "ur"}) {
        INFO(locale);
        UiHarness h;
        h.session.chooseLanguage(locale);
        h.session.goTo({Screen::Page, "first"}, Audience::Parent);
        h.frames(3);
        h.app.key(ui::Focus::Key::Next);
        h.frames(2);
        const std::string first = h.app.focus().current();
        h.app.key(ui::Focus::Key::Next);
        h.frames(2);
        const std::string second = h.app.focus().current();
        REQUIRE(first != second);
        // The two stand side by side in the bar: second is right of first in English, left in Urdu.
        const bool secondIsRight = h.widget(second).centre().x > h.widget(first).centre().x;
        CHECK(secondIsRight == (locale == "en"));
        h.app.key(ui::Focus::Key::Previous);
        h.frames(2);
        REQUIRE(h.app.focus().current() == first);
        h.app.arrow(secondIsRight); // towards second on screen
        h.frames(2);
        CHECK(h.app.focus().current() == second);
        h.app.arrow(!secondIsRight);
        h.frames(2);
        CHECK(h.app.focus().current() == first);
    }
}
