#include "text/layout.h"

#include "text/numbers.h"
#include "text/utf16.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numeric>
#include <utility>
#include <vector>

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace ev::text {

namespace {

// Noto Sans's ascender plus descender, in em (1069 + 293 per 1000). Line spacing is relative
// to it, so fonts with taller metrics (Noto Nastaliq Urdu: 2.5 em) get proportionally taller
// lines instead of colliding with the next one.
constexpr float kLatinNaturalHeight = 1.362f;
constexpr float kLargestSizePx = 1000.0f; // sizes are clamped to 1..this
constexpr float kWidest = 1e6f;           // pixels; larger maxWidth (or infinity) is taken as this
// The longest paragraph laid out, in UTF-16 units (about ten screens of text); the rest is cut
// with an ellipsis. Shaping, breaking and the per-unit tables grow with the length, and a
// pack's limits (docs/pack-format.md) are the first bound: this one keeps any caller's
// string from costing gigabytes.
constexpr std::int32_t kLongestParagraph = 20'000;
// The longest word, in UTF-16 units, kept whole on a line narrower than it: a longer one (no
// language has one; a pack's string of random letters, a pasted hash) is broken wherever the
// line is full, so that it takes lines of the column's width rather than one line thousands of
// pixels wide. Shorter words wider than the line stand alone on it, as before.
constexpr std::int32_t kLongestWord = 200;

// Cuts text past kLongestParagraph, ending it with an ellipsis, and the runs with it.
void bound(LogicalText& in) {
    if (in.text.size() <= std::size_t(kLongestParagraph)) return;
    std::size_t keep = kLongestParagraph - 1;
    if (U16_IS_LEAD(in.text[keep - 1])) --keep; // never half a surrogate pair
    in.text.resize(keep);
    in.text += u'\u2026';
    for (std::int32_t& start : in.runStart) start = std::min(start, std::int32_t(keep));
    in.runStart.back() = std::int32_t(in.text.size());
}

struct LineGlyph {
    const ShapedGlyph* glyph;
    std::int32_t size26;
};

struct Line {
    std::vector<LineGlyph> glyphs; // visual order
    std::int64_t width26 = 0;
    float ascent = 0, descent = 0, height = 0;
    bool rtl = false;
};

using LineRange = std::pair<std::int32_t, std::int32_t>; // [start, end) in UTF-16 units

// The wrapping width as asked (0, negative or NaN: none) and in the 26.6 units lines are
// filled in; a box narrower than 1/64 pixel does not wrap either.
struct Wrap {
    float width = 0;
    std::int64_t width26 = 0; // 0 = no wrapping
};

Wrap wrapOf(const ParagraphSpec& spec) {
    const float width = spec.maxWidth > 0 ? std::min(spec.maxWidth, kWidest) : 0;
    return Wrap{width, std::int64_t(double(width) * 64.0)};
}

std::int32_t toSize26(float px) {
    if (!(px >= 1.0f)) px = 1.0f; // also catches NaN
    return std::int32_t(std::lround(std::min(px, kLargestSizePx) * 64.0f));
}

LogicalText logicalText(std::span<const Run> runs) {
    LogicalText in = toUtf16(runs);
    bound(in);
    if (in.replaced > 0)
        std::cerr << "ev::text: invalid UTF-8 in a paragraph; " << in.replaced << " sequence(s) shown as U+FFFD\n";
    return in;
}

// Runs differing only in tag are shaped together, so a link inside a sentence keeps its joins.
std::vector<StyleSpan> styleSpans(std::span<const Run> runs, const LogicalText& in) {
    std::vector<StyleSpan> spans;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const std::int32_t start = in.runStart[r], end = in.runStart[r + 1];
        if (start == end) continue;
        const std::int32_t size26 = toSize26(runs[r].style.sizePx);
        if (!spans.empty() && spans.back().size26 == size26 && spans.back().weight == runs[r].style.weight)
            spans.back().end = end;
        else
            spans.push_back(StyleSpan{start, end, size26, runs[r].style.weight});
    }
    return spans;
}

// Levels are resolved on the copy whose number groups are solid digits (text/numbers.h), so a
// phone number keeps its digit groups in order inside right-to-left text.
bool resolveLevels(UBiDi* bidi, const NumberGroups& numbers, Direction direction) {
    const UBiDiLevel baseLevel = direction == Direction::Ltr ? 0 : direction == Direction::Rtl ? 1 : UBIDI_DEFAULT_LTR;
    UErrorCode status = U_ZERO_ERROR;
    ubidi_setPara(bidi, numbers.forBidi.data(), std::int32_t(numbers.forBidi.size()), baseLevel, nullptr, &status);
    if (U_FAILURE(status)) {
        std::cerr << "ev::text: ICU BiDi failed (" << u_errorName(status) << "); paragraph left empty\n";
        return false;
    }
    return true;
}

// Advances summed in logical order once, so the width of any candidate line during line
// filling is one subtraction rather than a walk over its glyphs. 26.6 pixels.
class Advances {
public:
    Advances(const std::vector<Item>& items, std::size_t length) : before_(length + 1, 0) {
        for (const Item& item : items)
            for (const ShapedGlyph& g : item.glyphs) before_[std::size_t(g.cluster) + 1] += g.xAdvance;
        std::partial_sum(before_.begin(), before_.end(), before_.begin());
    }
    std::int64_t width(std::int32_t a, std::int32_t b) const { return before_[std::size_t(b)] - before_[std::size_t(a)]; }

private:
    std::vector<std::int64_t> before_; // [i]: advance of everything logically before unit i
};

// Trailing spaces and line breaks hang past the line end: not measured, not drawn.
std::int32_t visibleEnd(const std::u16string& text, std::int32_t a, std::int32_t b) {
    while (b > a && u_isUWhiteSpace(text[std::size_t(b) - 1])) --b;
    return b;
}

// Greedy line filling at ICU break opportunities; a word longer than the line stands alone.
// Without a breaker (ICU failed to make one) the paragraph stays one line.
std::vector<LineRange> breakLines(icu::BreakIterator* bi, const std::u16string& text, const NumberGroups& numbers,
                                  const Advances& advances, std::int64_t max26) {
    const auto length = std::int32_t(text.size());
    std::vector<LineRange> ranges;
    if (!bi) {
        ranges.emplace_back(0, length);
        return ranges;
    }
    const icu::UnicodeString alias(false, text.data(), length);
    bi->setText(alias);
    std::int32_t start = 0, fit = -1;
    for (std::int32_t b = bi->following(0); b != icu::BreakIterator::DONE; b = bi->next()) {
        if (numbers.inside[std::size_t(b)]) continue;
        if (max26 > 0 && fit > start && advances.width(start, visibleEnd(text, start, b)) > max26) {
            ranges.emplace_back(start, fit);
            start = fit;
        }
        const std::int32_t rule = bi->getRuleStatus();
        if (rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT) {
            ranges.emplace_back(start, b);
            start = b;
        }
        fit = b;
    }
    if (start < length) ranges.emplace_back(start, length);
    return ranges;
}

// Lines longer than kLongestWord and wider than max26 (one word that did not fit) cut where
// the line is full, between code points (never inside a surrogate pair), at least one each.
std::vector<LineRange> breakLongWords(std::vector<LineRange> ranges, const std::u16string& text,
                                      const Advances& advances, std::int64_t max26) {
    if (max26 <= 0) return ranges;
    std::vector<LineRange> out;
    for (const auto& [a, b] : ranges) {
        const std::int32_t end = visibleEnd(text, a, b);
        if (end - a <= kLongestWord || advances.width(a, end) <= max26) {
            out.emplace_back(a, b);
            continue;
        }
        std::int32_t start = a;
        while (start < b) {
            std::int32_t end = start;
            U16_FWD_1(text.data(), end, b); // at least one code point a line
            for (std::int32_t next = end; next < b;) {
                U16_FWD_1(text.data(), next, b);
                if (advances.width(start, next) > max26) break;
                end = next;
            }
            out.emplace_back(start, end);
            start = end;
        }
    }
    return out;
}

// Appends the glyphs of [a, b), text of one direction, in visual order. Items hold glyphs in
// logical order, so a right-to-left piece is reversed.
void gather(const std::vector<Item>& items, std::int32_t a, std::int32_t b, bool rtl, std::vector<LineGlyph>& out) {
    auto it = std::upper_bound(items.begin(), items.end(), a, [](std::int32_t v, const Item& item) { return v < item.start; });
    if (it != items.begin()) --it;
    const std::size_t first = out.size();
    for (; it != items.end() && it->start < b; ++it) {
        auto g = std::lower_bound(it->glyphs.begin(), it->glyphs.end(), a,
                                  [](const ShapedGlyph& x, std::int32_t v) { return x.cluster < v; });
        for (; g != it->glyphs.end() && g->cluster < b; ++g) out.push_back(LineGlyph{&*g, it->size26});
    }
    if (rtl) std::reverse(out.begin() + std::ptrdiff_t(first), out.end());
}

// Reordering is per line, after breaking (UAX #9, L1-L2): which runs share a line decides
// their visual order. Should ICU fail, the line is drawn in logical order rather than dropped.
Line reorder(UBiDi* paragraph, UBiDi* lineBidi, const std::u16string& text, const std::vector<Item>& items,
             LineRange range) {
    const auto [start, end] = range;
    Line line;
    UBiDiLevel level = 0;
    UErrorCode status = U_ZERO_ERROR;
    ubidi_getParagraph(paragraph, start, nullptr, nullptr, &level, &status);
    line.rtl = (level & 1) != 0;
    const std::int32_t shownEnd = visibleEnd(text, start, end);
    if (shownEnd == start) return line;
    ubidi_setLine(paragraph, start, shownEnd, lineBidi, &status);
    const std::int32_t count = U_SUCCESS(status) ? ubidi_countRuns(lineBidi, &status) : 0;
    if (U_FAILURE(status)) {
        gather(items, start, shownEnd, line.rtl, line.glyphs);
        return line;
    }
    for (std::int32_t r = 0; r < count; ++r) {
        std::int32_t at = 0, n = 0;
        const bool rtl = ubidi_getVisualRun(lineBidi, r, &at, &n) == UBIDI_RTL;
        gather(items, start + at, start + at + n, rtl, line.glyphs);
    }
    return line;
}

// em is the size of the style the line starts in, so an empty line (a blank line between
// paragraphs) is as tall as its neighbours.
void measure(Line& line, FontLibrary& fonts, float em, float lineSpacing) {
    const float spacing = lineSpacing > 0 ? lineSpacing : 1.0f;
    for (const LineGlyph& lg : line.glyphs) {
        line.width26 += lg.glyph->xAdvance;
        em = std::max(em, float(lg.size26) / 64.0f);
        if (const SizedFont* f = fonts.sized(lg.glyph->font, lg.size26)) {
            line.ascent = std::max(line.ascent, f->ascender);
            line.descent = std::max(line.descent, f->descender);
        }
    }
    line.height = std::max(spacing * em, (line.ascent + line.descent) * spacing / kLatinNaturalHeight);
}

float startEm(const std::vector<StyleSpan>& spans, std::int32_t at) {
    const auto span = std::find_if(spans.begin(), spans.end(), [&](const StyleSpan& s) { return at < s.end; });
    return float(span->size26) / 64.0f;
}

// Lines stacked top down, each aligned in the paragraph's box; baselines on whole pixels so
// glyph bitmaps land 1:1 on screen pixels. Tag boxes follow the pen, merging neighbours of
// one tag, so a link split over two lines has one box per line.
void place(const std::vector<Line>& lines, Wrap wrap, Align align, std::span<const Run> runs,
           const std::vector<std::int32_t>& runStart, Paragraph& p) {
    Metrics& m = p.metrics;
    std::int64_t widest26 = 0;
    for (const Line& line : lines) widest26 = std::max(widest26, line.width26);
    m.contentWidth = float(widest26) / 64.0f;
    m.width = wrap.width26 > 0 ? wrap.width : m.contentWidth;
    m.lines = int(lines.size());
    const auto tagOf = [&](std::int32_t cluster) {
        auto it = std::upper_bound(runStart.begin(), runStart.end() - 1, cluster);
        return runs[std::size_t(it - runStart.begin() - 1)].tag;
    };
    float top = 0;
    for (const Line& line : lines) {
        const float lineWidth = float(line.width26) / 64.0f;
        float x0 = 0;
        switch (align) {
        case Align::Start: x0 = line.rtl ? m.width - lineWidth : 0; break;
        case Align::End: x0 = line.rtl ? 0 : m.width - lineWidth; break;
        case Align::Center: x0 = (m.width - lineWidth) / 2; break;
        }
        const float baseline = std::round(top + (line.height - line.ascent - line.descent) / 2 + line.ascent);
        if (&line == &lines.front()) m.baseline = baseline;
        std::int64_t pen = 0;
        bool boxOpen = false;
        for (const LineGlyph& lg : line.glyphs) {
            const ShapedGlyph& g = *lg.glyph;
            const std::uint32_t tag = tagOf(g.cluster);
            p.glyphs.push_back(PlacedGlyph{x0 + float(pen + g.xOffset) / 64.0f, baseline - float(g.yOffset) / 64.0f,
                                           g.glyph, g.font, lg.size26, tag});
            const float left = x0 + float(pen) / 64.0f;
            pen += g.xAdvance;
            const float right = x0 + float(pen) / 64.0f;
            if (boxOpen && p.boxes.back().tag == tag) {
                p.boxes.back().x1 = right;
            } else {
                p.boxes.push_back(TagBox{left, top, right, top + line.height, tag});
                boxOpen = true;
            }
        }
        top += line.height;
    }
    m.height = top;
}

} // namespace

Layouter::Layouter(FontLibrary& fonts) : fonts_(fonts), shaper_(fonts), paragraph_(ubidi_open()), line_(ubidi_open()) {}

Layouter::~Layouter() {
    ubidi_close(line_);
    ubidi_close(paragraph_);
}

icu::BreakIterator* Layouter::breaker(const std::string& language) {
    if (auto it = breakers_.find(language); it != breakers_.end()) return it->second.get();
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = language.empty() ? icu::Locale::getRoot() : icu::Locale::forLanguageTag(language, status);
    if (U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        locale = icu::Locale::getRoot();
    }
    std::unique_ptr<icu::BreakIterator> made(icu::BreakIterator::createLineInstance(locale, status));
    if (U_FAILURE(status)) {
        std::cerr << "ev::text: ICU has no line breaker (" << u_errorName(status) << "); lines will not wrap\n";
        made.reset();
    }
    return breakers_.emplace(language, std::move(made)).first->second.get();
}

// One pass per phase, in this order because each needs the one before: BiDi levels steer
// itemising and shaping, shaped advances steer line breaking, and reordering is per line.
std::shared_ptr<Paragraph> Layouter::layout(std::span<const Run> runs, const ParagraphSpec& spec) {
    auto p = std::make_shared<Paragraph>();
    p->metrics.rtl = spec.direction == Direction::Rtl;
    const LogicalText in = logicalText(runs);
    if (in.text.empty()) return p;

    const NumberGroups numbers = findNumberGroups(in.text);
    if (!resolveLevels(paragraph_, numbers, spec.direction)) return p;
    p->metrics.rtl = (ubidi_getParaLevel(paragraph_) & 1) != 0;
    const std::vector<StyleSpan> spans = styleSpans(runs, in);
    const std::vector<Item> items = shaper_.shape(in.text, paragraph_, spans, spec.language);

    const Wrap wrap = wrapOf(spec);
    const Advances advances(items, in.text.size());
    std::vector<Line> lines;
    for (const LineRange& range : breakLongWords(breakLines(breaker(spec.language), in.text, numbers, advances, wrap.width26),
                                                 in.text, advances, wrap.width26)) {
        Line line = reorder(paragraph_, line_, in.text, items, range);
        measure(line, fonts_, startEm(spans, range.first), spec.lineSpacing);
        lines.push_back(std::move(line));
    }
    place(lines, wrap, spec.align, runs, in.runStart, *p);
    return p;
}

} // namespace ev::text
