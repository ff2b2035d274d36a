#pragma once
// Warms the languages a resident may pick next while the kiosk waits on its first screen: each
// language's fonts are opened, its screens' words shaped and broken into lines at the sizes
// they use on this kiosk's window (kept in the engine's layout cache), and their glyphs at body
// size rasterised into the atlas, so the first frame in that language opens no font, shapes
// little and rasterises less (docs/performance.md, "Language switch"). Glyphs at every size
// filled a 4096-pixel atlas: 26 MiB more on the first screen, and steps of 15 ms. A little work
// per idle turn of the main loop, then nothing: a warm kiosk waits at no CPU cost. App starts
// it again when a visit ends: the visit's pages may have pushed its words out of the cache.
#include <cstddef>
#include <string>
#include <vector>

#include "core/pack/content.h"
#include "ui/text_painter.h"

namespace ev::ui {

class LanguageWarmup {
public:
    // Paragraphs laid out per step(): at most a few milliseconds, so a touch meanwhile waits
    // no longer.
    static constexpr std::size_t kPerStep = 4;

    // The pack's languages other than its default (the first screen's), in the pack's order:
    // the order of the language screen.
    explicit LanguageWarmup(const Pack& pack);
    // Lays out the next kPerStep paragraphs (rasterising those at body size) at the screens'
    // sizes times scale (the window's, ui::Ui::scale) and textScale (the visitor's text size,
    // ui::Ui::textScale); false once all are done, after which it does nothing.
    bool step(TextPainter& text, float scale, float textScale);
    bool done() const { return next_ == items_.size(); }
    // The languages whose every paragraph has been warmed.
    std::vector<std::string> warmed() const;

private:
    struct Item {
        std::string locale;
        bool rtl;
        std::string text;
        float size;
        bool bold;
    };
    std::vector<Item> items_; // copies: the pack may be replaced by an update meanwhile
    std::size_t next_ = 0;
    std::vector<text::Quad> quads_; // reused by every step
};

} // namespace ev::ui
