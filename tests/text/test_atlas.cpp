// The atlas stays within 4096x4096 and, after evictions, quads still point at the right
// pixels: compared with a fresh FreeType rasterisation of the same glyph.
#include "text/engine.h"
#include "text/paragraph.h"

#include <catch2/catch.hpp>

#include <string>
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
