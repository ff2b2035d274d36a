#pragma once
// What a facilitator shows a room in present mode, in order: the pages of a session plan, or of
// one audience's topics list. A step is a page; the ui splits a page into as many screens as
// it needs at its size (ui/views/present_view.h).
#include <optional>
#include <string>
#include <vector>

#include "core/pack/content.h"

namespace ev {

struct DeckStep {
    std::string pageId;
    std::string notes;  // for the facilitator only, never on the room's screen; may be empty
    std::string prompt; // a question for the room to discuss; may be empty
};

struct Deck {
    std::string source; // what it was made from: "topics:<audience>" or "plan:<id>"
    std::string planId; // the plan's id, empty for a topics list
    std::vector<DeckStep> steps;
};

// The deck a source names, in a locale (for a plan's notes and prompts): "topics:<audience>"
// (the pages of that audience's tiles) or "plan:<id>". nullopt when the pack has no such list
// or plan, or it has no page to show.
std::optional<Deck> deckFor(const Pack& pack, const std::string& source, const std::string& locale);

} // namespace ev
