#pragma once
// The glyph atlas: one single-channel coverage image cut into fixed pages, each packed with
// shelves. It starts small, doubles up to its maximum, and when full evicts the least recently
// used page whole. Glyphs never move while they are cached, so quads handed out since the
// last eviction of their page stay right. It keeps the regions it changed, so a copy of it (the
// GL texture) takes only those.
#include "text/fonts.h"
#include "text/types.h"

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

namespace ev::text {

struct GlyphKey {
    FontId font = 0;
    std::int32_t size26 = 0;  // FreeType char size, 26.6 pixels
    std::uint32_t glyph = 0;  // glyph index in the font
    std::uint8_t phase = 0;   // horizontal subpixel offset in quarters of a pixel
    bool operator==(const GlyphKey&) const = default;
};

struct GlyphKeyHash {
    std::size_t operator()(const GlyphKey& k) const noexcept {
        std::uint64_t h = std::uint64_t(std::uint32_t(k.font)) * 0x9E3779B97F4A7C15ull;
        h ^= (std::uint64_t(std::uint32_t(k.size26)) << 32 | k.glyph) + 0x7F4A7C159E3779B9ull + (h << 6) + (h >> 2);
        return std::hash<std::uint64_t>()(h ^ k.phase);
    }
};

struct GlyphBitmap {          // coverage rows, top row first (FreeType's positive pitch)
    const std::uint8_t* pixels = nullptr;
    int width = 0, rows = 0, pitch = 0;
    int left = 0, top = 0;    // pen to bitmap top-left, pixels; top is upward
};

struct AtlasGlyph {
    int x = 0, y = 0, width = 0, height = 0; // atlas pixels; width 0 = nothing to draw
    int left = 0, top = 0;                    // as GlyphBitmap
    int page = -1;
    // The covered pixels, from the bitmap's top-left (x1, y1 past the last): found once when
    // the glyph is copied in, so a paragraph's ink (Engine::ink) costs a look-up per glyph,
    // not a scan of its pixels every frame. Empty (x1 == x0) when nothing is covered.
    std::int16_t inkX0 = 0, inkY0 = 0, inkX1 = 0, inkY1 = 0;
};

class Atlas {
public:
    static constexpr int kPage = 512; // page side in pixels; also the largest glyph cached

    // Sizes are clamped to powers of two from kPage up to 4096.
    Atlas(int initialSize, int maxSize);

    // The cached glyph, its page marked as used at tick; nullptr if not cached.
    const AtlasGlyph* find(const GlyphKey& key, std::uint64_t tick);

    // Copies a glyph in, growing the atlas or else evicting the least recently used page last
    // used before keepFrom. nullptr if the glyph is larger than a page or nothing may be evicted.
    const AtlasGlyph* insert(const GlyphKey& key, const GlyphBitmap& bitmap, std::uint64_t tick,
                             std::uint64_t keepFrom);

    int size() const { return size_; }
    const std::uint8_t* pixels() const { return pixels_.data(); }
    std::uint64_t evictions() const { return evictions_; }

    // Rectangles covering every pixel changed since the last call, at most one per page; the
    // whole atlas once after it grew. Then forgets them.
    std::vector<AtlasRect> takeChanged();

private:
    struct Shelf { int y = 0, height = 0, x = 0; };
    struct Page {
        int x0 = 0, y0 = 0, nextY = 0;
        std::vector<Shelf> shelves;
        std::uint64_t lastUse = 0;
        std::vector<GlyphKey> keys;
        int changedX0 = 0, changedY0 = 0, changedX1 = 0, changedY1 = 0; // atlas pixels; empty if x1 == x0
    };

    bool place(Page& page, int w, int h, int& x, int& y);
    void addPages(int from);
    void grow();
    void evict(Page& page);
    static void changed(Page& page, int x0, int y0, int x1, int y1);

    int size_ = 0, maxSize_ = 0;
    std::vector<std::uint8_t> pixels_;
    std::vector<Page> pages_;
    std::unordered_map<GlyphKey, AtlasGlyph, GlyphKeyHash> glyphs_;
    std::uint64_t evictions_ = 0;
    bool grown_ = true; // every pixel counts as changed: none has been taken yet
};

} // namespace ev::text
