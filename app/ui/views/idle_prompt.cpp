#include "ui/views/idle_prompt.h"

#include <algorithm>

#include "core/i18n/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

Rect IdlePrompt::draw(Ui& ui, NavBar& bar, float barTop) {
    const Rect& s = ui.screen;
    ui.dl->AddRectFilled(s.min, s.max, ui.c.scrim);
    // Before the tap-anywhere target, so that a tap on the exit is the exit's.
    const Rect exit = bar.drawExit(ui, barTop);
    if (tapTarget(ui, "idle:anywhere", "", s)) ui.session.continueSession();

    const long seconds = (ui.session.promptRemaining().count() + 999) / 1000;
    const std::string body = ui.message("idle.body", {{"seconds", seconds}});
    const float edge = ui.px(theme::kMargin), buttonH = ui.px(theme::kBigButton);
    float pad = ui.px(48), gap1 = ui.px(24), gap2 = ui.px(40); // around and between the card's parts
    struct Card {
        ParagraphPtr title, text;
        float width = 0, height = 0;
    };
    // The card in a room: as wide as the column, or wider (up to the room's width) where that
    // would make it taller than the room.
    const auto fit = [&](const Rect& room) {
        Card c;
        c.width = std::min(ui.column.width(), room.width());
        for (;;) {
            c.title = ui.text.layout(ui.str("idle.title"), ui.fs(theme::kTextTitle), c.width - 2 * pad, text::Align::Center, true);
            c.text = ui.text.layout(body, ui.fs(theme::kTextBody), c.width - 2 * pad, text::Align::Center);
            c.height = TextPainter::size(*c.title).y + TextPainter::size(*c.text).y + buttonH + 2 * pad + gap1 + gap2;
            if (c.height <= room.height() || c.width >= room.width()) return c;
            c.width = std::min(room.width(), c.width * 1.25f);
        }
    };
    // Off the bar, where it leaves room; else the whole height beside the exit (large text with
    // the buttons lower down on a landscape screen).
    const float barBottom = barTop + NavBar::height(ui);
    const bool barAbove = barTop - s.min.y < s.max.y - barBottom;
    Rect room{{s.min.x + edge, (barAbove ? barBottom : s.min.y) + edge}, {s.max.x - edge, (barAbove ? s.max.y : barTop) - edge}};
    Card card = fit(room);
    if (card.height > room.height()) {
        const bool exitRight = exit.min.x - s.min.x > s.max.x - exit.max.x;
        room = Rect{{exitRight ? s.min.x + edge : exit.max.x + edge, s.min.y + edge},
                    {exitRight ? exit.min.x - edge : s.max.x - edge, s.max.y - edge}};
        card = fit(room);
    }
    // Still too tall: less space around the parts, never smaller text.
    if (const float over = card.height - room.height(); over > 0) {
        const float spacing = 2 * pad + gap1 + gap2, k = std::max(0.25f, 1.0f - over / spacing);
        pad *= k, gap1 *= k, gap2 *= k;
        card.height -= spacing * (1 - k);
    }
    const float th = TextPainter::size(*card.title).y, bh = TextPainter::size(*card.text).y;
    const float centre = (ui.column.min.x + ui.column.max.x) * 0.5f;
    const float x0 = std::clamp(centre - card.width * 0.5f, room.min.x, room.max.x - card.width);
    const float y = room.min.y + std::max(0.0f, (room.height() - card.height) * 0.5f);
    ui.dl->AddRectFilled({x0, y}, {x0 + card.width, y + card.height}, ui.c.card, ui.px(theme::kRounding));
    ui.text.draw(ui.dl, *card.title, {x0 + pad, y + pad}, ui.c.ink);
    ui.text.draw(ui.dl, *card.text, {x0 + pad, y + pad + th + gap1}, ui.c.ink);
    const float by = y + pad + th + gap1 + bh + gap2;
    const Rect r{{x0 + pad, by}, {x0 + card.width - pad, by + buttonH}};
    if (button(ui, "idle:continue", ui.str("idle.continue"), r, Look::Primary)) ui.session.continueSession();
    return exit;
}

} // namespace ev::ui
