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
    float lineSpacing = 1.35f; // line height as a multiple of the largest em size on the line
};

struct Quad {
    float x0, y0, x1, y1;    // pixels, relative to the paragraph's top-left
    float u0, v0, u1, v1;    // atlas texture coordinates, 0..1
    std::uint32_t tag;
};

struct TagBox {              // where a tagged run landed, per line piece, for hit-testing links
    float x0, y0, x1, y1;
    std::uint32_t tag;
};

// A laid-out paragraph. Immutable and cached; glyph images are looked up at draw time so
// that atlas eviction never leaves a cached paragraph pointing at someone else's glyph.
class Paragraph;

struct Metrics {
    float width = 0, height = 0; // of the laid-out paragraph, pixels
    int lines = 0;
    bool rtl = false;            // resolved base direction
};

struct AtlasView {
    int width = 0, height = 0;   // pixels; single channel coverage (alpha), row-major
    const std::uint8_t* pixels = nullptr;
    std::uint64_t generation = 0; // changes whenever pixels change: re-upload then
};

class Engine {
public:
    // Finds fonts with fontconfig (Noto Sans, Noto Sans Bengali, Noto Sans Gurmukhi,
    // Noto Nastaliq Urdu / Noto Naskh Arabic, ...). Missing fonts are logged, not fatal.
    Engine();
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Lays out a paragraph (cached by runs, styles and spec). Invalid UTF-8 becomes U+FFFD.
    std::shared_ptr<const Paragraph> layout(std::span<const Run> runs, const ParagraphSpec& spec);
    std::shared_ptr<const Paragraph> layout(std::string_view utf8, Style style, const ParagraphSpec& spec);

    static Metrics metrics(const Paragraph& p);
    static const std::vector<TagBox>& tagBoxes(const Paragraph& p);

    // Quads for drawing p, rasterising any glyph not in the atlas. Appends to out.
    void quads(const Paragraph& p, std::vector<Quad>& out);

    AtlasView atlas() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace ev::text
