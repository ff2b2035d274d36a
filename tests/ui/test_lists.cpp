// List markers keep clear of their text at every text size, in both directions: the gap
// between the marker's ink and the text's ink grows with the size, and a right-to-left marker
// sits on the right, beside the first line. (Wrapped lines are one paragraph's lines, aligned by
// the text engine itself: nothing here to check.)
#include <catch2/catch.hpp>

#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

namespace {

struct Item {
    ui::TextInfo marker, text;
    std::vector<ui::TextInfo> lines;
};

std::vector<Item> items(const UiHarness& h) {
    std::vector<Item> out;
    for (const ui::TextInfo& t : h.app.widgets().texts()) {
        if (t.owner == "list:marker") out.push_back({t, {}, {}});
        else if (t.owner == "list:text") out.back().text = t;
        else if (t.owner == "list:line") out.back().lines.push_back(t);
    }
    return out;
}

} // namespace

TEST_CASE("List markers keep a gap that grows with the text size and sit beside the first line", "[lists]") {
    for (const std::string locale : {"en", "ur"}) {
        UiHarness h;
        h.session.chooseLanguage(locale);
        const bool rtl = locale == "ur";
        float lastGap = 0;
        for (int size = 0; size < Display::kTextSizes; ++size) {
            INFO(locale << " text size " << size);
            h.session.goTo({Screen::Page, "list"}, Audience::Parent);
            h.session.setDisplay({size, false, false});
            h.frames(3);
            const std::vector<Item> all = items(h);
            REQUIRE(all.size() == 3);
            float smallest = 1e9f;
            for (const Item& it : all) {
                const float gap = rtl ? it.marker.inkMin.x - it.text.inkMax.x : it.text.inkMin.x - it.marker.inkMax.x;
                smallest = std::min(smallest, gap);
                CHECK(gap > 0);
                // On the first line: the marker's ink overlaps that line's height.
                REQUIRE(it.lines.size() >= 2); // the items wrap
                const ui::TextInfo& first = it.lines.front();
                CHECK(it.marker.inkMax.y > first.boxMin.y);
                CHECK(it.marker.inkMin.y < first.boxMax.y);
                CHECK(it.marker.inkMax.y <= first.boxMax.y);
            }
            CHECK(smallest > lastGap);
            lastGap = smallest;
        }
    }
}
