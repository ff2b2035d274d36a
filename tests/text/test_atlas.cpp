// The atlas stays within 4096x4096 and, after evictions, quads still point at the right
// pixels: compared with a fresh FreeType rasterisation of the same glyph.
#include "text/atlas.h"
#include "text/engine.h"
#include "text/paragraph.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <unicode/uchar.h>
#include <unicode/utf8.h>

using namespace ev::text;

namespace {

std::string utf8(char32_t c) {
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, UChar32(c));
    return std::string(buf, std::size_t(n));
}

// Renders glyph at size26 the way the engine says it does (light hinting, 8-bit coverage)
// and compares it with the atlas pixels under the quad.
void checkQuad(Engine& engine, FT_Library lib, const std::string& font, const PlacedGlyph& g, const Quad& q) {
    FT_Face face = nullptr;
    REQUIRE(FT_New_Face(lib, font.c_str(), 0, &face) == 0);
    REQUIRE(FT_Set_Char_Size(face, 0, g.size26, 72, 72) == 0);
    REQUIRE(FT_Load_Glyph(face, g.glyph, FT_LOAD_TARGET_LIGHT) == 0);
    REQUIRE(FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) == 0);
    const FT_Bitmap& bm = face->glyph->bitmap;
    const AtlasView atlas = engine.atlas();
    CHECK(q.x1 - q.x0 == float(bm.width));
    CHECK(q.y1 - q.y0 == float(bm.rows));
    CHECK(q.x0 == float(face->glyph->bitmap_left));
    const int ax = int(q.u0 * float(atlas.width) + 0.5f), ay = int(q.v0 * float(atlas.height) + 0.5f);
    int differing = 0;
    for (unsigned r = 0; r < bm.rows; ++r)
        for (unsigned c = 0; c < bm.width; ++c)
            differing += atlas.pixels[std::size_t(ay + int(r)) * std::size_t(atlas.width) + std::size_t(ax + int(c))] !=
                         bm.buffer[r * unsigned(bm.pitch) + c];
    CHECK(differing == 0);
    FT_Done_Face(face);
}

} // namespace

TEST_CASE("the atlas never exceeds 4096x4096 and evicts when full", "[atlas]") {
    Engine engine;
    const char* samples[] = {"শিশুদের সুরক্ষা নিরাপত্তা", "ਬੱਚਿਆਂ ਦੀ ਸੁਰੱਖਿਆ", "بچوں کی حفاظت اور مدد", "Ọmọdé àti ààbò"};
    // Every Latin, Greek and Cyrillic letter at large sizes overflows 4096x4096; each frame
    // draws a slice small enough to fit.
    std::vector<std::string> slices(1);
    for (char32_t c = 0x21; c < 0x500; ++c) {
        if (!u_isgraph(UChar32(c))) continue;
        if (slices.back().size() > 400) slices.emplace_back();
        slices.back() += utf8(c);
    }
    std::vector<Quad> quads;
    auto draw = [&](const std::string& text, float size) {
        engine.beginFrame();
        quads.clear();
        engine.quads(*engine.layout(text, Style{size}, ParagraphSpec{}), quads);
        const AtlasView a = engine.atlas();
        REQUIRE(a.width <= 4096);
        REQUIRE(a.height <= 4096);
        REQUIRE(a.width == a.height);
        REQUIRE((a.width & (a.width - 1)) == 0);
    };
    for (float size : {12.0f, 24.0f, 48.0f, 96.0f, 140.0f, 180.0f}) {
        for (const char* s : samples) draw(s, size);
        for (const std::string& slice : slices) draw(slice, size);
    }
    CHECK(engine.atlas().width == 4096);
    CHECK(engine.stats().atlasEvictions > 0);
}

TEST_CASE("quads stay right across atlas evictions", "[atlas]") {
    Engine engine({512, 1024, 4096}); // four pages, so evictions come quickly
    FT_Library lib = nullptr;
    REQUIRE(FT_Init_FreeType(&lib) == 0);

    struct Case {
        std::shared_ptr<const Paragraph> paragraph;
        std::string font;
    };
    std::vector<Case> cases;
    const std::pair<char32_t, char32_t> ranges[] = {{U'A', U'Z'}, {0x0995, 0x09A8}, {0x0A15, 0x0A28}};
    for (float size : {30.0f, 61.0f, 95.0f, 130.0f})
        for (const auto& [from, to] : ranges)
            for (char32_t c = from; c <= to; ++c)
                cases.push_back(Case{engine.layout(utf8(c), Style{size}, ParagraphSpec{}), engine.fontFile(c)});

    std::vector<Quad> quads;
    auto check = [&](const Case& k) {
        engine.beginFrame();
        quads.clear();
        engine.quads(*k.paragraph, quads);
        REQUIRE(k.paragraph->glyphs.size() == 1);
        REQUIRE(quads.size() == 1);
        checkQuad(engine, lib, k.font, k.paragraph->glyphs[0], quads[0]);
    };
    for (const Case& k : cases) check(k);
    const auto evictedFirstPass = engine.stats().atlasEvictions;
    CHECK(evictedFirstPass > 0);
    // Again, in reverse: paragraphs cached long ago are drawn after their glyphs were evicted.
    for (auto it = cases.rbegin(); it != cases.rend(); ++it) check(*it);
    CHECK(engine.stats().atlasEvictions > evictedFirstPass);
    CHECK(engine.atlas().width == 1024);
    FT_Done_FreeType(lib);
}

// A copy kept up to date from takeChanged() alone, as the GL texture is, equals the atlas after
// every step of filling it, growing it and evicting from it; and the regions are no bigger than
// the glyphs that changed (or the page an eviction cleared), so nothing else is copied.
TEST_CASE("the atlas reports the regions it changed", "[atlas]") {
    Atlas atlas(512, 1024); // four pages after one growth, then evictions
    std::vector<std::uint8_t> copy;
    int copySize = 0;
    auto take = [&]() {
        const std::vector<AtlasRect> changed = atlas.takeChanged();
        if (atlas.size() != copySize) {
            REQUIRE(changed == std::vector<AtlasRect>{AtlasRect{0, 0, atlas.size(), atlas.size()}});
            copySize = atlas.size();
            copy.assign(std::size_t(copySize) * std::size_t(copySize), 0x55); // a new texture holds anything
        }
        for (const AtlasRect& r : changed) {
            REQUIRE(r.x >= 0);
            REQUIRE(r.y >= 0);
            REQUIRE(r.x + r.width <= copySize);
            REQUIRE(r.y + r.height <= copySize);
            for (int y = r.y; y < r.y + r.height; ++y)
                std::memcpy(&copy[std::size_t(y) * std::size_t(copySize) + std::size_t(r.x)],
                            atlas.pixels() + std::size_t(y) * std::size_t(copySize) + std::size_t(r.x), std::size_t(r.width));
        }
        REQUIRE(std::memcmp(copy.data(), atlas.pixels(), copy.size()) == 0);
        return changed;
    };
    CHECK(take() == std::vector<AtlasRect>{AtlasRect{0, 0, 512, 512}}); // the first take is all of it
    CHECK(atlas.takeChanged().empty());

    std::vector<std::uint8_t> ink(96 * 96);
    std::uint64_t tick = 0;
    auto insert = [&](std::uint32_t n) {
        const int w = 5 + int(n * 7 % 90), h = 5 + int(n * 13 % 90);
        for (std::size_t i = 0; i < ink.size(); ++i) ink[i] = std::uint8_t(1 + (i * 31 + n) % 255);
        ++tick;
        const AtlasGlyph* g = atlas.insert(GlyphKey{0, 64 * 20, n, 0}, GlyphBitmap{ink.data(), w, h, 96, 0, h}, tick, tick);
        REQUIRE(g);
        return AtlasRect{g->x, g->y, g->width, g->height};
    };

    std::uint32_t n = 1;
    for (; atlas.size() == 512; ++n) {
        const AtlasRect glyph = insert(n);
        const auto changed = take();
        if (atlas.size() == 512) CHECK(changed == std::vector<AtlasRect>{glyph}); // exactly its pixels
    }
    CHECK(atlas.takeChanged().empty()); // grown: all of it, once
    // Then each page's changed pixels: the box round its new glyphs, or all of it if it was
    // evicted.
    auto sorted = [](std::vector<AtlasRect> r) {
        std::sort(r.begin(), r.end(), [](const AtlasRect& a, const AtlasRect& b) { return std::pair(a.y, a.x) < std::pair(b.y, b.x); });
        return r;
    };
    for (int batch = 0; atlas.evictions() < 3; ++batch) {
        std::map<std::pair<int, int>, AtlasRect> expected; // by page
        for (int i = 0; i < 1 + batch % 5; ++i, ++n) {
            const auto evicted = atlas.evictions();
            const AtlasRect g = insert(n);
            const std::pair page(g.x / Atlas::kPage * Atlas::kPage, g.y / Atlas::kPage * Atlas::kPage);
            AtlasRect& e = expected[page];
            if (atlas.evictions() > evicted) e = AtlasRect{page.first, page.second, Atlas::kPage, Atlas::kPage};
            else if (e.empty()) e = g;
            else {
                const int x1 = std::max(e.x + e.width, g.x + g.width), y1 = std::max(e.y + e.height, g.y + g.height);
                e.x = std::min(e.x, g.x), e.y = std::min(e.y, g.y);
                e.width = x1 - e.x, e.height = y1 - e.y;
            }
        }
        std::vector<AtlasRect> want;
        for (const auto& [page, r] : expected) want.push_back(r);
        CHECK(sorted(take()) == sorted(want));
    }
    CHECK(atlas.size() == 1024);
    CHECK(atlas.takeChanged().empty());
}
