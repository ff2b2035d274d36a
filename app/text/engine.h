#pragma once
// Text layout for every resident-facing string: ICU BiDi itemisation, ICU line breaking,
// HarfBuzz shaping and FreeType rasterising by glyph index into one glyph atlas. Knows nothing
// of ImGui or GL: the UI turns the quads into draw calls and the platform uploads the atlas.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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

// A laid-out paragraph. Immutable and cached; glyph images are looked up at draw time so
// that atlas eviction never leaves a cached paragraph pointing at someone else's glyph.
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
    std::uint64_t generation = 0; // changes whenever pixels change: re-upload then
};

struct EngineOptions {
    int atlasInitialSize = 1024;  // pixels, square; a power of two from 512
    int atlasMaxSize = 4096;      // pixels; never more than 4096
    std::size_t cachedParagraphs = 4096; // laid-out paragraphs kept, least recently used dropped
};

struct EngineStats {
    std::uint64_t layouts = 0;          // paragraphs laid out (cache misses)
    std::uint64_t cacheHits = 0;
    std::uint64_t glyphsRasterised = 0;
    std::uint64_t atlasEvictions = 0;   // atlas pages cleared to make room
};

// Not thread-safe: use one Engine from one thread.
class Engine {
public:
    // Finds fonts with fontconfig (Noto Sans, Noto Sans Bengali, Noto Sans Gurmukhi,
    // Noto Nastaliq Urdu / Noto Naskh Arabic, ...). Missing fonts are logged, not fatal.
    Engine();
    explicit Engine(const EngineOptions& options);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Lays out a paragraph (cached by runs, styles and spec). Invalid UTF-8 becomes U+FFFD.
    std::shared_ptr<const Paragraph> layout(std::span<const Run> runs, const ParagraphSpec& spec);
    std::shared_ptr<const Paragraph> layout(std::string_view utf8, Style style, const ParagraphSpec& spec);

    static Metrics metrics(const Paragraph& p);
    static const std::vector<TagBox>& tagBoxes(const Paragraph& p);
    // True when some character of p has no glyph in any font found: it would draw as a box.
    static bool hasMissingGlyphs(const Paragraph& p);

    // Call once per frame before the frame's quads(): glyphs used since then are never
    // evicted, so every quad of one frame stays valid together. Without it each quads() call
    // counts as a frame of its own.
    void beginFrame();

    // Quads for drawing p, rasterising any glyph not in the atlas. Appends to out. Quads are
    // whole pixels, 1:1 with atlas texels: draw them with the atlas as an alpha mask.
    // If the atlas grew (atlas().width changed, at most twice a run) quads from earlier calls
    // this frame have stale texture coordinates: draw one more frame.
    void quads(const Paragraph& p, std::vector<Quad>& out);

    // The bounds of the pixels the quads() of p cover: the ink the rasteriser draws, exactly.
    Ink ink(const Paragraph& p);

    // The font file text of cp's script is shaped with first ("" if none was found).
    std::string fontFile(char32_t cp, Weight weight = Weight::Regular, std::string_view language = {});

    EngineStats stats() const;

    AtlasView atlas() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace ev::text
