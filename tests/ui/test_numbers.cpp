// A helpline number a visitor copies down is never cut short, never spills out of its card and
// never leaves its icon: measured with the text engine's own ink boxes on the default pack's
// help and service screens, at every text size, in every language.
#include <catch2/catch.hpp>

#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

namespace {

bool inside(ImVec2 min, ImVec2 max, ImVec2 boxMin, ImVec2 boxMax) {
    return min.x >= boxMin.x && max.x <= boxMax.x && min.y >= boxMin.y && max.y <= boxMax.y;
}

} // namespace

TEST_CASE("every service number and web address lies inside its card and the screen at every text size", "[numbers]") {
    ev::test::forEachVariant({.lowToo = false}, [](UiHarness& h, const ev::test::Variant& v) {
        std::vector<Location> screens{{Screen::Help, {}}};
        for (const Signpost& s : h.pack.signposts) screens.push_back({Screen::Signpost, s.id});
        for (const Location& where : screens) {
            h.show(v, where);
            const auto& texts = h.app.widgets().texts();
            INFO((where.id.empty() ? "help" : where.id));
            if (where.screen == Screen::Signpost && v.display.y > v.display.x) {
                // The service's own screen (portrait) shows every number of it in full, without scrolling.
                const Signpost* s = h.pack.signpost(where.id);
                std::size_t whole = 0;
                for (const auto& t : texts) whole += inside(t.inkMin, t.inkMax, t.clipMin, t.clipMax);
                CHECK(whole >= s->phones.size());
            }
            const bool rtl = h.app.widgets().find("nav:exit")->centre().x < v.display.x / 2;
            for (const auto& t : texts) {
                INFO(t.owner << ": ink " << t.inkMin.x << "," << t.inkMin.y << " - " << t.inkMax.x << "," << t.inkMax.y
                             << " in card " << t.boxMin.x << "," << t.boxMin.y << " - " << t.boxMax.x << "," << t.boxMax.y);
                CHECK(inside(t.inkMin, t.inkMax, t.boxMin, t.boxMax));
                // Scrolling may hide a line, but nothing cuts one from the side.
                CHECK(t.inkMin.x >= std::max(0.0f, t.clipMin.x));
                CHECK(t.inkMax.x <= std::min(v.display.x, t.clipMax.x));
                // Beside its icon: at the reading start of the card, within the
                // card's padding and the icon's room (32 + 64 design px) and a little.
                const float room = 110 * std::min(v.display.x, v.display.y) / 1080.0f + 8;
                if (rtl) CHECK(t.inkMax.x >= t.boxMax.x - room);
                else CHECK(t.inkMin.x <= t.boxMin.x + room);
            }
        }
    });
}
