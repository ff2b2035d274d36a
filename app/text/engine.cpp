#include "text/engine.h"

#include "text/atlas.h"
#include "text/fonts.h"
#include "text/layout.h"
#include "text/layout_cache.h"
#include "text/paragraph.h"

#include <algorithm>
#include <cmath>
#include <iostream>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <unicode/utf16.h>

namespace ev::text {

namespace {
constexpr int kPhases = 4; // horizontal subpixel positions per pixel a glyph is rasterised at
}

struct Engine::Impl {
    explicit Impl(const EngineOptions& o)
        : atlas(o.atlasInitialSize, o.atlasMaxSize), cache(o.cachedParagraphs) {}

    const AtlasGlyph* rasterise(const GlyphKey& key);
    // Calls f(x, y, glyph) for each glyph of p that has pixels: (x, y) is its bitmap's
    // top-left in the paragraph, whole pixels. Rasterises the glyphs not in the atlas; one
    // tick of the atlas's clock.
    template <typename F> void eachGlyph(const Paragraph& p, F&& f);

    FontLibrary fonts;
    Layouter layouter{fonts};
    Atlas atlas;
    LayoutCache cache;
    EngineStats stats;
    std::uint64_t tick = 0;        // one per quads() call: the atlas's clock for LRU
    std::uint64_t frameStart = 0;  // first tick of the current frame
    bool inFrame = false;          // beginFrame() has been called at least once
    bool reportedTooBig = false, reportedFull = false;
};

const AtlasGlyph* Engine::Impl::rasterise(const GlyphKey& key) {
    SizedFont* f = fonts.sized(key.font, key.size26);
    if (!f || FT_Load_Glyph(f->face, key.glyph, kLoadFlags) != 0) return nullptr;
    FT_GlyphSlot slot = f->face->glyph;
    if (slot->format == FT_GLYPH_FORMAT_OUTLINE && key.phase != 0)
        FT_Outline_Translate(&slot->outline, key.phase * 64 / kPhases, 0);
    if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0) return nullptr;
    ++stats.glyphsRasterised;
    GlyphBitmap bitmap{slot->bitmap.buffer, int(slot->bitmap.width), int(slot->bitmap.rows), slot->bitmap.pitch,
                       slot->bitmap_left, slot->bitmap_top};
    if (slot->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY || bitmap.pitch < 0) bitmap.width = 0;
    if (bitmap.width + 1 > Atlas::kPage || bitmap.rows + 1 > Atlas::kPage) {
        if (!reportedTooBig)
            std::cerr << "ev::text: a glyph at " << key.size26 / 64.0 << " px is larger than an atlas page ("
                      << Atlas::kPage << " px); such glyphs are not drawn\n";
        reportedTooBig = true;
        bitmap.width = 0; // cached as blank, so it is not rasterised again every frame
    }
    const std::uint64_t keepFrom = inFrame ? frameStart : tick;
    const AtlasGlyph* placed = atlas.insert(key, bitmap, tick, keepFrom);
    if (!placed && !reportedFull) {
        std::cerr << "ev::text: glyph atlas full with glyphs of the current frame; some glyphs are not drawn\n";
        reportedFull = true;
    }
    return placed;
}

template <typename F> void Engine::Impl::eachGlyph(const Paragraph& p, F&& f) {
    ++tick;
    for (const PlacedGlyph& g : p.glyphs) {
        float whole = std::floor(g.x);
        int phase = int(std::lround((g.x - whole) * kPhases));
        if (phase == kPhases) {
            whole += 1;
            phase = 0;
        }
        const GlyphKey key{g.font, g.size26, g.glyph, std::uint8_t(phase)};
        const AtlasGlyph* a = atlas.find(key, tick);
        if (!a) a = rasterise(key);
        if (!a || a->width == 0) continue;
        f(whole + float(a->left), std::round(g.y) - float(a->top), *a, g);
    }
}

Engine::Engine() : Engine(EngineOptions{}) {}

Engine::Engine(const EngineOptions& options) : impl_(std::make_unique<Impl>(options)) {}

Engine::~Engine() = default;

std::shared_ptr<const Paragraph> Engine::layout(std::span<const Run> runs, const ParagraphSpec& spec) {
    std::string key = LayoutCache::key(runs, spec);
    if (auto hit = impl_->cache.find(key)) {
        ++impl_->stats.cacheHits;
        return hit;
    }
    impl_->fonts.trim();
    std::shared_ptr<const Paragraph> made = impl_->layouter.layout(runs, spec);
    ++impl_->stats.layouts;
    impl_->cache.put(std::move(key), made);
    return made;
}

std::shared_ptr<const Paragraph> Engine::layout(std::string_view utf8, Style style, const ParagraphSpec& spec) {
    const Run run{utf8, style, 0};
    return layout(std::span<const Run>(&run, 1), spec);
}

Metrics Engine::metrics(const Paragraph& p) { return p.metrics; }

const std::vector<TagBox>& Engine::tagBoxes(const Paragraph& p) { return p.boxes; }

bool Engine::hasMissingGlyphs(const Paragraph& p) {
    // Glyph 0 is .notdef in every OpenType font: the shaper keeps it only when no font had better.
    return std::any_of(p.glyphs.begin(), p.glyphs.end(), [](const PlacedGlyph& g) { return g.glyph == 0; });
}

void Engine::beginFrame() {
    impl_->frameStart = impl_->tick + 1;
    impl_->inFrame = true;
}

void Engine::quads(const Paragraph& p, std::vector<Quad>& out) {
    Impl& m = *impl_;
    const float scale = 1.0f / float(m.atlas.size());
    const std::size_t first = out.size();
    out.reserve(first + p.glyphs.size());
    m.eachGlyph(p, [&](float x0, float y0, const AtlasGlyph& a, const PlacedGlyph& g) {
        out.push_back(Quad{x0, y0, x0 + float(a.width), y0 + float(a.height),
                           float(a.x) * scale, float(a.y) * scale,
                           float(a.x + a.width) * scale, float(a.y + a.height) * scale, g.tag});
    });
    // The atlas may have grown while rasterising: rescale this call's texture coordinates.
    if (const float now = 1.0f / float(m.atlas.size()); now != scale)
        for (std::size_t i = first; i < out.size(); ++i) {
            Quad& q = out[i];
            q.u0 = q.u0 / scale * now, q.v0 = q.v0 / scale * now, q.u1 = q.u1 / scale * now, q.v1 = q.v1 / scale * now;
        }
}

Ink Engine::ink(const Paragraph& p) {
    // The covered pixels of each glyph's bitmap: FreeType sizes a bitmap by the outline's
    // control points, which in Nastaliq's long curves lie well outside the ink.
    Ink box{1e9f, 1e9f, -1e9f, -1e9f};
    impl_->eachGlyph(p, [&](float x0, float y0, const AtlasGlyph& a, const PlacedGlyph&) {
        if (a.inkX1 <= a.inkX0) return;
        box.x0 = std::min(box.x0, x0 + float(a.inkX0)), box.y0 = std::min(box.y0, y0 + float(a.inkY0));
        box.x1 = std::max(box.x1, x0 + float(a.inkX1)), box.y1 = std::max(box.y1, y0 + float(a.inkY1));
    });
    return box.empty() ? Ink{} : box;
}

AtlasView Engine::atlas() const {
    return AtlasView{impl_->atlas.size(), impl_->atlas.size(), impl_->atlas.pixels()};
}

std::vector<AtlasRect> Engine::takeAtlasChanged() { return impl_->atlas.takeChanged(); }

std::string Engine::fontFile(char32_t cp, Weight weight, std::string_view language) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(UChar32(cp), &status);
    const auto& chain = impl_->fonts.chain(U_SUCCESS(status) ? script : USCRIPT_COMMON, weight, std::string(language));
    return chain.empty() ? std::string() : impl_->fonts.path(chain.front());
}

EngineStats Engine::stats() const {
    EngineStats s = impl_->stats;
    s.atlasEvictions = impl_->atlas.evictions();
    s.cachedParagraphs = impl_->cache.size();
    s.cacheBytes = impl_->cache.bytes();
    return s;
}

} // namespace ev::text
