#include "ui/views/signpost_view.h"

#include <algorithm>
#include <cmath>

#include "ui/theme.h"
#include "ui/views/listen_controls.h"
#include "ui/widgets.h"

namespace ev::ui {

void SignpostView::draw(Ui& ui) {
    const Signpost* s = ui.pack.signpost(ui.session.location().id);
    const Rect& col = ui.column;
    // A pack update can take away the service on screen: the help screen lists every one there is.
    if (!s) {
        ui.session.openHelp();
        return;
    }
    float y = scroll_.begin(ui, col);
    const float top = y;
    const ServiceCard card(ui, *s, col.width(), ServiceCard::Size::Large, false);
    card.draw(ui, {col.min.x, y}, false);
    y += card.height() + ui.px(40);
    // Beneath the card, so that every number of it stays on the first screen.
    y += listen(ui, ui.locale, nullptr, [&] { return spokenService(ui, *s); }, y);
    if (const QrCode* qr = qr_.of(*s)) {
        y += paragraph(ui, ui.str("help.scan"), {col.min.x, y}, col.width(), theme::kTextBody, ui.c.ink) + ui.px(24);
        const float side = QrCodes::sideFor(*qr, std::min(col.width(), ui.px(kQrSide)));
        QrCodes::draw(ui.dl, *qr, {std::floor(col.min.x + (col.width() - side) * 0.5f), std::floor(y)}, side);
        y += side + ui.px(40);
        if (countCode_) ui.session.showQr(s->id);
    }
    countCode_ = false;
    scroll_.end(ui, y - top);
}

} // namespace ev::ui
