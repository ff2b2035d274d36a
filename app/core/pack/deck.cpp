#include "core/pack/deck.h"

namespace ev {

std::optional<Deck> deckFor(const Pack& pack, const std::string& source, const std::string& locale) {
    (void)locale;
    Deck deck{source, {}, {}};
    if (source.starts_with("topics:")) {
        const auto audience = audienceFromId(source.substr(7));
        if (!audience) return std::nullopt;
        const auto list = pack.topics.find(*audience);
        if (list == pack.topics.end()) return std::nullopt;
        for (const std::string& id : list->second)
            if (pack.page(id)) deck.steps.push_back({id, {}, {}});
    }
    if (deck.steps.empty()) return std::nullopt;
    return deck;
}

} // namespace ev
