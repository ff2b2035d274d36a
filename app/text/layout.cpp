#include "text/layout.h"

#include "text/numbers.h"
#include "text/utf16.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numeric>

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

std::int32_t toSize26(float px) {
    if (!(px >= 1.0f)) px = 1.0f; // also catches NaN
    return std::int32_t(std::lround(std::min(px, kLargestSizePx) * 64.0f));
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

std::shared_ptr<Paragraph> Layouter::layout(std::span<const Run> runs, const ParagraphSpec& spec) {
    auto p = std::make_shared<Paragraph>();
    LogicalText in = toUtf16(runs);
    bound(in);
    if (in.replaced > 0)
        std::cerr << "ev::text: invalid UTF-8 in a paragraph; " << in.replaced << " sequence(s) shown as U+FFFD\n";
    const std::u16string& text = in.text;
    const auto length = std::int32_t(text.size());
    p->metrics.rtl = spec.direction == Direction::Rtl;
    if (length == 0) return p;

    // Runs differing only in tag are shaped together, so a link inside a sentence keeps its joins.
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

    const UBiDiLevel baseLevel = spec.direction == Direction::Ltr ? 0
                                 : spec.direction == Direction::Rtl ? 1 : UBIDI_DEFAULT_LTR;
    const NumberGroups numbers = findNumberGroups(text);
    UErrorCode status = U_ZERO_ERROR;
    ubidi_setPara(paragraph_, numbers.forBidi.data(), length, baseLevel, nullptr, &status);
    if (U_FAILURE(status)) {
        std::cerr << "ev::text: ICU BiDi failed (" << u_errorName(status) << "); paragraph left empty\n";
        return p;
    }
    p->metrics.rtl = (ubidi_getParaLevel(paragraph_) & 1) != 0;
    const std::vector<Item> items = shaper_.shape(text, paragraph_, spans, spec.language);

    // before[i]: advance of everything logically before UTF-16 unit i, in 26.6 pixels.
    std::vector<std::int64_t> before(std::size_t(length) + 1, 0);
    for (const Item& item : items)
        for (const ShapedGlyph& g : item.glyphs) before[std::size_t(g.cluster) + 1] += g.xAdvance;
    std::partial_sum(before.begin(), before.end(), before.begin());
    auto width = [&](std::int32_t a, std::int32_t b) { return before[std::size_t(b)] - before[std::size_t(a)]; };
    // Trailing spaces and line breaks hang past the line end: not measured, not drawn.
    auto trim = [&](std::int32_t a, std::int32_t b) {
        while (b > a && u_isUWhiteSpace(text[std::size_t(b) - 1])) --b;
        return b;
    };

    // Greedy line filling at ICU break opportunities; a word longer than the line stands alone.
    std::vector<std::pair<std::int32_t, std::int32_t>> ranges;
    const float maxWidth = spec.maxWidth > 0 ? std::min(spec.maxWidth, kWidest) : 0; // NaN too
    const std::int64_t max26 = std::int64_t(double(maxWidth) * 64.0);
    const icu::UnicodeString alias(false, text.data(), length);
    if (icu::BreakIterator* bi = breaker(spec.language)) {
        bi->setText(alias);
        std::int32_t start = 0, fit = -1;
        for (std::int32_t b = bi->following(0); b != icu::BreakIterator::DONE; b = bi->next()) {
            if (numbers.inside[std::size_t(b)]) continue;
            if (max26 > 0 && fit > start && width(start, trim(start, b)) > max26) {
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
    } else {
        ranges.emplace_back(0, length);
    }

    auto gather = [&](std::int32_t a, std::int32_t b, bool rtl, std::vector<LineGlyph>& out) {
        auto it = std::upper_bound(items.begin(), items.end(), a,
                                   [](std::int32_t v, const Item& item) { return v < item.start; });
        if (it != items.begin()) --it;
        const std::size_t first = out.size();
        for (; it != items.end() && it->start < b; ++it) {
            auto g = std::lower_bound(it->glyphs.begin(), it->glyphs.end(), a,
                                      [](const ShapedGlyph& x, std::int32_t v) { return x.cluster < v; });
            for (; g != it->glyphs.end() && g->cluster < b; ++g) out.push_back(LineGlyph{&*g, it->size26});
        }
        if (rtl) std::reverse(out.begin() + std::ptrdiff_t(first), out.end());
    };
    auto spanAt = [&](std::int32_t i) {
        return *std::find_if(spans.begin(), spans.end(), [&](const StyleSpan& s) { return i < s.end; });
    };

    const float spacing = spec.lineSpacing > 0 ? spec.lineSpacing : 1.0f;
    std::vector<Line> lines;
    std::int64_t widest26 = 0;
    for (const auto& [start, end] : ranges) {
        Line line;
        UBiDiLevel level = 0;
        status = U_ZERO_ERROR;
        ubidi_getParagraph(paragraph_, start, nullptr, nullptr, &level, &status);
        line.rtl = (level & 1) != 0;
        if (const std::int32_t visibleEnd = trim(start, end); visibleEnd > start) {
            ubidi_setLine(paragraph_, start, visibleEnd, line_, &status);
            const std::int32_t count = U_SUCCESS(status) ? ubidi_countRuns(line_, &status) : 0;
            if (U_FAILURE(status)) {
                gather(start, visibleEnd, line.rtl, line.glyphs);
            } else {
                for (std::int32_t r = 0; r < count; ++r) {
                    std::int32_t at = 0, n = 0;
                    const bool rtl = ubidi_getVisualRun(line_, r, &at, &n) == UBIDI_RTL;
                    gather(start + at, start + at + n, rtl, line.glyphs);
                }
            }
        }
        float em = float(spanAt(start).size26) / 64.0f;
        for (const LineGlyph& lg : line.glyphs) {
            line.width26 += lg.glyph->xAdvance;
            em = std::max(em, float(lg.size26) / 64.0f);
            if (const SizedFont* f = fonts_.sized(lg.glyph->font, lg.size26)) {
                line.ascent = std::max(line.ascent, f->ascender);
                line.descent = std::max(line.descent, f->descender);
            }
        }
        line.height = std::max(spacing * em, (line.ascent + line.descent) * spacing / kLatinNaturalHeight);
        widest26 = std::max(widest26, line.width26);
        lines.push_back(std::move(line));
    }

    Metrics& m = p->metrics;
    m.contentWidth = float(widest26) / 64.0f;
    m.width = max26 > 0 ? maxWidth : m.contentWidth;
    m.lines = int(lines.size());
    const auto tagOf = [&](std::int32_t cluster) {
        auto it = std::upper_bound(in.runStart.begin(), in.runStart.end() - 1, cluster);
        return runs[std::size_t(it - in.runStart.begin() - 1)].tag;
    };
    float top = 0;
    for (const Line& line : lines) {
        const float lineWidth = float(line.width26) / 64.0f;
        float x0 = 0;
        switch (spec.align) {
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
            p->glyphs.push_back(PlacedGlyph{x0 + float(pen + g.xOffset) / 64.0f, baseline - float(g.yOffset) / 64.0f,
                                            g.glyph, g.font, lg.size26, tag});
            const float left = x0 + float(pen) / 64.0f;
            pen += g.xAdvance;
            const float right = x0 + float(pen) / 64.0f;
            if (boxOpen && p->boxes.back().tag == tag) {
                p->boxes.back().x1 = right;
            } else {
                p->boxes.push_back(TagBox{left, top, right, top + line.height, tag});
                boxOpen = true;
            }
        }
        top += line.height;
    }
    m.height = top;
    return p;
}

} // namespace ev::text
