// The bar's labels, the footer's "Text and colour" and the panel's Done keep the body text's
// size: in every language of the default pack, at every text size, portrait and landscape, both
// themes, each label is laid out at least at the body size and every pixel of its ink (from the
// text engine) lies inside its button and the screen.
#include <catch2/catch.hpp>

#include "core/pack/pack_reader.h"
#include "ui/theme.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

TEST_CASE("bar labels, Text and colour and Done are never smaller than the body text and never leave their buttons", "[bar]") {
    for (const ImVec2 display : {ImVec2{1080, 1920}, ImVec2{1920, 1080}}) {
        UiHarness h(display);
        h.pack = readPack(EV_BINARY_DIR "/content/default.evpack");
        REQUIRE(h.pack.locales.size() >= 10);
        const float scale = std::min(display.x, display.y) / ui::theme::kDesignWidth;
        for (const auto& [locale, status] : h.pack.locales)
            for (int size = 0; size < Display::kTextSizes; ++size)
                for (const bool contrast : {false, true}) {
                    h.session.chooseLanguage(locale);
                    h.session.goTo({Screen::Help, {}}, Audience::Parent);
                    h.session.goTo({Screen::Page, "your-body-belongs-to-you"}, Audience::Parent);
                    h.session.setDisplay({size, contrast, false});
                    h.frames(3);
                    const float body = ui::theme::kTextBody * ui::theme::kTextScales[size] * scale;
                    INFO(locale << ", text size " << size << (contrast ? ", high contrast, " : ", ") << display.x << "x"
                                << display.y);
                    // The bar's buttons, the footer's "Text and colour", then the panel's Done.
                    for (const char* id : {"nav:back", "nav:home", "nav:language", "nav:help", "nav:exit", "nav:display",
                                           "display:done"}) {
                        if (std::string(id) == "display:done") h.tap("nav:display");
                        REQUIRE(h.has(id));
                        const ui::WidgetInfo w = h.widget(id);
                        INFO(id << " \"" << w.label << "\" at " << w.labelPx << " px (body " << body << "), ink "
                                << w.labelMin.x << "," << w.labelMin.y << " - " << w.labelMax.x << "," << w.labelMax.y
                                << " in button " << w.min.x << "," << w.min.y << " - " << w.max.x << "," << w.max.y);
                        CHECK(w.labelPx >= body - 0.01f);
                        CHECK_FALSE(w.clipped);
                        CHECK(w.labelMax.x > w.labelMin.x);
                        CHECK(w.labelMin.x >= w.min.x);
                        CHECK(w.labelMin.y >= w.min.y);
                        CHECK(w.labelMax.x <= w.max.x);
                        CHECK(w.labelMax.y <= w.max.y);
                        CHECK(w.min.x >= 0);
                        CHECK(w.min.y >= 0);
                        CHECK(w.max.x <= display.x);
                        CHECK(w.max.y <= display.y);
                    }
                    h.tap("display:done");
                }
    }
}
