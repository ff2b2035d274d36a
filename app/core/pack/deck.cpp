#include "core/pack/deck.h"

namespace ev {

std::optional<Deck> deckFor(const Pack& pack, const std::string& source, const std::string& locale) {
    Deck deck;
    deck.source = source;
    deck.tag = locale;
    if (source.starts_with("topics:")) {
        deck.audience = audienceFromId(source.substr(7));
        if (!deck.audience) return std::nullopt;
        const auto list = pack.topics.find(*deck.audience);
        if (list == pack.topics.end()) return std::nullopt;
        for (const std::string& id : list->second)
            if (pack.page(id)) deck.steps.push_back({id, {}, {}, {}});
    } else if (source.starts_with("plan:")) {
        const Plan* plan = pack.plan(source.substr(5));
        bool stale = false;
        const PlanText* text = plan ? pack.planTextToShow(plan->id, locale, stale) : nullptr;
        if (!text) return std::nullopt;
        deck.planId = plan->id;
        if (stale || !plan->text.contains(locale)) deck.tag = pack.defaultLocale;
        deck.title = text->title;
        deck.signposts = plan->signposts;
        for (std::size_t i = 0; i < plan->steps.size(); ++i) {
            const PlanStep& s = plan->steps[i];
            if (!pack.page(s.page)) continue;
            const PlanStepText none;
            const PlanStepText& t = i < text->steps.size() ? text->steps[i] : none;
            deck.steps.push_back({s.page, s.part, t.notes, t.prompt});
        }
        if (plan->question && !text->question.empty() && text->answers.size() == plan->question->answerIds.size())
            deck.question = DeckQuestion{plan->question->id, text->question, plan->question->answerIds, text->answers};
    }
    if (deck.steps.empty()) return std::nullopt;
    return deck;
}

std::vector<Block> stepBlocks(const DeckStep& step, const PageText& text) {
    const auto range = partBlocks(text.body, step.part);
    if (!range) return {};
    return {text.body.blocks.begin() + std::ptrdiff_t(range->begin), text.body.blocks.begin() + std::ptrdiff_t(range->end)};
}

bool keepsWithNext(const std::vector<Block>& blocks, std::size_t i) {
    if (i + 1 >= blocks.size()) return false;
    const Block& b = blocks[i];
    return b.kind == Block::Kind::Heading ||
           (b.kind == Block::Kind::Paragraph && blocks[i + 1].kind == Block::Kind::ListItem);
}

bool mayCut(const Block& b) { return b.kind == Block::Kind::Paragraph; }

std::optional<std::size_t> listLeadIn(const std::vector<Block>& blocks, std::size_t i) {
    if (i >= blocks.size() || blocks[i].kind != Block::Kind::ListItem) return std::nullopt;
    std::size_t first = i;
    while (first > 0 && blocks[first - 1].kind == Block::Kind::ListItem) --first;
    if (first == i || first == 0) return std::nullopt;
    const Block::Kind before = blocks[first - 1].kind;
    if (before != Block::Kind::Paragraph && before != Block::Kind::Heading) return std::nullopt;
    return first - 1;
}

} // namespace ev
