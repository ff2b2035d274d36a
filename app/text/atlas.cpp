#include "text/atlas.h"

#include <algorithm>
#include <cstring>

namespace ev::text {

namespace {

constexpr int kLargest = 4096; // a texture size every GL driver we target accepts
constexpr int kPad = 1;        // blank pixels right of and below each glyph, so filtering never bleeds

int clampSize(int s) {
    int size = Atlas::kPage;
    while (size < s && size < kLargest) size *= 2;
    return size;
}

} // namespace

Atlas::Atlas(int initialSize, int maxSize)
    : size_(clampSize(initialSize)), maxSize_(std::max(clampSize(maxSize), clampSize(initialSize))),
      pixels_(std::size_t(size_) * std::size_t(size_), 0) {
    addPages(0);
}

void Atlas::addPages(int from) {
    for (int y = 0; y < size_; y += kPage)
        for (int x = 0; x < size_; x += kPage)
            if (x >= from || y >= from) pages_.push_back(Page{x, y, 0, {}, 0, {}, 0, 0, 0, 0});
}

void Atlas::grow() {
    const int old = size_;
    size_ *= 2;
    std::vector<std::uint8_t> bigger(std::size_t(size_) * std::size_t(size_), 0);
    for (int y = 0; y < old; ++y)
        std::memcpy(&bigger[std::size_t(y) * std::size_t(size_)], &pixels_[std::size_t(y) * std::size_t(old)], std::size_t(old));
    pixels_.swap(bigger);
    addPages(old);
    grown_ = true;
}

void Atlas::evict(Page& page) {
    for (const GlyphKey& k : page.keys) glyphs_.erase(k);
    page.keys.clear();
    page.shelves.clear();
    page.nextY = 0;
    for (int y = 0; y < kPage; ++y)
        std::memset(&pixels_[std::size_t(page.y0 + y) * std::size_t(size_) + std::size_t(page.x0)], 0, kPage);
    ++evictions_;
    changed(page, page.x0, page.y0, page.x0 + kPage, page.y0 + kPage);
}

void Atlas::changed(Page& page, int x0, int y0, int x1, int y1) {
    if (page.changedX1 == page.changedX0) {
        page.changedX0 = x0, page.changedY0 = y0, page.changedX1 = x1, page.changedY1 = y1;
        return;
    }
    page.changedX0 = std::min(page.changedX0, x0), page.changedY0 = std::min(page.changedY0, y0);
    page.changedX1 = std::max(page.changedX1, x1), page.changedY1 = std::max(page.changedY1, y1);
}

std::vector<AtlasRect> Atlas::takeChanged() {
    std::vector<AtlasRect> out;
    if (grown_) out.push_back(AtlasRect{0, 0, size_, size_});
    for (Page& p : pages_) {
        if (!grown_ && p.changedX1 > p.changedX0)
            out.push_back(AtlasRect{p.changedX0, p.changedY0, p.changedX1 - p.changedX0, p.changedY1 - p.changedY0});
        p.changedX0 = p.changedY0 = p.changedX1 = p.changedY1 = 0;
    }
    grown_ = false;
    return out;
}

bool Atlas::place(Page& page, int w, int h, int& x, int& y) {
    // A shelf a little taller than the glyph is fine; much taller would waste the page.
    for (Shelf& s : page.shelves) {
        if (s.height >= h && s.height <= h + h / 4 + 2 && s.x + w <= kPage) {
            x = page.x0 + s.x;
            y = page.y0 + s.y;
            s.x += w;
            return true;
        }
    }
    if (page.nextY + h > kPage) return false;
    page.shelves.push_back(Shelf{page.nextY, h, w});
    x = page.x0;
    y = page.y0 + page.nextY;
    page.nextY += h;
    return true;
}

const AtlasGlyph* Atlas::find(const GlyphKey& key, std::uint64_t tick) {
    auto it = glyphs_.find(key);
    if (it == glyphs_.end()) return nullptr;
    if (it->second.page >= 0) pages_[std::size_t(it->second.page)].lastUse = tick;
    return &it->second;
}

const AtlasGlyph* Atlas::insert(const GlyphKey& key, const GlyphBitmap& bitmap, std::uint64_t tick,
                                std::uint64_t keepFrom) {
    AtlasGlyph g;
    g.left = bitmap.left;
    g.top = bitmap.top;
    if (bitmap.width <= 0 || bitmap.rows <= 0) return &(glyphs_[key] = g);
    const int w = bitmap.width + kPad, h = bitmap.rows + kPad;
    if (w > kPage || h > kPage) return nullptr;

    auto tryPages = [&]() {
        for (std::size_t i = 0; i < pages_.size(); ++i)
            if (place(pages_[i], w, h, g.x, g.y)) return int(i);
        return -1;
    };
    int page = tryPages();
    while (page < 0 && size_ < maxSize_) {
        grow();
        page = tryPages();
    }
    if (page < 0) {
        auto oldest = pages_.end();
        for (auto it = pages_.begin(); it != pages_.end(); ++it)
            if (it->lastUse < keepFrom && (oldest == pages_.end() || it->lastUse < oldest->lastUse)) oldest = it;
        if (oldest == pages_.end()) return nullptr;
        evict(*oldest);
        page = int(oldest - pages_.begin());
        place(*oldest, w, h, g.x, g.y);
    }

    int inkX0 = bitmap.width, inkY0 = bitmap.rows, inkX1 = 0, inkY1 = 0;
    for (int r = 0; r < bitmap.rows; ++r) {
        const std::uint8_t* src = bitmap.pixels + std::ptrdiff_t(r) * bitmap.pitch;
        std::memcpy(&pixels_[std::size_t(g.y + r) * std::size_t(size_) + std::size_t(g.x)], src, std::size_t(bitmap.width));
        for (int c = 0; c < bitmap.width; ++c)
            if (src[c]) {
                inkX0 = std::min(inkX0, c), inkX1 = std::max(inkX1, c + 1);
                inkY0 = std::min(inkY0, r), inkY1 = r + 1;
            }
    }
    if (inkX1 > inkX0) {
        g.inkX0 = std::int16_t(inkX0), g.inkY0 = std::int16_t(inkY0);
        g.inkX1 = std::int16_t(inkX1), g.inkY1 = std::int16_t(inkY1);
    }
    g.width = bitmap.width;
    g.height = bitmap.rows;
    g.page = page;
    Page& p = pages_[std::size_t(page)];
    p.lastUse = tick;
    p.keys.push_back(key);
    changed(p, g.x, g.y, g.x + g.width, g.y + g.height);
    return &(glyphs_[key] = g);
}

} // namespace ev::text
