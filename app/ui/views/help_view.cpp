#include "help_view.h"

#include <algorithm>
#include <cmath>

#include "../icons.h"
#include "../theme.h"
#include "../widgets.h"

namespace ev::ui {

namespace {

// A service's name keeps its own direction inside a right-to-left screen: "Stop It Now!"
// keeps its "!" at the end in Urdu (Unicode first-strong isolate, FSI ... PDI).
std::string isolated(const std::string& name) { return "\u2068" + name + "\u2069"; }

} // namespace

float HelpView::card(Ui& ui, const Signpost& s, float y) {
    const SignpostText* t = s.textIn(ui.locale, ui.pack.defaultLocale);
    if (!t) return 0;
    const Rect& col = ui.column;
    const float pad = ui.px(32), inner = col.width() - 2 * pad;
    const float x = col.min.x + pad;
    const text::Align start = text::Align::Start;

    // Lay everything out first: the card's height is known before its background is drawn.
    struct Line {
        ParagraphPtr p;
        ImU32 colour;
        float gapAfter;
        Icon icon = Icon::None;
    };
    std::vector<Line> lines;
    lines.push_back({ui.text.layout(isolated(t->name), ui.fs(theme::kTextH2), inner, start, true), ui.c.ink, 6});
    if (!t->forWhom.empty())
        lines.push_back({ui.text.layout(t->forWhom, ui.fs(theme::kTextSmall), inner), ui.c.inkSoft, 18});
    const float iconRoom = ui.px(64);
    for (std::size_t i = 0; i < s.phones.size(); ++i) {
        const std::string label = i < t->phoneLabels.size() ? t->phoneLabels[i] : ui.str("help.call");
        lines.push_back({ui.text.layout(label, ui.fs(theme::kTextSmall), inner), ui.c.inkSoft, 2});
        // Numbers are shown exactly as dialled, left to right, in every language.
        lines.push_back({ui.text.layout(s.phones[i], ui.fs(theme::kTextTitle), inner - iconRoom, start, true,
                                        text::Direction::Ltr),
                         ui.c.accent, 16, Icon::Phone});
    }
    if (!s.web.empty())
        lines.push_back({ui.text.layout(s.web, ui.fs(theme::kTextBody), inner - iconRoom, start, true,
                                        text::Direction::Ltr),
                         ui.c.accent, 16, Icon::Web});
    if (!t->hours.empty())
        lines.push_back({ui.text.layout(t->hours, ui.fs(theme::kTextSmall), inner), ui.c.inkSoft, 12});
    if (!t->description.empty())
        lines.push_back({ui.text.layout(t->description, ui.fs(theme::kTextBody), inner), ui.c.ink, 12});
    if (s.verify)
        lines.push_back({ui.text.layout(ui.str("help.verify"), ui.fs(theme::kTextSmall), inner), ui.c.inkSoft, 12});

    float h = 2 * pad;
    for (const Line& l : lines) h += TextPainter::size(*l.p).y + ui.px(l.gapAfter);
    const float round = ui.px(theme::kRounding);
    ui.dl->AddRectFilled({col.min.x, y}, {col.max.x, y + h}, ui.c.card, round);
    ui.dl->AddRect({col.min.x, y}, {col.max.x, y + h}, ui.c.line, round, 0, ui.px(2));

    float ly = y + pad;
    for (const Line& l : lines) {
        const ImVec2 size = TextPainter::size(*l.p);
        float lx = x;
        if (l.icon != Icon::None) {
            const float iconSize = ui.px(44);
            const float ix = ui.rtl ? x + inner - iconSize * 0.5f : x + iconSize * 0.5f;
            drawIcon(ui.dl, l.icon, {ix, ly + size.y * 0.5f}, iconSize, l.colour, ui.rtl);
            // LTR text in an RTL card: keep it on the reading-start (right) side after the icon.
            lx = ui.rtl ? x + inner - iconRoom - size.x : x + iconRoom;
        }
        ui.text.draw(ui.dl, *l.p, {lx, ly}, l.colour);
        ly += size.y + ui.px(l.gapAfter);
    }
    return h;
}

const std::optional<QrCode>* HelpView::qrFor(const Signpost& s) {
    if (s.web.empty()) return nullptr;
    auto it = qr_.find(s.id);
    if (it == qr_.end()) it = qr_.emplace(s.id, QrCode::encode(s.webUrl())).first;
    return &it->second;
}

void HelpView::drawQr(ImDrawList* dl, const QrCode& qr, ImVec2 at, float module) {
    const float side = module * float(qr.size() + 2 * QrCode::kQuietZone);
    dl->AddRectFilled(at, {at.x + side, at.y + side}, theme::kQrLight);
    const float origin = module * QrCode::kQuietZone;
    for (int row = 0; row < qr.size(); ++row)
        for (int c = 0; c < qr.size(); ++c)
            if (qr.dark(c, row)) {
                const ImVec2 a{at.x + origin + module * float(c), at.y + origin + module * float(row)};
                dl->AddRectFilled(a, {a.x + module, a.y + module}, theme::kQrDark);
            }
}

void HelpView::draw(Ui& ui) {
    const Rect& col = ui.column;
    float y = scroll_.begin(ui, col);
    const float top = y;
    y += paragraph(ui, ui.str("help.title"), {col.min.x, y}, col.width(), theme::kTextTitle, ui.c.ink, true);
    y += ui.px(16);
    y += paragraph(ui, ui.str("help.intro"), {col.min.x, y}, col.width(), theme::kTextBody, ui.c.ink);
    y += ui.px(32);
    y += takeAway(ui, y);
    for (const Signpost& s : ui.pack.signposts) {
        const float h = card(ui, s, y);
        if (h > 0) y += h + ui.px(theme::kGap);
    }
    y += ui.px(32);
    scroll_.end(ui, y - top);
}

// The services' websites as QR codes in one row above the cards, so that all of them are on
// the first screen in every language: inside each card, Urdu's tall Nastaliq lines pushed the
// third below the fold. A detail still to verify never becomes a code (FACTS.md).
float HelpView::takeAway(Ui& ui, float y) {
    std::vector<std::pair<const Signpost*, const QrCode*>> codes;
    for (const Signpost& s : ui.pack.signposts)
        if (const auto* qr = s.verify ? nullptr : qrFor(s); qr && *qr) codes.emplace_back(&s, &**qr);
    if (codes.empty()) return 0;
    const Rect& col = ui.column;
    const float top = y;
    y += paragraph(ui, ui.str("help.scan"), {col.min.x, y}, col.width(), theme::kTextSmall, ui.c.inkSoft) + ui.px(16);
    const float gap = ui.px(theme::kGap);
    const float n = float(codes.size());
    const float cell = (col.width() - gap * (n - 1)) / n;
    float h = 0;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const auto& [s, qr] = codes[i];
        const float modules = float(qr->size() + 2 * QrCode::kQuietZone);
        // Whole pixels per module keep the code crisp for a phone's camera.
        const float module = std::max(2.0f, std::floor(std::min(cell, ui.px(kQrSide)) / modules));
        const float side = module * modules;
        const float cx = ui.rtl ? col.max.x - cell * (float(i) + 0.5f) - gap * float(i) : col.min.x + cell * (float(i) + 0.5f) + gap * float(i);
        drawQr(ui.dl, *qr, {std::floor(cx - side * 0.5f), std::floor(y)}, module);
        if (countCodes_) ui.session.showQr(s->id);
        const SignpostText* t = s->textIn(ui.locale, ui.pack.defaultLocale);
        const float label = t ? paragraph(ui, isolated(t->name), {cx - cell * 0.5f, y + side + ui.px(8)}, cell, theme::kTextSmall,
                                          ui.c.ink, true, text::Align::Center)
                              : 0;
        h = std::max(h, side + ui.px(8) + label);
    }
    countCodes_ = false;
    return y - top + h + ui.px(40);
}

} // namespace ev::ui
