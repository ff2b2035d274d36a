#pragma once
// A session plan: how a partner presents part of the pack to a group (a school hall of parents,
// a youth club, a faith group) in a set time. Data only; present mode draws it, the pack tool
// checks it and makes its handout. docs/pack-format.md, "plans", describes how it is stored.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/pack/markdown.h"

namespace ev {

enum class Audience; // core/pack/content.h

// Which part of a page a step shows: the whole page, one heading's section, or a run of blocks.
struct PagePart {
    enum class Kind { WholePage, Heading, Blocks };
    Kind kind = Kind::WholePage;
    // Heading: which heading of the page, counting every heading from 1 (the section runs to the
    // next heading of the same or a higher level). Blocks: the first block, counting from 1.
    int first = 0;
    int last = 0; // Blocks: the last block, counting from 1, inclusive; 0 otherwise
};

// The blocks [begin, end) of doc that part names; nullopt when the page has no such part
// (a heading it lacks, a range past its end). A whole page is every block.
struct BlockRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};
std::optional<BlockRange> partBlocks(const Document& doc, const PagePart& part);

struct PlanStep {
    std::string page; // a page id of the same pack
    PagePart part;
};

// The show-of-hands question a plan asks at its start and end; 2 to 5 answers.
struct PlanQuestion {
    std::string id;                     // "confidence"; counts name it
    std::vector<std::string> answerIds; // "very", "a-little", "not-yet", in the order shown
};

struct PlanStepText {
    std::string prompt; // the discussion prompt shown to the room; may be empty
    // For the facilitator only, never on the projector or a handout: plain text, paragraphs
    // separated by a blank line, a line starting "- " a list item. May be empty.
    std::string notes;
};

struct PlanText {
    std::string title;
    std::string summary;
    std::string status;         // "reviewed" or "draft"
    std::string translatedFrom; // planSourceHash of the default-locale text; empty in that locale
    bool stale = false;         // translatedFrom no longer matches (set at build)
    std::vector<PlanStepText> steps; // parallel to Plan::steps
    std::string question;            // the question's text; empty when the plan has none
    std::vector<std::string> answers; // labels parallel to PlanQuestion::answerIds
};

struct Plan {
    std::string id;                  // folder name under plans/, a-z 0-9 -
    std::vector<Audience> audiences; // who the session is for, sorted
    int minutes = 0;                 // its length, about
    std::vector<PlanStep> steps;     // in the order presented; at least one
    std::vector<std::string> signposts; // signpost ids shown at the end, in order
    std::optional<PlanQuestion> question;
    std::map<std::string, PlanText> text; // by locale tag; the default locale always present
};

// The source hash of a plan's default-locale text (core/pack/pack_hash.h's over the title,
// the summary, then each step's prompt and notes, the question and its answers, a line each).
std::string planSourceHash(const PlanText& text);

} // namespace ev
