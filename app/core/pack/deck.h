#pragma once
// What a facilitator shows a room in present mode, in order: the steps of a session plan, or
// the pages of one audience's topics list. A step is a page or a part of one; the ui splits it
// into as many screens as it needs at its size (ui/views/present_view.h).
#include <optional>
#include <string>
#include <vector>

#include "core/pack/content.h"

namespace ev {

struct DeckStep {
    std::string pageId;
    PagePart part;      // the whole page, or the part of it the plan names
    std::string notes;  // for the facilitator only, never on the room's screen; may be empty
    std::string prompt; // a question for the room to discuss; may be empty
};

// A plan's before-and-after question in the deck's language, with its answers' ids (for the
// counts) and labels (for the room).
struct DeckQuestion {
    std::string id, text;
    std::vector<std::string> answerIds, answers;
};

struct Deck {
    std::string source; // what it was made from: "topics:<audience>" or "plan:<id>"
    std::string planId; // the plan's id, empty for a topics list
    std::string title;  // the plan's title; empty for a topics list
    // The language the plan's words (title, prompts, notes, question) are in: the deck's, or the
    // default locale where the translation is missing or stale, so they are set in their own
    // direction ("told you?" stays whole on an Urdu screen).
    std::string tag;
    std::vector<DeckStep> steps;
    std::optional<DeckQuestion> question; // asked at the start and the end
    // The services shown at the end: the plan's, in its order; for a topics list, every service
    // for that audience (empty here means all of the pack's, filtered by audience).
    std::vector<std::string> signposts;
    std::optional<Audience> audience; // a topics list's audience
};

// The deck a source names, in a locale (for a plan's notes, prompts and question, by the
// pages' fallback rule): "topics:<audience>" (the pages of that audience's tiles) or
// "plan:<id>". nullopt when the pack has no such list or plan, or it has no page to show.
std::optional<Deck> deckFor(const Pack& pack, const std::string& source, const std::string& locale);

// The blocks of a step in the text shown: all of them, or the plan's part; none when that
// text lacks the part (a translation with fewer headings).
std::vector<Block> stepBlocks(const DeckStep& step, const PageText& text);

// How present mode breaks a step's blocks over columns and screens (ui/views/present_view.cpp),
// so that no screen begins in the middle of a list without what introduces it:
// - a heading, and the paragraph that leads into a list ("Signs to notice:"), stay with the
//   block after them;
// - a list item moves whole rather than being cut after a sentence (only one taller than a
//   whole column is cut);
// - a screen that starts with a list item that is not its list's first starts with that list's
//   lead-in again, the paragraph or heading just before it (listLeadIn).
bool keepsWithNext(const std::vector<Block>& blocks, std::size_t i);
bool mayCut(const Block& b);
// The paragraph or heading leading into the list blocks[i] is an item of, when blocks[i] is not
// its first item; nullopt otherwise, or when the list has no lead-in (it starts the step, or
// follows an image).
std::optional<std::size_t> listLeadIn(const std::vector<Block>& blocks, std::size_t i);

} // namespace ev
