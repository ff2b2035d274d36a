// Bad input never crashes, and identical input comes back from the cache.
#include "text/engine.h"
#include "text/paragraph.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <string>

#include <ft2build.h>
#include FT_FREETYPE_H

using namespace ev::text;

TEST_CASE("invalid UTF-8 becomes U+FFFD", "[input]") {
    Engine engine;
    FT_Library lib = nullptr;
    FT_Face face = nullptr;
    REQUIRE(FT_Init_FreeType(&lib) == 0);
    REQUIRE(FT_New_Face(lib, engine.fontFile(0xFFFD).c_str(), 0, &face) == 0);
    const unsigned replacement = FT_Get_Char_Index(face, 0xFFFD);
    FT_Done_Face(face);
    FT_Done_FreeType(lib);
    REQUIRE(replacement != 0);

    // A stray continuation byte, a truncated sequence, an overlong '/', a UTF-16 surrogate,
    // a code point above U+10FFFF and a lone lead byte at the end.
    const std::string bad = "a\x80 b\xE0\xA4 c\xC0\xAF d\xED\xA0\x80 e\xF4\x90\x80\x80 f\xC3";
    auto p = engine.layout(bad, Style{}, ParagraphSpec{});
    const auto count = std::count_if(p->glyphs.begin(), p->glyphs.end(),
                                     [&](const PlacedGlyph& g) { return g.glyph == replacement; });
    CHECK(count >= 6);
    std::vector<Quad> quads;
    engine.quads(*p, quads);
    CHECK_FALSE(quads.empty());

    CHECK(Engine::metrics(*engine.layout(std::string_view("\0\t\x01", 3), Style{}, ParagraphSpec{})).lines == 1);
    CHECK(Engine::metrics(*engine.layout("", Style{}, ParagraphSpec{})).lines == 0);
    ParagraphSpec odd;
    odd.maxWidth = -5;
    odd.lineSpacing = -1;
    CHECK(Engine::metrics(*engine.layout("x y", Style{-3}, odd)).lines == 1);
    odd.maxWidth = std::numeric_limits<float>::infinity();
    CHECK(Engine::metrics(*engine.layout("x y", Style{std::numeric_limits<float>::quiet_NaN()}, odd)).lines == 1);
}

TEST_CASE("the cache returns the same paragraph for identical input", "[input]") {
    Engine engine;
    ParagraphSpec spec;
    spec.maxWidth = 400;
    const std::string text = "শিশুদের সুরক্ষা";
    auto a = engine.layout(text, Style{28}, spec);
    auto b = engine.layout(std::string(text), Style{28}, spec); // equal text, different memory
    CHECK(a == b);
    CHECK(engine.stats().cacheHits == 1);
    CHECK(engine.stats().layouts == 1);
    CHECK(engine.layout(text, Style{28, Weight::Bold}, spec) != a);
    spec.align = Align::Center;
    CHECK(engine.layout(text, Style{28}, spec) != a);
    const Run tagged[] = {{text, Style{28}, 7}};
    spec.align = Align::Start;
    CHECK(engine.layout(tagged, spec) != a);
}
