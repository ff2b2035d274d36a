#pragma once
// Warms the languages a resident may pick next while the kiosk waits on its first screen: each
// language's fonts are opened and its screens' words shaped and broken into lines at the sizes
// they use (kept in the engine's layout cache), so the first frame in that language opens no
// font and shapes little (docs/performance.md, "Language switch"). Glyphs are not rasterised:
// that grew the atlas texture to 2048 pixels and the kiosk's memory by 38 MiB on the first
// screen. A little work per idle turn of the main loop, then nothing: a warm kiosk waits at no
// CPU cost.
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
    // Lays out the next kPerStep paragraphs; false once all are done, after which it does
    // nothing.
    bool step(TextPainter& text);
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
};

} // namespace ev::ui
