#pragma once
// Itemising (BiDi level, script, style) and HarfBuzz shaping with per-cluster font fallback.
#include "text/fonts.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <unicode/ubidi.h>

typedef struct hb_buffer_t hb_buffer_t;

namespace ev::text {

struct ShapedGlyph {
    std::uint32_t glyph = 0;    // index in font
    FontId font = 0;
    std::int32_t cluster = 0;   // UTF-16 index of the first character the glyph came from
    std::int32_t xAdvance = 0, xOffset = 0, yOffset = 0; // 26.6 pixels, y up (HarfBuzz's)
};

struct StyleSpan {              // a range of the text in one style
    std::int32_t start = 0, end = 0;
    std::int32_t size26 = 0;
    Weight weight = Weight::Regular;
};

struct Item {                   // one direction, one script, one style
    std::int32_t start = 0, end = 0;
    bool rtl = false;
    UScriptCode script = USCRIPT_COMMON;
    std::int32_t size26 = 0;
    Weight weight = Weight::Regular;
    std::vector<ShapedGlyph> glyphs; // logical order: clusters ascending, even for RTL
};

class Shaper {
public:
    explicit Shaper(FontLibrary& fonts);
    ~Shaper();
    Shaper(const Shaper&) = delete;
    Shaper& operator=(const Shaper&) = delete;

    // Items cover the text in logical order. Characters of script Common or Inherited take the
    // script of their neighbours within the same BiDi level run.
    std::vector<Item> shape(const std::u16string& text, const UBiDi* bidi,
                            std::span<const StyleSpan> styles, const std::string& language);

private:
    void shapeRange(const std::u16string& text, const Item& item, std::int32_t start, std::int32_t end,
                    std::span<const FontId> chain, bool lastResort, std::vector<ShapedGlyph>& out);
    // The first character of [start, end) that font has no glyph for (else the first character).
    char32_t firstMissing(const std::u16string& text, std::int32_t start, std::int32_t end, FontId font,
                          std::int32_t size26);
    void run(const std::u16string& text, const Item& item, std::int32_t start, std::int32_t end,
             FontId font, std::vector<ShapedGlyph>& out);

    FontLibrary& fonts_;
    hb_buffer_t* buffer_ = nullptr;
    std::string language_;
    std::vector<char32_t> reportedMissing_;
};

} // namespace ev::text
