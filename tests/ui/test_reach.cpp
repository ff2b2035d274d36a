// "Buttons lower down" and the "Text and colour" panel at every text size, in portrait and
// landscape: reading keeps the upper screen, every control can be brought within a seated
// visitor's reach, and every control of the panel is on screen without scrolling.
#include <catch2/catch.hpp>

#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

namespace {

bool onScreen(const ui::WidgetInfo& w, ImVec2 display) {
    return !w.clipped && w.min.x >= 0 && w.min.y >= 0 && w.max.x <= display.x && w.max.y <= display.y;
}

} // namespace

TEST_CASE("buttons lower down keep reading in the upper screen and bring every control within reach", "[reach]") {
    for (const ImVec2 display : {ImVec2{1080, 1920}, ImVec2{1920, 1080}})
        for (int size = 0; size < Display::kTextSizes; ++size)
            for (const Location& where : {Location{Screen::Audience, {}}, Location{Screen::Topics, {}},
                                          Location{Screen::Page, "first"}, Location{Screen::Help, {}},
                                          Location{Screen::Signpost, "childline"}}) {
                INFO(display.x << "x" << display.y << ", text size " << size << ", screen " << static_cast<int>(where.screen));
                const auto show = [&](UiHarness& h) {
                    h.session.goTo(where, Audience::Parent);
                    h.session.setDisplay({size, false, true});
                    h.frames(3);
                };
                UiHarness h(display);
                show(h);
                const float reachTop = display.y * (1 - ui::AppSettings{}.reachable) - 1;
                const float scale = std::min(display.x, display.y) / 1080.0f;
                // The bar and the footer are within reach; the reading uses the screen above
                // them: the choices of the audience and topic screens start above the reach line.
                float top = display.y;
                std::vector<std::pair<std::string, float>> high;
                for (const auto& w : h.app.widgets().all()) {
                    INFO(w.id);
                    if (w.id.starts_with("nav:")) CHECK(w.min.y >= reachTop);
                    else top = std::min(top, w.min.y);
                    if (w.min.y < reachTop) high.emplace_back(w.id, w.min.y);
                }
                if (where.screen == Screen::Audience || where.screen == Screen::Topics) CHECK(top < reachTop);
                // Pulled down from within reach, the reading brings each higher control there.
                const float x = display.x * 0.5f;
                for (const auto& [id, y] : high) {
                    UiHarness fresh(display);
                    show(fresh);
                    const float pull = reachTop - y + 60 * scale; // a drag, not a tap (12 px)
                    INFO(id << " after pulling the reading down by " << pull);
                    fresh.drag({x, reachTop + 10}, {x, reachTop + 10 + pull});
                    REQUIRE(fresh.has(id));
                    CHECK(fresh.widget(id).min.y >= reachTop);
                }
            }
}

TEST_CASE("every control of the text and colour panel is on screen without scrolling, in every language", "[reach]") {
    ev::test::forEachVariant({}, [](UiHarness& h, const ev::test::Variant& v) {
        h.show(v, {Screen::Help, {}});
        h.tap("nav:display");
        const auto bar = h.widget("nav:exit");
        for (const char* id : {"display:size0", "display:size1", "display:size2", "display:contrast", "display:low", "display:done"}) {
            INFO(id);
            REQUIRE(h.has(id));
            const auto w = h.widget(id);
            CHECK(onScreen(w, v.display));
            CHECK((w.max.y <= bar.min.y || w.min.y >= bar.max.y)); // never over the bar
        }
        // Tapping the toggle moves the bar; the toggle and Done stay in view.
        h.tap("display:low");
        CHECK(onScreen(h.widget("display:low"), v.display));
        CHECK(onScreen(h.widget("display:done"), v.display));
        h.tap("display:done");
    });
}
