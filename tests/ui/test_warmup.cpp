#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ui/theme.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

namespace {

// Steps until the warm-up says it is done; at most `limit`.
int warmAll(UiHarness& h, int limit = 1000) {
    int steps = 0;
    for (; h.app.warming() && steps < limit; ++steps) h.app.warmUp();
    return steps;
}

} // namespace

TEST_CASE("on the attract screen the other languages are warmed in a few idle steps, then nothing is done") {
    UiHarness h;
    REQUIRE(h.session.screen() == Screen::Attract);
    REQUIRE(h.app.warming());
    const int steps = warmAll(h);
    CHECK_FALSE(h.app.warming());
    CHECK(steps < 20);
    CHECK(h.app.warmup().warmed() == std::vector<std::string>{"ur"});
    const auto warm = h.engine.stats();
    CHECK(warm.layouts > 0);
    // Warm: later idle turns lay out and rasterise nothing (the kiosk's idle CPU stays at zero).
    for (int i = 0; i < 50; ++i) h.app.warmUp();
    const auto later = h.engine.stats();
    CHECK(later.layouts == warm.layouts);
    CHECK(later.cacheHits == warm.cacheHits);
    CHECK(later.glyphsRasterised == warm.glyphsRasterised);
}

TEST_CASE("the warm-up works only on the attract screen, never while someone uses the kiosk") {
    UiHarness h;
    h.tap("start");
    REQUIRE(h.session.screen() == Screen::Languages);
    CHECK_FALSE(h.app.warming());
    const auto before = h.engine.stats();
    for (int i = 0; i < 20; ++i) h.app.warmUp();
    CHECK(h.engine.stats().layouts == before.layouts);
    CHECK(h.engine.stats().glyphsRasterised == before.glyphsRasterised);
}

TEST_CASE("after the warm-up an Urdu button's words are laid out already, at the size the screens use") {
    UiHarness h;
    warmAll(h);
    const auto before = h.engine.stats();
    h.app.text().layoutIn("ur", true, h.pack.string("nav.help", "ur"), ui::theme::kTextButton,
                          ui::theme::kColumnWidth - 2 * ui::theme::kMargin, text::Align::Start, true);
    CHECK(h.engine.stats().layouts == before.layouts);
    CHECK(h.engine.stats().cacheHits == before.cacheHits + 1);
}

TEST_CASE("after the warm-up an Urdu string's glyphs at body size are in the atlas already") {
    UiHarness h;
    warmAll(h);
    const auto warm = h.engine.stats();
    const auto p = h.app.text().layoutIn("ur", true, h.pack.string("nav.exit", "ur"), ui::theme::kTextBody,
                                         ui::theme::kColumnWidth - 2 * ui::theme::kMargin, text::Align::Start, false);
    std::vector<text::Quad> quads;
    h.engine.quads(*p, quads);
    CHECK_FALSE(quads.empty());
    CHECK(h.engine.stats().layouts == warm.layouts);
    CHECK(h.engine.stats().glyphsRasterised == warm.glyphsRasterised);
}

TEST_CASE("a kiosk window of another size is warmed at the sizes it draws") {
    UiHarness h({720, 1280}); // two thirds of the design size: every type size two thirds too
    warmAll(h);
    const float scale = 720.0f / ui::theme::kDesignWidth;
    const auto before = h.engine.stats();
    h.app.text().layoutIn("ur", true, h.pack.string("nav.help", "ur"), ui::theme::kTextButton * scale,
                          (ui::theme::kColumnWidth - 2 * ui::theme::kMargin) * scale, text::Align::Start, true);
    CHECK(h.engine.stats().layouts == before.layouts);
    CHECK(h.engine.stats().cacheHits == before.cacheHits + 1);
}
