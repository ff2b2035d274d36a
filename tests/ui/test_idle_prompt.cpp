// "Still there?" hides the screen but never the quick exit: in every language of the default
// pack, at every text size, portrait and landscape, with the buttons high or low, the exit
// stays where the bar keeps it and the prompt's card and its button lie on screen, clear of it.
#include <catch2/catch.hpp>

#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

namespace {

bool overlap(const ui::WidgetInfo& a, const ui::WidgetInfo& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

} // namespace

TEST_CASE("the idle prompt keeps the quick exit in its place and its own button on screen, clear of it", "[idle][exit]") {
    ev::test::forEachVariant({}, [](UiHarness& h, const ev::test::Variant& v) {
        h.show(v, {Screen::Page, "your-body-belongs-to-you"});
        const ui::WidgetInfo before = h.widget("nav:exit");
        h.clock.advance(h.session.settings().idleLimit);
        h.frames(2);
        REQUIRE(h.session.idlePromptShown());
        const ui::WidgetInfo exit = h.widget("nav:exit"), go = h.widget("idle:continue");
        CHECK(exit.min.x == before.min.x);
        CHECK(exit.min.y == before.min.y);
        CHECK(exit.max.x == before.max.x);
        CHECK(exit.max.y == before.max.y);
        CHECK_FALSE(go.clipped);
        CHECK(go.min.x >= 0);
        CHECK(go.min.y >= 0);
        CHECK(go.max.x <= v.display.x);
        CHECK(go.max.y <= v.display.y);
        CHECK_FALSE(overlap(go, exit));
        h.session.continueSession();
    });
}
