#pragma once
// Present mode: a deck of pages shown to a room from a projector, one screen at a time, driven
// by a presentation clicker, the keyboard, touch or a mouse.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/pack/deck.h"
#include "ui/views/view.h"

namespace ev::ui {

// What a clicker or keyboard asks of present mode (the loop maps keys to these).
enum class PresentKey {
    Next,     // Right, PageDown, Space
    Previous, // Left, PageUp
    First,    // Home
    Last,     // End
    Blank,    // B or '.': a black screen; any key or tap brings the step back
    Notes,    // N: the facilitator's notes and the discussion prompt, with one display
    Other,    // any other key: only ends a blank screen
};

// Type sizes for a room: body text is a share of the screen's height, so that it reads from
// the back of a hall on any projector. The rule: body text at least 1/25 of the screen height
// (docs/presenting.md); tests/ui/test_present.cpp measures it.
namespace present {
inline constexpr float kBodyShare = 1.0f / 24.0f; // body text size / screen height
inline constexpr float kMinBodyShare = 1.0f / 25.0f; // the rule the body size keeps to
inline constexpr float kHeading = 1.2f;           // a heading, in body sizes
inline constexpr float kTitle = 1.35f;            // the page's title at the top, in body sizes
// A button's label on the room's screen starts at the body size; a long translation may
// shrink it, never below this share of the screen height (the buttons grow to hold it).
inline constexpr float kMinLabelShare = 1.0f / 30.0f;
} // namespace present

// The room's screen: the page's title at the top, the step's text in two columns (or the
// page's picture beside it) on a landscape screen, large Back and Next controls and the quick
// exit. A page is split into steps at its headings so that each step fits its screen; nothing
// scrolls.
class PresentView final : public View {
public:
    void arrive(const Location& from) override;
    void draw(Ui& ui) override;
    void key(Session& session, PresentKey k);
    // The facilitator's window: the current and next step as the room sees them, made small,
    // the notes and the discussion prompt, the step number and a clock (unixSeconds: now).
    void drawPresenter(Ui& ui, std::int64_t unixSeconds);
    void setPresenterWindow(bool on) { presenterWindow_ = on; }

    // One screen of the deck: a part of a page, or the closing "Get help now" screen.
    struct Placed {
        ParagraphPtr text;       // null for an image
        const Texture* image = nullptr;
        Block::Kind kind = Block::Kind::Paragraph;
        int level = 0;
        ParagraphPtr marker;     // a list item's number
        float height = 0;        // on screen, gap after it included
        bool continued = false;  // the rest of a block begun in the column before: no bullet again
        bool keep = false;       // goes along with the block after it (core/pack/deck.h keepsWithNext)
    };
    struct Column {
        std::vector<Placed> items;
        float height = 0;
    };
    struct Step {
        enum class Kind {
            Page,     // a part of a page of the deck
            Prompt,   // the deck step's discussion prompt, for the room
            Question, // the plan's question, and the show of hands (before, then after)
            Help,     // the closing screen: the services and their numbers
        };
        Kind kind = Kind::Page;
        std::size_t deckStep = 0; // the deck's step (Page, Prompt)
        ParagraphPtr title;
        std::vector<Column> columns; // one (portrait) or two
        bool after = false;          // Question: at the end of the session
    };
    std::size_t stepCount() const { return steps_.size(); }
    const Step& step(std::size_t i) const { return steps_.at(i); }
    std::size_t current() const { return current_; }
    bool blank() const { return blank_; }
    bool notesShown() const { return notes_; }

private:
    void build(Ui& ui);
    void drawStep(Ui& ui, const Step& s, Rect area);
    void drawQuestion(Ui& ui, const Step& s, Rect area);
    void drawPrompt(Ui& ui, const DeckStep& d, Rect area);
    void drawNotes(Ui& ui, const DeckStep& d, Rect area);
    // A plan's words, laid out in the language they are in (deck_->tag).
    ParagraphPtr planText(Ui& ui, std::string_view text, float sizePx, float width, text::Align align, bool bold) const;
    void move(Session& session, long to);
    const std::string& planId() const { return deck_ ? deck_->planId : none_; }

    std::string key_; // source, locale and screen size the steps were made for
    std::optional<Deck> deck_;
    std::vector<Step> steps_;
    std::vector<std::vector<int>> hands_{2}; // per answer of the question: before, after
    std::optional<Millis> handsRecordedAt_[2];
    std::size_t current_ = 0;
    bool blank_ = false;
    bool notes_ = false;
    bool presenterWindow_ = false; // notes go to the presenter window, never the room's
    std::optional<Rect> roomScreen_; // the room's screen as last drawn, for the presenter's miniatures
    std::optional<std::int64_t> startedAt_; // unix seconds the presentation was first drawn
    void drawMiniature(Ui& ui, std::size_t step, Rect box);
    std::string none_;
};

} // namespace ev::ui
