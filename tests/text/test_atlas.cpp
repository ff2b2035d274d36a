// The atlas stays within 4096x4096 and, after evictions, quads still point at the right
// pixels: compared with a fresh FreeType rasterisation of the same glyph.
#include "text/atlas.h"
#include "text/engine.h"
#include "text/paragraph.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
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

TEST_CASE("a glyph's ink bounds are found once, from its covered pixels") {
    Atlas atlas(512, 512);
    // A 10 x 8 bitmap, blank but for two pixels: (3, 2) and (6, 5).
    std::vector<std::uint8_t> px(10 * 8, 0);
    px[2 * 10 + 3] = 40;
    px[5 * 10 + 6] = 255;
    const AtlasGlyph* g = atlas.insert(GlyphKey{0, 64 * 20, 1, 0}, GlyphBitmap{px.data(), 10, 8, 10, 0, 8}, 1, 1);
    REQUIRE(g);
    CHECK(g->width == 10);
    CHECK(g->inkX0 == 3);
    CHECK(g->inkY0 == 2);
    CHECK(g->inkX1 == 7);
    CHECK(g->inkY1 == 6);
    // Nothing covered: no ink.
    std::vector<std::uint8_t> blank(4 * 4, 0);
    const AtlasGlyph* b = atlas.insert(GlyphKey{0, 64 * 20, 2, 0}, GlyphBitmap{blank.data(), 4, 4, 4, 0, 4}, 2, 2);
    REQUIRE(b);
    CHECK(b->inkX1 == b->inkX0);
}

TEST_CASE("a paragraph's ink is the box of the atlas pixels its quads cover") {
    Engine engine;
    for (const auto& [text, language] : {std::pair<std::string, std::string>{"گھر کی بات ہے", "ur"},
                                         {"Quite a long line of text, wrapped", "en"},
                                         {"\u09b6\u09bf\u09b6\u09c1\u09a6\u09c7\u09b0 \u0995\u09cd\u09b7\u09a4\u09bf", "bn"}}) {
        INFO(language);
        ParagraphSpec spec;
        spec.maxWidth = 300;
        spec.language = language;
        const auto p = engine.layout(text, Style{38.0f, Weight::Regular}, spec);
        std::vector<Quad> quads;
        engine.quads(*p, quads);
        REQUIRE_FALSE(quads.empty());
        // Scanned the slow way, texel by texel, as Engine::ink did before it kept the bounds.
        const AtlasView a = engine.atlas();
        Ink box{1e9f, 1e9f, -1e9f, -1e9f};
        for (const Quad& q : quads) {
            const int u0 = int(std::lround(q.u0 * float(a.width))), v0 = int(std::lround(q.v0 * float(a.height)));
            for (int y = 0; y < int(q.y1 - q.y0); ++y)
                for (int x = 0; x < int(q.x1 - q.x0); ++x)
                    if (a.pixels[std::size_t(v0 + y) * std::size_t(a.width) + std::size_t(u0 + x)]) {
                        box.x0 = std::min(box.x0, q.x0 + float(x)), box.y0 = std::min(box.y0, q.y0 + float(y));
                        box.x1 = std::max(box.x1, q.x0 + float(x + 1)), box.y1 = std::max(box.y1, q.y0 + float(y + 1));
                    }
        }
        const Ink ink = engine.ink(*p);
        CHECK(ink.x0 == box.x0);
        CHECK(ink.y0 == box.y0);
        CHECK(ink.x1 == box.x1);
        CHECK(ink.y1 == box.y1);
    }
}
