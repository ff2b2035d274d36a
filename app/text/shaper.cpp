#include "text/shaper.h"

#include "text/utf16.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

namespace ev::text {

namespace {

bool realScript(UScriptCode s) { return s != USCRIPT_COMMON && s != USCRIPT_INHERITED; }

// Scripts per UTF-16 unit of [start, end), neutral characters resolved to a neighbour's script.
std::vector<UScriptCode> resolveScripts(const std::u16string& text, std::int32_t start, std::int32_t end) {
    std::vector<UScriptCode> scripts(std::size_t(end - start), USCRIPT_COMMON);
    UScriptCode last = USCRIPT_COMMON;
    for (std::int32_t i = start; i < end;) {
        const std::int32_t at = i;
        UChar32 c;
        U16_NEXT(text.data(), i, end, c);
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode s = uscript_getScript(c, &status);
        if (U_FAILURE(status) || !realScript(s)) s = last;
        else last = s;
        std::fill(scripts.begin() + (at - start), scripts.begin() + (i - start), s);
    }
    // Leading neutrals join the first real script after them.
    auto first = std::find_if(scripts.begin(), scripts.end(), realScript);
    if (first != scripts.end()) std::fill(scripts.begin(), first, *first);
    return scripts;
}

} // namespace

Shaper::Shaper(FontLibrary& fonts) : fonts_(fonts), buffer_(hb_buffer_create()) {}

Shaper::~Shaper() { hb_buffer_destroy(buffer_); }

std::vector<Item> Shaper::shape(const std::u16string& text, const UBiDi* bidi,
                                std::span<const StyleSpan> styles, const std::string& language) {
    language_ = language;
    std::vector<Item> items;
    const std::int32_t length = std::int32_t(text.size());
    std::size_t span = 0;
    for (std::int32_t runStart = 0; runStart < length;) {
        std::int32_t runEnd = length;
        UBiDiLevel level = 0;
        ubidi_getLogicalRun(bidi, runStart, &runEnd, &level);
        const std::vector<UScriptCode> scripts = resolveScripts(text, runStart, runEnd);
        for (std::int32_t i = runStart; i < runEnd;) {
            while (span + 1 < styles.size() && styles[span].end <= i) ++span;
            const UScriptCode script = scripts[std::size_t(i - runStart)];
            std::int32_t end = std::min(runEnd, styles[span].end);
            std::int32_t j = i + 1;
            while (j < end && scripts[std::size_t(j - runStart)] == script) ++j;
            Item item;
            item.start = i;
            item.end = j;
            item.rtl = (level & 1) != 0;
            item.script = script;
            item.size26 = styles[span].size26;
            item.weight = styles[span].weight;
            const std::vector<FontId>& chain = fonts_.chain(script, item.weight, language);
            shapeRange(text, item, i, j, chain, false, item.glyphs);
            items.push_back(std::move(item));
            i = j;
        }
        runStart = runEnd;
    }
    return items;
}

void Shaper::run(const std::u16string& text, const Item& item, std::int32_t start, std::int32_t end,
                 FontId font, std::vector<ShapedGlyph>& out) {
    SizedFont* sized = fonts_.sized(font, item.size26);
    if (!sized) return;
    hb_buffer_clear_contents(buffer_);
    hb_buffer_add_utf16(buffer_, reinterpret_cast<const uint16_t*>(text.data()), int(text.size()),
                        unsigned(start), int(end - start));
    hb_buffer_set_direction(buffer_, item.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer_, hb_script_from_string(uscript_getShortName(item.script), -1));
    if (!language_.empty()) hb_buffer_set_language(buffer_, hb_language_from_string(language_.c_str(), -1));
    hb_buffer_guess_segment_properties(buffer_);
    hb_shape(sized->hb, buffer_, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer_, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer_, nullptr);
    const std::size_t first = out.size();
    for (unsigned k = 0; k < count; ++k)
        out.push_back(ShapedGlyph{info[k].codepoint, font, std::int32_t(info[k].cluster),
                                  pos[k].x_advance, pos[k].x_offset, pos[k].y_offset});
    if (item.rtl) std::reverse(out.begin() + std::ptrdiff_t(first), out.end());
}

char32_t Shaper::firstMissing(const std::u16string& text, std::int32_t start, std::int32_t end, FontId font,
                              std::int32_t size26) {
    SizedFont* sized = fonts_.sized(font, size26);
    UChar32 first = 0;
    for (std::int32_t i = start; i < end;) {
        UChar32 c;
        U16_NEXT(text.data(), i, end, c);
        if (!first) first = c;
        hb_codepoint_t glyph = 0;
        if (sized && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) &&
            !hb_font_get_nominal_glyph(sized->hb, hb_codepoint_t(c), &glyph))
            return char32_t(c);
    }
    return char32_t(first);
}

void Shaper::shapeRange(const std::u16string& text, const Item& item, std::int32_t start, std::int32_t end,
                        std::span<const FontId> chain, bool lastResort, std::vector<ShapedGlyph>& out) {
    if (chain.empty()) return;
    std::vector<ShapedGlyph> glyphs;
    run(text, item, start, end, chain.front(), glyphs);
    if (glyphs.empty() && chain.size() > 1) { // the font file could not be opened
        shapeRange(text, item, start, end, chain.subspan(1), lastResort, out);
        return;
    }
    // Walk clusters in logical order; a run of clusters with a missing glyph is shaped again
    // with the next font. Line breaks are never drawn, so their missing glyphs do not count.
    for (std::size_t g = 0; g < glyphs.size();) {
        std::size_t next = g;
        bool missing = false;
        while (next < glyphs.size() && glyphs[next].cluster == glyphs[g].cluster)
            missing |= glyphs[next++].glyph == 0;
        missing = missing && !isLineBreak(text[std::size_t(glyphs[g].cluster)]);
        if (!missing) {
            out.insert(out.end(), glyphs.begin() + std::ptrdiff_t(g), glyphs.begin() + std::ptrdiff_t(next));
            g = next;
            continue;
        }
        // Extend over following clusters that also miss glyphs.
        std::size_t stop = next;
        while (stop < glyphs.size()) {
            std::size_t after = stop;
            bool alsoMissing = false;
            while (after < glyphs.size() && glyphs[after].cluster == glyphs[stop].cluster)
                alsoMissing |= glyphs[after++].glyph == 0;
            if (!alsoMissing) break;
            stop = after;
        }
        const std::int32_t from = glyphs[g].cluster;
        const std::int32_t to = stop < glyphs.size() ? glyphs[stop].cluster : end;
        const std::size_t before = out.size();
        const char32_t c = firstMissing(text, from, to, chain.front(), item.size26);
        if (chain.size() > 1) {
            shapeRange(text, item, from, to, chain.subspan(1), lastResort, out);
        } else if (!lastResort) {
            if (auto font = fonts_.coveringFont(c, item.weight)) {
                const FontId only[] = {*font};
                shapeRange(text, item, from, to, only, true, out);
            }
        }
        if (out.size() == before) { // nothing better: keep this font's .notdef boxes
            if (std::find(reportedMissing_.begin(), reportedMissing_.end(), char32_t(c)) == reportedMissing_.end()) {
                reportedMissing_.push_back(char32_t(c));
                char hex[16];
                std::snprintf(hex, sizeof hex, "U+%04X", unsigned(c));
                std::cerr << "ev::text: no installed font has a glyph for " << hex
                          << "; install the Debian package fonts-noto-core (or fonts-noto-extra)\n";
            }
            out.insert(out.end(), glyphs.begin() + std::ptrdiff_t(g), glyphs.begin() + std::ptrdiff_t(stop));
        }
        g = stop;
    }
}

} // namespace ev::text
