#include "core/pack/plan.h"

#include "core/pack/pack_hash.h"

namespace ev {

std::optional<BlockRange> partBlocks(const Document& doc, const PagePart& part) {
    const std::size_t n = doc.blocks.size();
    switch (part.kind) {
    case PagePart::Kind::WholePage: return BlockRange{0, n};
    case PagePart::Kind::Blocks:
        if (part.first < 1 || part.last < part.first || static_cast<std::size_t>(part.last) > n) return std::nullopt;
        return BlockRange{static_cast<std::size_t>(part.first - 1), static_cast<std::size_t>(part.last)};
    case PagePart::Kind::Heading: {
        int seen = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (doc.blocks[i].kind != Block::Kind::Heading || ++seen != part.first) continue;
            std::size_t end = i + 1;
            while (end < n && !(doc.blocks[end].kind == Block::Kind::Heading && doc.blocks[end].level <= doc.blocks[i].level)) ++end;
            return BlockRange{i, end};
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::string planSourceHash(const PlanText& text) {
    std::string body;
    for (const PlanStepText& s : text.steps) body += s.prompt + "\n" + s.notes + "\n";
    body += text.question + "\n";
    for (const std::string& a : text.answers) body += a + "\n";
    return pageSourceHash(text.title, text.summary, body);
}

} // namespace ev
