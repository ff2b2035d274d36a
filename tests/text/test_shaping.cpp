// Our shaping against HarfBuzz's own command-line tool (Debian libharfbuzz-bin) run on the
// font file our fontconfig lookup chose, at the same 26.6 size and with the same light-hinting
// FreeType load flags.
#include "text/engine.h"
#include "text/paragraph.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <unicode/utf8.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_BBOX_H

namespace {

struct HbGlyph {
    unsigned gid = 0;
    long dx = 0, dy = 0, ax = 0;
};

std::string run(const std::string& command) {
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        std::array<char, 4096> buf{};
        while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
        pclose(pipe);
    }
    return out;
}

// hb-shape prints "[gid=cluster@dx,dy+ax|...]"; offsets are left out when zero.
std::vector<HbGlyph> hbShape(const std::string& font, int size26, const std::string& language, const std::string& text) {
    char path[] = "/tmp/ev_text_hbXXXXXX";
    const int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    close(fd);
    std::ofstream(path) << text;
    const std::string out = run("hb-shape --font-funcs=ft --ft-load-flags=65536 --no-glyph-names --font-size=" +
                                std::to_string(size26) + " --language=" + language + " --text-file=" + path +
                                " '" + font + "' 2>&1");
    std::remove(path);
    INFO("hb-shape said: " << out);
    REQUIRE(out.size() > 2);
    REQUIRE(out.front() == '[');
    std::vector<HbGlyph> glyphs;
    std::stringstream all(out.substr(1, out.find(']') - 1));
    for (std::string item; std::getline(all, item, '|');) {
        HbGlyph g;
        g.gid = unsigned(std::stoul(item));
        if (auto at = item.find('@'); at != std::string::npos) {
            g.dx = std::stol(item.substr(at + 1));
            g.dy = std::stol(item.substr(item.find(',', at) + 1));
        }
        g.ax = std::stol(item.substr(item.find('+') + 1));
        glyphs.push_back(g);
    }
    return glyphs;
}

char32_t firstCodepoint(const std::string& s) {
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(s.data(), i, int32_t(s.size()), c);
    return char32_t(c);
}

} // namespace

TEST_CASE("shaping matches hb-shape on the same font file and size", "[shaping]") {
    struct Sample {
        const char* language;
        std::string text;
    };
    const std::vector<Sample> samples = {
        {"bn", "শিশুদের সুরক্ষা"},
        {"pa", "ਬੱਚਿਆਂ ਦੀ ਸੁਰੱਖਿਆ"},
        {"ur", "بچوں کی حفاظت"},
        {"yo", "Ọmọdé àti ààbò"},
    };
    ev::text::Engine engine;
    for (const float px : {32.0f, 27.5f}) {
        for (const Sample& s : samples) {
            const int size26 = int(px * 64);
            const std::string font = engine.fontFile(firstCodepoint(s.text), ev::text::Weight::Regular, s.language);
            INFO(s.language << " at " << px << " px with " << font);
            REQUIRE_FALSE(font.empty());
            const std::vector<HbGlyph> expected = hbShape(font, size26, s.language, s.text);

            ev::text::ParagraphSpec spec;
            spec.language = s.language;
            auto p = engine.layout(s.text, ev::text::Style{px, ev::text::Weight::Regular}, spec);
            REQUIRE(p->glyphs.size() == expected.size());
            const float baseline = p->glyphs[0].y + float(expected[0].dy) / 64.0f;
            long pen = 0;
            for (std::size_t i = 0; i < expected.size(); ++i) {
                INFO("glyph " << i);
                const ev::text::PlacedGlyph& g = p->glyphs[i];
                CHECK(g.glyph == expected[i].gid);
                CHECK(g.size26 == size26);
                CHECK(g.x == float(pen + expected[i].dx) / 64.0f);
                CHECK(g.y == baseline - float(expected[i].dy) / 64.0f);
                pen += expected[i].ax;
            }
            CHECK(ev::text::Engine::metrics(*p).contentWidth == float(pen) / 64.0f);
        }
    }
}

TEST_CASE("a character missing from the script's font comes from another font", "[shaping]") {
    ev::text::Engine engine;
    // U+0964 DEVANAGARI DANDA is script Common, so after Latin it is shaped with Noto Sans,
    // which has no glyph for it; the Bengali font has.
    auto p = engine.layout("abc\u0964", ev::text::Style{}, ev::text::ParagraphSpec{});
    REQUIRE(p->glyphs.size() == 4);
    CHECK(p->glyphs[0].font == p->glyphs[2].font);
    CHECK(p->glyphs[3].font != p->glyphs[0].font);
    CHECK(p->glyphs[3].glyph != 0);

    // U+08A0 is Arabic script but not in Noto Nastaliq Urdu; Noto Naskh Arabic has it.
    ev::text::ParagraphSpec urdu;
    urdu.language = "ur";
    auto q = engine.layout("\u0628 \u08A0", ev::text::Style{}, urdu);
    REQUIRE_FALSE(q->glyphs.empty());
    bool otherFont = false;
    for (const ev::text::PlacedGlyph& g : q->glyphs) {
        CHECK(g.glyph != 0);
        otherFont |= g.font != q->glyphs.back().font; // the last glyph is U+0628's, in Nastaliq
    }
    CHECK(otherFont);
    CHECK(engine.fontFile(0x0628, ev::text::Weight::Regular, "ur").find("NotoNastaliqUrdu") != std::string::npos);
}

// The ink the engine reports (and the UI keeps unclipped) is where FreeType's outlines of the
// glyphs lie, at the positions hb-shape gives: Urdu kaf and gaf at the start of a right-to-left
// line reach past the line's advance, up and to the right. (hb-view 6.0 is no reference here:
// it draws kaf's top stroke shorter than the outline.)
TEST_CASE("ink extents of Urdu lines are the glyph outlines' at hb-shape's positions", "[shaping][ink]") {
    ev::text::Engine engine;
    FT_Library ft = nullptr;
    REQUIRE(FT_Init_FreeType(&ft) == 0);
    const int size26 = 64 * 64;
    for (const std::string text : {"کسی", "گھر", "کبھی", "لوگ"}) {
        const std::string font = engine.fontFile(firstCodepoint(text), ev::text::Weight::Regular, "ur");
        INFO(text << " in " << font);
        FT_Face face = nullptr;
        REQUIRE(FT_New_Face(ft, font.c_str(), 0, &face) == 0);
        REQUIRE(FT_Set_Char_Size(face, 0, size26, 72, 72) == 0);
        // Outline boxes (not control boxes), y up from the baseline, in pixels.
        float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
        long pen = 0;
        for (const HbGlyph& g : hbShape(font, size26, "ur", text)) {
            REQUIRE(FT_Load_Glyph(face, g.gid, FT_LOAD_NO_HINTING) == 0);
            FT_BBox b{};
            FT_Outline_Get_BBox(&face->glyph->outline, &b);
            if (b.xMax > b.xMin) {
                const float ox = float(pen + g.dx) / 64.0f, oy = float(g.dy) / 64.0f;
                x0 = std::min(x0, ox + float(b.xMin) / 64.0f), x1 = std::max(x1, ox + float(b.xMax) / 64.0f);
                y0 = std::min(y0, oy + float(b.yMin) / 64.0f), y1 = std::max(y1, oy + float(b.yMax) / 64.0f);
            }
            pen += g.ax;
        }
        FT_Done_Face(face);

        ev::text::ParagraphSpec spec;
        spec.direction = ev::text::Direction::Rtl;
        spec.language = "ur";
        const auto p = engine.layout(text, ev::text::Style{64.0f, ev::text::Weight::Regular}, spec);
        const ev::text::Ink ink = engine.ink(*p);
        const float baseline = p->glyphs[0].y + float(hbShape(font, size26, "ur", text)[0].dy) / 64.0f;
        INFO("engine ink " << ink.x0 << "," << ink.y0 << " - " << ink.x1 << "," << ink.y1 << "; outlines x " << x0 << " - "
                           << x1 << ", " << y1 << " above and " << -y0 << " below a baseline at " << baseline);
        // Antialiasing and light hinting move an edge by up to about a pixel and a half.
        CHECK(std::abs(ink.x0 - x0) <= 2);
        CHECK(std::abs(ink.x1 - x1) <= 2);
        CHECK(std::abs(ink.y0 - (baseline - y1)) <= 2);
        CHECK(std::abs(ink.y1 - (baseline - y0)) <= 2);
        if (text == "کسی" || text == "کبھی") CHECK(ink.x1 > ev::text::Engine::metrics(*p).contentWidth + 20);
    }
    FT_Done_FreeType(ft);
}
