#pragma once
// The plain data that crosses text/'s edge: what a paragraph is asked for (runs, style, spec)
// and what comes back (metrics, quads, tag boxes, ink, the atlas image). Apart from the Engine
// so that text/'s own parts, and callers that only pass these along, need not see it.
#include <cstdint>
#include <string>
#include <string_view>

namespace ev::text {

enum class Weight { Regular, Bold };
enum class Align { Start, Center, End }; // Start is left in LTR paragraphs, right in RTL ones
enum class Direction { Auto, Ltr, Rtl };  // Auto: from the first strong character

struct Style {
    float sizePx = 32.0f;   // em size in pixels
    Weight weight = Weight::Regular;
};

// A piece of a paragraph in one style. tag is the caller's: it comes back on every quad and
// hit box made from this run (the UI uses it for colour and link index).
struct Run {
    std::string_view utf8;
    Style style;
    std::uint32_t tag = 0;
};

struct ParagraphSpec {
    float maxWidth = 0;      // pixels; 0 = no wrapping
    Align align = Align::Start;
    Direction direction = Direction::Auto;
    float lineSpacing = 1.35f; // line height as a multiple of the largest em size on the line;
                               // fonts taller than Noto Sans (Nastaliq) stretch it in proportion
    std::string language;      // BCP 47 of the text ("ur", "pa-Arab"); empty = unknown. Picks the
                               // Arabic-script font (Nastaliq for ur/pa, else Naskh), the
                               // HarfBuzz language and the ICU line-break rules
};

struct Quad {
    float x0, y0, x1, y1;    // pixels, relative to the paragraph's top-left
    float u0, v0, u1, v1;    // atlas texture coordinates, 0..1
    std::uint32_t tag;
};

// Where a run landed, for hit-testing links: one box per line per visually contiguous piece
// of one tag (tag 0 included), spanning the full line height and the glyphs' advances.
struct TagBox {
    float x0, y0, x1, y1;
    std::uint32_t tag;
};

// A laid-out paragraph (text/paragraph.h). Immutable and cached; glyph images are looked up at
// draw time so that atlas eviction never leaves a cached paragraph pointing at someone else's glyph.
class Paragraph;

struct Metrics {
    float width = 0, height = 0; // of the paragraph box, pixels: width is maxWidth when
                                 // wrapping, else the widest line; alignment is within it
    float contentWidth = 0;      // the widest line, pixels (trailing spaces not counted)
    int lines = 0;
    bool rtl = false;            // resolved base direction
    float baseline = 0;          // the first line's baseline, pixels below the top: a list
                                 // marker in another font lines up with it
};

// The pixels a paragraph's glyphs cover, relative to its top-left: a Nastaliq stroke or an
// italic overhang reaches past the advances that Metrics measure. Empty when nothing is drawn.
struct Ink {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

struct AtlasView {
    int width = 0, height = 0;   // pixels; single channel coverage (alpha), row-major
    const std::uint8_t* pixels = nullptr;
};

// A rectangle of atlas pixels; empty when width or height is 0.
struct AtlasRect {
    int x = 0, y = 0, width = 0, height = 0;
    bool empty() const { return width <= 0 || height <= 0; }
    bool operator==(const AtlasRect&) const = default;
};

} // namespace ev::text
