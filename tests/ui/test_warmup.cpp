#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/pack/pack_reader.h"
#include "ui/theme.h"
#include "ui/page_warmup.h"
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

TEST_CASE("the languages are warmed only on the attract screen, never while someone uses the kiosk") {
    UiHarness h;
    h.tap("start");
    REQUIRE(h.session.screen() == Screen::Languages);
    const auto before = h.engine.stats();
    for (int i = 0; i < 20; ++i) h.app.warmUp();
    CHECK(h.app.warmup().warmed().empty());
    // During a visit only pages are laid out ahead (page_warmup.h): no glyph is rasterised.
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

namespace {

// A harness showing the default pack: every language's real pages (Nastaliq Urdu among them).
void useDefaultPack(UiHarness& h) {
    h.pack = readPack(EV_BINARY_DIR "/content/default.evpack");
    h.app.showPack(h.pack, "test");
    h.frame();
}

// Paragraphs laid out by one frame.
std::uint64_t layoutsIn(UiHarness& h) {
    const auto before = h.engine.stats().layouts;
    h.frame();
    return h.engine.stats().layouts - before;
}

} // namespace

TEST_CASE("after idle turns a page opens with its body laid out already, in every language") {
    UiHarness h;
    useDefaultPack(h);
    REQUIRE(h.pack.locales.size() >= 10);
    warmAll(h, 100000);
    h.session.goTo({Screen::Page, h.pack.pages.front().id}, Audience::Parent);
    h.frame();
    warmAll(h, 100000);
    std::uint64_t most = 0;
    std::size_t longest = 0; // paragraphs in the longest body
    for (const auto& l : h.pack.locales) {
        INFO(l.tag);
        // Chosen from the bar on a page: the kiosk returns to that page in the new language.
        h.session.openLanguages();
        h.frame();
        warmAll(h, 100000);
        h.session.chooseLanguage(l.tag);
        REQUIRE(h.session.screen() == Screen::Page);
        h.frame();
        warmAll(h, 100000);
        for (const Page& p : h.pack.pages) {
            INFO(p.id);
            h.session.openPage(p.id);
            const std::uint64_t n = layoutsIn(h);
            most = std::max(most, n);
            if (const PageText* t = h.pack.pageText(p.id, l.tag)) longest = std::max(longest, t->body.blocks.size());
            CHECK(n <= 12); // a few of its link buttons' labels, never its body
            CHECK_FALSE(h.app.warming());
        }
    }
    CHECK(longest > 30); // laying out the body in that frame would break the bound
    INFO("most paragraphs laid out by the frame opening a page: " << most);
    CHECK(most <= 12);
}

TEST_CASE("on the language screen opened from a page, that page in every language is laid out first") {
    UiHarness h;
    useDefaultPack(h);
    const std::string page = h.pack.pages.back().id;
    h.session.goTo({Screen::Page, page}, Audience::Parent);
    h.session.openLanguages();
    const auto wanted = ui::PageWarmup::wanted(h.pack, h.session);
    REQUIRE(wanted.size() >= h.pack.locales.size());
    for (std::size_t i = 0; i < h.pack.locales.size(); ++i) {
        CHECK(wanted[i].first == page);
        CHECK(wanted[i].second == h.pack.locales[i].tag);
    }
    // Then the visitor's topic list, in its order.
    const auto& topics = h.pack.topics.at(Audience::Parent);
    CHECK(wanted[h.pack.locales.size()] == ui::PageWarmup::Item{topics.front() == page ? topics[1] : topics.front(), "en"});
}

TEST_CASE("a visit's warm-up ends, then lays out nothing, and never runs under the prompt or after the quick exit") {
    UiHarness h;
    useDefaultPack(h);
    h.session.chooseLanguage("ur");
    h.session.goTo({Screen::Page, h.pack.pages.front().id}, Audience::Parent);
    h.frame();
    REQUIRE(h.app.warming());
    const int steps = warmAll(h, 100000);
    CHECK(steps < 100000);
    CHECK_FALSE(h.app.warming());
    const auto warm = h.engine.stats();
    // Bounded: at most every page of one language, far inside the cache's 4096 paragraphs.
    CHECK(warm.cachedParagraphs < 2048);
    for (int i = 0; i < 50; ++i) h.app.warmUp();
    const auto later = h.engine.stats();
    CHECK(later.layouts == warm.layouts);
    CHECK(later.cacheHits == warm.cacheHits);
    CHECK(later.glyphsRasterised == warm.glyphsRasterised);

    // A new text size makes the pages owed again, at that size...
    h.session.setDisplay({2, false, false});
    h.frame();
    CHECK(h.app.warming());
    // ...but not while "Still there?" is up, nor on the neutral screen after the quick exit.
    h.clock.advance(h.session.settings().idleLimit + Millis(1));
    h.frame();
    REQUIRE(h.session.idlePromptShown());
    CHECK_FALSE(h.app.warming());
    h.session.quickExit();
    h.frame();
    REQUIRE(h.session.screen() == Screen::Neutral);
    CHECK_FALSE(h.app.warming());
}

TEST_CASE("back on the first screen after a visit, the languages its pages pushed out of the cache are warmed again") {
    UiHarness h;
    useDefaultPack(h);
    warmAll(h, 100000);
    // The first words the warm-up laid out, so the first the cache drops (least recently used).
    const auto& [key, first] = *h.pack.strings.at(h.pack.locales[1].tag).begin();
    INFO(h.pack.locales[1].tag << " " << key);
    // A visit in two languages reads on while their pages are laid out ahead.
    h.session.chooseLanguage("ur");
    h.session.goTo({Screen::Page, h.pack.pages.front().id}, Audience::Parent);
    h.frame();
    warmAll(h, 100000);
    h.session.openLanguages();
    h.frame();
    warmAll(h, 100000);
    h.session.chooseLanguage("en");
    h.frame();
    warmAll(h, 100000);
    REQUIRE(h.engine.stats().cachedParagraphs == text::EngineOptions{}.cachedParagraphs); // full: some dropped
    h.session.quickExit();
    h.frame();
    h.session.goTo({Screen::Attract, {}});
    h.frame();
    warmAll(h, 100000);
    CHECK_FALSE(h.app.warming());
    const auto before = h.engine.stats().layouts;
    h.app.text().layoutIn(h.pack.locales[1].tag, false, first, ui::theme::kTextTitle,
                          ui::theme::kColumnWidth - 2 * ui::theme::kMargin, text::Align::Start, true);
    CHECK(h.engine.stats().layouts == before);
}
