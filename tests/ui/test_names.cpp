// Brand names keep their own direction in right-to-left text wherever they appear: in an Urdu
// topic hint "Stop It Now!" keeps its "!" after "Now", not before "Stop".
#include <catch2/catch.hpp>

#include "text/paragraph.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

namespace {

// The x of the first glyph of p that is c as drawn alone in English; -1 if there is none.
float xOf(UiHarness& h, const text::Paragraph& p, const char* c) {
    const auto alone = h.app.text().layoutIn("en", false, c, 32, 0);
    REQUIRE(alone->glyphs.size() == 1);
    for (const auto& g : p.glyphs)
        if (g.glyph == alone->glyphs[0].glyph && g.font == alone->glyphs[0].font) return g.x;
    return -1;
}

} // namespace

TEST_CASE("a service's name keeps its own direction in Urdu topic hints and pages", "[names]") {
    UiHarness h;
    Signpost stop;
    stop.id = "stopitnow";
    stop.phones = {"0808 1000 900"};
    stop.text["en"] = SignpostText{"Stop It Now!", "", "", "", {}};
    h.pack.signposts.push_back(stop);
    h.app.showPack(h.pack, "");
    const std::string hint = "Stop It Now! سے آپ کی زبان میں مشورہ";
    const auto plain = h.app.text().layoutIn("ur", true, hint, 32, 0);
    REQUIRE(xOf(h, *plain, "w") >= 0);
    CHECK(xOf(h, *plain, "!") > xOf(h, *plain, "w"));
    // A page's paragraph, laid out from runs.
    text::Run run{hint, {32, text::Weight::Regular}, 0};
    text::ParagraphSpec spec;
    spec.language = "ur";
    spec.direction = text::Direction::Rtl;
    const auto runs = h.app.text().layout(std::span<const text::Run>(&run, 1), spec);
    CHECK(xOf(h, *runs, "!") > xOf(h, *runs, "w"));
    // Without isolation the "!" goes to the far side of "Stop": what the audit saw.
    h.app.text().setIsolated({});
    const auto bare = h.app.text().layoutIn("ur", true, hint, 32, 0);
    // (shaped with the Urdu text, it may not even be the Latin font's "!").
    CHECK(xOf(h, *bare, "!") < xOf(h, *bare, "w"));
}
