// A helpline number a visitor copies down is never cut short, never spills out of its card and
// never leaves its icon: measured with the text engine's own ink boxes on the default pack's
// help and service screens, at every text size, in every language.
#include <catch2/catch.hpp>

#include "core/pack/pack_reader.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

namespace {

bool inside(ImVec2 min, ImVec2 max, ImVec2 boxMin, ImVec2 boxMax) {
    return min.x >= boxMin.x && max.x <= boxMax.x && min.y >= boxMin.y && max.y <= boxMax.y;
}

} // namespace

TEST_CASE("every service number and web address lies inside its card and the screen at every text size", "[numbers]") {
    for (const ImVec2 display : {ImVec2{1080, 1920}, ImVec2{1920, 1080}}) {
        UiHarness h(display);
        h.pack = readPack(EV_BINARY_DIR "/content/default.evpack");
        REQUIRE(h.pack.locales.size() >= 10);
        std::vector<Location> screens{{Screen::Help, {}}};
        for (const Signpost& s : h.pack.signposts) screens.push_back({Screen::Signpost, s.id});
        for (const auto& [locale, status] : h.pack.locales)
            for (int size = 0; size < Display::kTextSizes; ++size)
                for (const Location& where : screens) {
                    h.session.chooseLanguage(locale);
                    h.session.goTo(where, Audience::Parent);
                    h.session.setDisplay({size, false, false});
                    h.frames(3);
                    const auto& texts = h.app.widgets().texts();
                    INFO(locale << ", text size " << size << ", " << (where.id.empty() ? "help" : where.id) << ", "
                                << display.x << "x" << display.y);
                    if (where.screen == Screen::Signpost && display.y > display.x) {
                        // The service's own screen (portrait) shows every number of it in full, without scrolling.
                        const Signpost* s = h.pack.signpost(where.id);
                        std::size_t whole = 0;
                        for (const auto& t : texts) whole += inside(t.inkMin, t.inkMax, t.clipMin, t.clipMax);
                        CHECK(whole >= s->phones.size());
                    }
                    const bool rtl = h.app.widgets().find("nav:exit")->centre().x < display.x / 2;
                    for (const auto& t : texts) {
                        INFO(t.owner << ": ink " << t.inkMin.x << "," << t.inkMin.y << " - " << t.inkMax.x << "," << t.inkMax.y
                                     << " in card " << t.boxMin.x << "," << t.boxMin.y << " - " << t.boxMax.x << ","
                                     << t.boxMax.y);
                        CHECK(inside(t.inkMin, t.inkMax, t.boxMin, t.boxMax));
                        // Scrolling may hide a line, but nothing cuts one from the side.
                        CHECK(t.inkMin.x >= std::max(0.0f, t.clipMin.x));
                        CHECK(t.inkMax.x <= std::min(display.x, t.clipMax.x));
                        // Beside its icon: at the reading start of the card, within the
                        // card's padding and the icon's room (32 + 64 design px) and a little.
                        const float room = 110 * std::min(display.x, display.y) / 1080.0f + 8;
                        if (rtl) CHECK(t.inkMax.x >= t.boxMax.x - room);
                        else CHECK(t.inkMin.x <= t.boxMin.x + room);
                    }
                }
    }
}
