#include "ui/views/idle_prompt.h"

#include <algorithm>

#include "core/i18n/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

void IdlePrompt::draw(Ui& ui) {
    const Rect& s = ui.screen;
    if (tapTarget(ui, "idle:anywhere", "", s)) ui.session.continueSession();
    ui.dl->AddRectFilled(s.min, s.max, ui.c.scrim);

    const Rect& col = ui.column;
    const float pad = ui.px(48), inner = col.width() - 2 * pad;
    const long seconds = (ui.session.promptRemaining().count() + 999) / 1000;
    const std::string body = ui.message("idle.body", {{"seconds", seconds}});
    auto title = ui.text.layout(ui.str("idle.title"), ui.fs(theme::kTextTitle), inner, text::Align::Center, true);
    auto text = ui.text.layout(body, ui.fs(theme::kTextBody), inner, text::Align::Center);
    const float th = TextPainter::size(*title).y, bh = TextPainter::size(*text).y;
    const float buttonH = ui.px(theme::kBigButton);
    const float h = pad + th + ui.px(24) + bh + ui.px(40) + buttonH + pad;
    const float y = s.min.y + (s.height() - h) * 0.5f;
    const ImVec2 a{col.min.x, y}, b{col.max.x, y + h};
    ui.dl->AddRectFilled(a, b, ui.c.card, ui.px(theme::kRounding));
    ui.text.draw(ui.dl, *title, {col.min.x + pad, y + pad}, ui.c.ink);
    ui.text.draw(ui.dl, *text, {col.min.x + pad, y + pad + th + ui.px(24)}, ui.c.ink);
    const float by = y + pad + th + ui.px(24) + bh + ui.px(40);
    const Rect r{{col.min.x + pad, by}, {col.max.x - pad, by + buttonH}};
    if (button(ui, "idle:continue", ui.str("idle.continue"), r, Look::Primary)) ui.session.continueSession();
}

} // namespace ev::ui
