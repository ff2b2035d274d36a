#pragma once
// What a laid-out paragraph holds: glyphs by font and index, not by atlas position, so the
// atlas may evict and re-rasterise without touching cached paragraphs.
#include "text/fonts.h"
#include "text/types.h"

#include <cstdint>
#include <vector>

namespace ev::text {

struct PlacedGlyph {
    float x = 0, y = 0;          // pen position on the baseline, pixels from the paragraph's top-left
    std::uint32_t glyph = 0;
    FontId font = 0;
    std::int32_t size26 = 0;
    std::uint32_t tag = 0;
};

class Paragraph {
public:
    std::vector<PlacedGlyph> glyphs; // visual order, line by line
    std::vector<TagBox> boxes;
    Metrics metrics;
};

} // namespace ev::text
