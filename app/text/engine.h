#pragma once
// Text layout for every resident-facing string: ICU BiDi itemisation, ICU line breaking,
// HarfBuzz shaping and FreeType rasterising by glyph index into one glyph atlas. Knows nothing
// of ImGui or GL: the UI turns the quads into draw calls and the platform uploads the atlas.
#include "text/types.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ev::text {

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
    std::size_t cachedParagraphs = 0;   // in the layout cache now
    std::size_t cacheBytes = 0;         // the heap they and their keys hold now
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
    // The regions of atlas() changed since the last call (all of it after it grew): what a
    // texture kept in step with it uploads.
    std::vector<AtlasRect> takeAtlasChanged();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace ev::text
