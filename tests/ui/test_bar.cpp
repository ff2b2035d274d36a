// The bar's labels keep to the visitor's text size: in every language at every size, no label
// is drawn smaller than the page's body text (they wrap, and the bar grows, instead).
#include <catch2/catch.hpp>

#include "core/pack_reader.h"
#include "ui/theme.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

TEST_CASE("bar labels are never smaller than the body text in any language at any text size", "[bar]") {
    UiHarness h; // 1080 x 1920: one design pixel is one pixel
    h.pack = readPack(EV_BINARY_DIR "/content/default.evpack");
    REQUIRE(h.pack.locales.size() >= 10);
    for (const auto& [locale, status] : h.pack.locales)
        for (int size = 0; size < Display::kTextSizes; ++size) {
            h.session.chooseLanguage(locale);
            h.session.goTo({Screen::Page, "your-body-belongs-to-you"}, Audience::Parent);
            h.session.setDisplay({size, false, false});
            h.frames(3);
            const float body = ui::theme::kTextBody * ui::theme::kTextScales[size];
            INFO(locale << ", text size " << size);
            for (const char* id : {"nav:back", "nav:home", "nav:language", "nav:help", "nav:exit"}) {
                INFO(id);
                REQUIRE(h.has(id));
                const ui::WidgetInfo w = h.widget(id);
                CHECK(w.labelPx >= body - 0.01f);
                CHECK_FALSE(w.clipped);
                CHECK(w.max.y < 1920 * 0.3f); // the bar leaves the screen to the page
            }
        }
}
