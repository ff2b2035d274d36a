#include "ui/views/help_view.h"

#include <algorithm>
#include <cmath>

#include "ui/theme.h"
#include "ui/views/listen_controls.h"
#include "ui/widgets.h"

namespace ev::ui {

namespace {

// The services for the audience the visitor chose (a child is not shown the route for
// concerns about staff); every service before anyone has said who they are.
bool forVisitor(const Ui& ui, const Signpost& s) {
    const auto a = ui.session.audience();
    return !a || s.isFor(*a);
}

} // namespace

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
        if (!forVisitor(ui, s)) continue;
        const ServiceCard card(ui, s, col.width(), ServiceCard::Size::Normal, true);
        if (card.empty()) continue;
        const Rect r{{col.min.x, y}, {col.max.x, y + card.height()}};
        const SignpostText* t = s.textIn(ui.locale, ui.pack.defaultLocale);
        if (tapTarget(ui, "signpost:" + s.id, t->name, r)) ui.session.openSignpost(s.id);
        card.draw(ui, r.min, ImGui::IsItemActive());
        focusRing(ui, "signpost:" + s.id, r);
        y += card.height() + ui.px(theme::kGap);
    }
    y += ui.px(32);
    // After the cards: above them it pushed the NSPCC's number below the first screen.
    y += listen(ui, ui.locale, nullptr, [&] {
        std::string all = ui.str("help.title") + ".\n" + spokenNumbers(ui.str("help.intro"), phoneNumbers(ui.pack)) + "\n";
        for (const Signpost& s : ui.pack.signposts)
            if (forVisitor(ui, s)) all += spokenService(ui, s);
        return all;
    }, y);
    scroll_.end(ui, y - top);
}

// The services' websites as QR codes in one row above the cards, so that all of them are on
// the first screen in every language: inside each card, Urdu's tall Nastaliq lines pushed the
// third below the fold.
float HelpView::takeAway(Ui& ui, float y) {
    std::vector<std::pair<const Signpost*, const QrCode*>> codes;
    for (const Signpost& s : ui.pack.signposts) {
        if (!forVisitor(ui, s)) continue;
        if (const QrCode* qr = qr_.of(s)) codes.emplace_back(&s, qr);
    }
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
        const float side = QrCodes::sideFor(*qr, std::min(cell, ui.px(kQrSide)));
        const float cx = ui.rtl ? col.max.x - cell * (float(i) + 0.5f) - gap * float(i) : col.min.x + cell * (float(i) + 0.5f) + gap * float(i);
        QrCodes::draw(ui.dl, *qr, {std::floor(cx - side * 0.5f), std::floor(y)}, side);
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
