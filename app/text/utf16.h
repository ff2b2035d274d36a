#pragma once
// A paragraph's runs as one UTF-16 string, the form ICU and HarfBuzz both take, so BiDi
// levels, break positions and HarfBuzz clusters all share one index space.
#include "text/types.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace ev::text {

struct LogicalText {
    std::u16string text;
    std::vector<std::int32_t> runStart; // index in text where each run begins; one extra entry = text.size()
    std::int32_t replaced = 0;          // invalid UTF-8 sequences replaced by U+FFFD
};

// Invalid UTF-8 becomes U+FFFD; control characters other than line breaks become spaces, so
// a stray tab or NUL never shows as a missing-glyph box.
LogicalText toUtf16(std::span<const Run> runs);

// Characters that end a line (LF, VT, FF, CR, NEL, LS, PS).
bool isLineBreak(char16_t c);

} // namespace ev::text
