#pragma once
#include <string>
#include <utility>
#include <vector>

#include "ui/scroll_area.h"
#include "ui/views/view.h"

namespace ev::ui {

// One page of awareness content: its Markdown laid out as headings, paragraphs, lists and
// images, scrolled by dragging, with a large button for each link and "Get help now" at the end.
class PageView final : public View {
public:
    void draw(Ui& ui) override;

    // Lays out piece `piece` of the page (0 its title, then each block in turn; images are
    // skipped) as draw() lays it out in ui.locale at ui's sizes, so that opening it later
    // finds its paragraphs in the layout cache. False past the last piece (page_warmup.h).
    static bool prepare(Ui& ui, const std::string& pageId, std::size_t piece);

private:
    struct LaidBlock {
        Block::Kind kind;
        int level;
        bool ordered;
        int number;
        ParagraphPtr text;   // an image's alt text, laid out in case the image cannot be shown
        ParagraphPtr marker; // "3." for numbered items
        const Texture* image = nullptr; // an image that can be shown
        std::vector<std::pair<std::string, std::string>> links; // target, label: first seen here
    };
    void layout(Ui& ui, const PageText& text, const std::string& tag, float width);
    // The text shown for the page in ui.locale (nullptr if none), and its language `shown`:
    // the reader's, or the default one in its place (stale: an out-of-date translation).
    static const PageText* shownText(const Ui& ui, const std::string& pageId, std::string& shown, bool& stale);
    static ParagraphPtr title(Ui& ui, const PageText& text, const std::string& tag, float width);
    // A block's paragraphs, its image left out.
    static LaidBlock lay(Ui& ui, const Block& b, const std::string& tag, float width);
    float feedback(Ui& ui, const std::string& pageId, float y); // returns its height
    static float image(Ui& ui, const LaidBlock& b, float y);                     // returns its height
    // Draws a list item's bullet or number in the indent on the reading-start side, on the
    // baseline of the item's first line; returns the x the item's text is drawn at.
    static float listMarker(Ui& ui, const LaidBlock& b, const Rect& col, float y);

    std::string key_; // page, locale and width the blocks were laid out for
    ParagraphPtr title_;
    std::vector<LaidBlock> blocks_;
    ScrollArea scroll_;
    std::string feedbackGiven_; // the page whose feedback was given on this visit to it
};

} // namespace ev::ui
