#include "ui/views/page_view.h"

#include <algorithm>
#include <memory>
#include <set>

#include "core/i18n/i18n.h"
#include "ui/theme.h"
#include "ui/views/listen_controls.h"
#include "ui/widgets.h"

namespace ev::ui {

namespace {

constexpr std::uint32_t kLinkTag = 1; // runs that are links draw in the link colour
// List geometry in ems of the body text, so that it grows with the visitor's text size.
constexpr float kIndentEm = 2.0f;     // per list level: room for "10." and the gap
constexpr float kMarkerGapEm = 0.4f;  // between a marker's ink and its item's text
constexpr float kBulletEm = 0.17f;    // the bullet's radius
// Images are never drawn bigger than this many screen pixels per image pixel: a small
// drawing stretched to the column's width would turn blurry.
constexpr float kMaxImageUpscale = 2.0f;

float sizeOf(const Block& b) {
    if (b.kind != Block::Kind::Heading) return theme::kTextBody;
    return b.level <= 2 ? theme::kTextH2 : theme::kTextH3;
}

} // namespace

const PageText* PageView::shownText(const Ui& ui, const std::string& pageId, std::string& shown, bool& stale) {
    stale = false;
    const PageText* text = ui.pack.pageTextToShow(pageId, ui.locale, stale);
    const Page* page = ui.pack.page(pageId);
    shown = page && page->text.contains(ui.locale) && !stale ? ui.locale : ui.pack.defaultLocale;
    return text;
}

ParagraphPtr PageView::title(Ui& ui, const PageText& text, const std::string& tag, float width) {
    return ui.text.layoutIn(tag, isRightToLeft(tag), text.title, ui.fs(theme::kTextTitle), width, text::Align::Start, true);
}

PageView::LaidBlock PageView::lay(Ui& ui, const Block& b, const std::string& tag, float width) {
    // The text's own language, which is English for a stale translation.
    const bool rtl = isRightToLeft(tag);
    LaidBlock laid{b.kind, b.level, b.ordered, b.number, nullptr, nullptr, nullptr, {}};
    std::vector<text::Run> runs;
    const bool heading = b.kind == Block::Kind::Heading;
    std::set<std::string> seen;
    for (const Span& s : b.spans) {
        text::Run run;
        run.utf8 = s.text;
        run.style.sizePx = ui.fs(sizeOf(b));
        run.style.weight = (s.strong || heading) ? text::Weight::Bold : text::Weight::Regular;
        run.tag = s.link.empty() ? 0 : kLinkTag;
        runs.push_back(run);
        if (!s.link.empty() && seen.insert(s.link).second) laid.links.emplace_back(s.link, s.text);
    }
    float w = width;
    if (b.kind == Block::Kind::ListItem) {
        w -= ui.fs(theme::kTextBody) * kIndentEm * b.level;
        // In the item's own language and direction: in Urdu the number reads "1." from the right.
        if (b.ordered)
            laid.marker = ui.text.layoutIn(tag, rtl, std::to_string(b.number) + ".", ui.fs(theme::kTextBody), 0,
                                           text::Align::Start, true);
    }
    text::ParagraphSpec spec;
    spec.maxWidth = w;
    spec.language = tag;
    spec.direction = rtl ? text::Direction::Rtl : text::Direction::Ltr;
    spec.lineSpacing = heading ? 1.2f : 1.45f;
    laid.text = ui.text.layout(runs, spec);
    return laid;
}

void PageView::layout(Ui& ui, const PageText& text, const std::string& tag, float width) {
    title_ = title(ui, text, tag, width);
    blocks_.clear();
    std::set<std::string> seen; // a link's button follows its first mention on the page only
    for (const Block& b : text.body.blocks) {
        if (b.kind == Block::Kind::Image) {
            LaidBlock laid{b.kind, b.level, b.ordered, b.number, nullptr, nullptr, nullptr, {}};
            // Decoded and uploaded here, once per pack; a page drawn again only looks it up.
            laid.image = ui.images.get(ui.pack, b.image);
            if (!laid.image)
                laid.text = ui.text.layoutIn(tag, isRightToLeft(tag), b.spans.front().text, ui.fs(theme::kTextSmall), width - ui.px(48));
            blocks_.push_back(std::move(laid));
            continue;
        }
        LaidBlock laid = lay(ui, b, tag, width);
        std::erase_if(laid.links, [&](const auto& link) { return !seen.insert(link.first).second; });
        blocks_.push_back(std::move(laid));
    }
}

bool PageView::prepare(Ui& ui, const std::string& pageId, std::size_t piece) {
    std::string shown;
    bool stale = false;
    const PageText* text = shownText(ui, pageId, shown, stale);
    if (!text || piece > text->body.blocks.size()) return false;
    if (piece == 0) title(ui, *text, shown, ui.column.width());
    else if (const Block& b = text->body.blocks[piece - 1]; b.kind != Block::Kind::Image) lay(ui, b, shown, ui.column.width());
    return true;
}

// An image across the column, or its alt text in a frame when it cannot be shown (damaged).
float PageView::listMarker(Ui& ui, const LaidBlock& b, const Rect& col, float y) {
    const float em = ui.fs(theme::kTextBody);
    const float indent = em * kIndentEm * b.level, gap = em * kMarkerGapEm;
    const text::Metrics m = text::Engine::metrics(*b.text);
    const bool rtl = m.rtl;
    const float x = rtl ? col.min.x : col.min.x + indent;
    // The gap is measured from the text's ink, which a Nastaliq stroke takes past the lines' edge.
    const text::Ink textInk = ui.text.engine().ink(*b.text);
    const float textEdge = rtl ? x + textInk.x1 : x + textInk.x0;
    ImVec2 inkMin, inkMax;
    if (b.marker) {
        const text::Ink ink = ui.text.engine().ink(*b.marker);
        const float mx = rtl ? textEdge + gap - ink.x0 : textEdge - gap - ink.x1;
        const float my = y + m.baseline - text::Engine::metrics(*b.marker).baseline;
        ui.text.draw(ui.dl, *b.marker, {mx, my}, ui.c.ink);
        inkMin = {mx + ink.x0, my + ink.y0};
        inkMax = {mx + ink.x1, my + ink.y1};
    } else {
        // About half the height of a lower-case letter above the baseline.
        const float r = em * kBulletEm;
        const ImVec2 c{rtl ? textEdge + gap + r : textEdge - gap - r, y + m.baseline - em * 0.27f};
        ui.dl->AddCircleFilled(c, r, ui.c.ink, 16);
        inkMin = {c.x - r, c.y - r};
        inkMax = {c.x + r, c.y + r};
    }
    // Where the marker and the text landed, for the tests that keep them apart at every size.
    const ImVec2 clipMin = ui.dl->GetClipRectMin(), clipMax = ui.dl->GetClipRectMax();
    ui.widgets.addText({"list:marker", inkMin, inkMax, inkMin, inkMax, clipMin, clipMax});
    ui.widgets.addText({"list:text", {x + textInk.x0, y + textInk.y0}, {x + textInk.x1, y + textInk.y1}, {x, y},
                        {x + m.width, y + m.height}, clipMin, clipMax});
    // Each line's extent by its glyphs' advances: wrapped lines start where the first one does.
    std::vector<text::TagBox> lines;
    for (const text::TagBox& box : text::Engine::tagBoxes(*b.text)) {
        if (lines.empty() || lines.back().y0 != box.y0) lines.push_back(box);
        lines.back().x0 = std::min(lines.back().x0, box.x0);
        lines.back().x1 = std::max(lines.back().x1, box.x1);
    }
    for (const text::TagBox& l : lines)
        ui.widgets.addText({"list:line", {x + l.x0, y + l.y0}, {x + l.x1, y + l.y1}, {x + l.x0, y + l.y0},
                            {x + l.x1, y + l.y1}, clipMin, clipMax});
    return x;
}

float PageView::image(Ui& ui, const LaidBlock& b, float y) {
    const Rect& col = ui.column;
    if (b.image) {
        const float w = std::min(col.width(), b.image->width * kMaxImageUpscale);
        const float h = w * static_cast<float>(b.image->height) / static_cast<float>(b.image->width);
        const float x = col.min.x + (col.width() - w) * 0.5f;
        ui.dl->AddImage(b.image->id, {x, y}, {x + w, y + h});
        return h + ui.px(28);
    }
    const float h = TextPainter::size(*b.text).y + ui.px(40);
    ui.dl->AddRect({col.min.x, y}, {col.max.x, y + h}, ui.c.line, ui.px(12), 0, ui.px(2));
    ui.text.draw(ui.dl, *b.text, {col.min.x + ui.px(24), y + ui.px(20)}, ui.c.inkSoft);
    return h + ui.px(28);
}

// "Was this page helpful?": two large buttons, counted, nothing else asked; then thanks.
float PageView::feedback(Ui& ui, const std::string& pageId, float y) {
    const Rect& col = ui.column;
    const float top = y;
    if (feedbackGiven_ == pageId)
        return paragraph(ui, ui.str("page.thanks"), {col.min.x, y}, col.width(), theme::kTextBody, ui.c.ink) + ui.px(48);
    y += paragraph(ui, ui.str("page.feedback"), {col.min.x, y}, col.width(), theme::kTextH3, ui.c.ink, true);
    y += ui.px(20);
    const float gap = ui.px(theme::kGap), w = (col.width() - gap) * 0.5f, h = ui.px(theme::kButton);
    // "Yes" first in reading order: on the left, or on the right in a right-to-left language.
    const float yesX = ui.rtl ? col.max.x - w : col.min.x, noX = ui.rtl ? col.min.x : col.max.x - w;
    for (const bool helpful : {true, false}) {
        const float x = helpful ? yesX : noX;
        if (button(ui, helpful ? "feedback:yes" : "feedback:no", ui.str(helpful ? "page.helpful" : "page.not_helpful"),
                   Rect{{x, y}, {x + w, y + h}}, Look::Secondary)) {
            ui.session.giveFeedback(helpful);
            feedbackGiven_ = pageId;
        }
    }
    return y + h + ui.px(48) - top;
}

void PageView::draw(Ui& ui) {
    const std::string& pageId = ui.session.location().id;
    bool stale = false;
    std::string shown;
    const PageText* text = shownText(ui, pageId, shown, stale);
    const Page* page = ui.pack.page(pageId);
    const Rect& col = ui.column;
    if (!text) {
        paragraph(ui, ui.str("page.missing"), col.min, col.width(), theme::kTextBody, ui.c.ink);
        return;
    }
    const std::string key = pageId + '\n' + ui.locale + '\n' + std::to_string(col.width()) + '\n' + std::to_string(ui.textScale);
    if (key != key_) {
        if (key_.substr(0, key_.find('\n')) != pageId) {
            scroll_.reset();
            feedbackGiven_.clear();
        }
        layout(ui, *text, shown, col.width());
        key_ = key;
    }

    float y = scroll_.begin(ui, col);
    const float top = y;
    ui.text.draw(ui.dl, *title_, {col.min.x, y}, ui.c.ink);
    y += TextPainter::size(*title_).y + ui.px(28);
    y += listen(ui, shown, ui.pack.narration(pageId, shown), [&] { return spokenText(*text, phoneNumbers(ui.pack)); }, y);

    // A page shown in the default language says why, whether its translation is out of date
    // or there never was one.
    const bool untranslated = page && !stale && shown != ui.locale;
    if (stale || untranslated) {
        auto note = ui.text.layout(ui.str(stale ? "page.stale" : "page.untranslated"), ui.fs(theme::kTextSmall), col.width() - ui.px(48));
        const float h = TextPainter::size(*note).y + ui.px(40);
        ui.dl->AddRectFilled({col.min.x, y}, {col.max.x, y + h}, ui.c.notice, ui.px(12));
        ui.text.draw(ui.dl, *note, {col.min.x + ui.px(24), y + ui.px(20)}, ui.c.ink);
        y += h + ui.px(28);
    }

    const ImU32 tagColours[] = {ui.c.ink, ui.c.accent};
    for (const LaidBlock& b : blocks_) {
        if (b.kind == Block::Kind::Image) {
            y += image(ui, b, y);
            continue;
        }
        const ImVec2 size = TextPainter::size(*b.text);
        float x = col.min.x;
        if (b.kind == Block::Kind::ListItem) x = listMarker(ui, b, col, y);
        ui.text.draw(ui.dl, *b.text, {x, y}, ui.c.ink, tagColours);
        for (const text::TagBox& box : text::Engine::tagBoxes(*b.text))
            if (box.tag == kLinkTag)
                ui.dl->AddLine({x + box.x0, y + box.y1 - ui.px(2)}, {x + box.x1, y + box.y1 - ui.px(2)},
                               ui.c.accent, ui.px(3));
        y += size.y + ui.px(b.kind == Block::Kind::ListItem ? 14 : 28);

        // Inline links are too small for a finger: each also gets a full-width button.
        for (const auto& [target, label] : b.links) {
            const Rect r{{col.min.x, y}, {col.max.x, y + ui.px(theme::kButton)}};
            if (button(ui, "link:" + target, label, r, Look::Secondary, Icon::Next)) {
                if (const auto parsed = parseTarget(target)) ui.session.goTo(parsed->first, parsed->second);
            }
            y += r.height() + ui.px(theme::kGap);
        }
    }

    y += ui.px(24);
    y += paragraph(ui, ui.str("page.help_prompt"), {col.min.x, y}, col.width(), theme::kTextH3, ui.c.ink, true);
    y += ui.px(20);
    const Rect help{{col.min.x, y}, {col.max.x, y + ui.px(theme::kBigButton)}};
    if (button(ui, "page:help", ui.str("nav.help"), help, Look::Help, Icon::Help)) ui.session.openHelp();
    y += help.height() + ui.px(48);
    y += feedback(ui, pageId, y);
    scroll_.end(ui, y - top);
}

} // namespace ev::ui
