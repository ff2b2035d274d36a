#include "ui/text_painter.h"

namespace ev::ui {

ParagraphPtr TextPainter::layout(std::string_view utf8, float sizePx, float maxWidth,
                                 text::Align align, bool bold, text::Direction dir) {
    if (dir == text::Direction::Auto) return layoutIn(language_, rtl_, utf8, sizePx, maxWidth, align, bold);
    return lay(language_, dir, utf8, sizePx, maxWidth, align, bold);
}

ParagraphPtr TextPainter::layoutIn(const std::string& tag, bool rtl, std::string_view utf8, float sizePx,
                                   float maxWidth, text::Align align, bool bold) {
    return lay(tag, rtl ? text::Direction::Rtl : text::Direction::Ltr, utf8, sizePx, maxWidth, align, bold);
}

std::string TextPainter::isolate(std::string_view utf8) const {
    static constexpr std::string_view kFsi = "\u2068", kPdi = "\u2069";
    std::string out(utf8);
    for (const std::string& name : isolated_)
        for (std::size_t at = out.find(name); at != std::string::npos; at = out.find(name, at + 1)) {
            if (at >= kFsi.size() && std::string_view(out).substr(at - kFsi.size(), kFsi.size()) == kFsi) continue;
            out.insert(at + name.size(), kPdi);
            out.insert(at, kFsi);
            at += kFsi.size() + name.size() + kPdi.size() - 1;
        }
    return out;
}

ParagraphPtr TextPainter::layout(std::span<const text::Run> runs, const text::ParagraphSpec& spec) {
    if (kept_) {
        std::string all;
        for (const text::Run& r : runs) all += r.utf8;
        kept_->push_back(std::move(all));
    }
    if (spec.direction != text::Direction::Rtl || isolated_.empty()) return engine_.layout(runs, spec);
    std::vector<std::string> texts;
    texts.reserve(runs.size());
    std::vector<text::Run> copy(runs.begin(), runs.end());
    for (text::Run& r : copy) r.utf8 = texts.emplace_back(isolate(r.utf8));
    return engine_.layout(copy, spec);
}

ParagraphPtr TextPainter::lay(const std::string& tag, text::Direction dir, std::string_view utf8, float sizePx,
                              float maxWidth, text::Align align, bool bold) {
    if (dir == text::Direction::Rtl && !isolated_.empty()) {
        const std::string isolated = isolate(utf8);
        if (isolated.size() != utf8.size()) return lay(tag, text::Direction::Rtl, isolated, sizePx, maxWidth, align, bold);
    }
    if (kept_) kept_->emplace_back(utf8);
    text::ParagraphSpec spec;
    spec.maxWidth = maxWidth;
    spec.align = align;
    spec.direction = dir;
    spec.language = tag;
    text::Style style;
    style.sizePx = sizePx;
    style.weight = bold ? text::Weight::Bold : text::Weight::Regular;
    return engine_.layout(utf8, style, spec);
}

ImVec2 TextPainter::size(const text::Paragraph& p) {
    const auto m = text::Engine::metrics(p);
    return {m.width, m.height};
}

void TextPainter::draw(ImDrawList* dl, const text::Paragraph& p, ImVec2 topLeft, ImU32 colour,
                       std::span<const ImU32> tagColours) {
    quads_.clear();
    engine_.quads(p, quads_);
    if (quads_.empty()) return;
    const ImVec2 clipMin = dl->GetClipRectMin(), clipMax = dl->GetClipRectMax();
    dl->PushTextureID(texture_);
    dl->PrimReserve(static_cast<int>(quads_.size()) * 6, static_cast<int>(quads_.size()) * 4);
    int unused = 0;
    for (const auto& q : quads_) {
        const ImVec2 a{topLeft.x + q.x0, topLeft.y + q.y0};
        const ImVec2 b{topLeft.x + q.x1, topLeft.y + q.y1};
        // Glyphs wholly outside the clip rect cost vertices but draw nothing: skip them.
        if (b.y < clipMin.y || a.y > clipMax.y || b.x < clipMin.x || a.x > clipMax.x) {
            ++unused;
            continue;
        }
        const ImU32 c = q.tag < tagColours.size() ? tagColours[q.tag] : colour;
        dl->PrimRectUV(a, b, {q.u0, q.v0}, {q.u1, q.v1}, c);
    }
    if (unused) dl->PrimUnreserve(unused * 6, unused * 4);
    dl->PopTextureID();
}

} // namespace ev::ui
