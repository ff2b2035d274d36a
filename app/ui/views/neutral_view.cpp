#include "neutral_view.h"

#include "../theme.h"
#include "../widgets.h"

namespace ev::ui {

void NeutralView::draw(Ui& ui) {
    const Rect& s = ui.screen;
    ui.dl->AddRectFilled(s.min, s.max, theme::rgb(0xE8, 0xF1, 0xF8));
    // A plain sky scene: sun and hills, nothing that hints at the content left behind.
    const float w = s.width(), h = s.height();
    ui.dl->AddCircleFilled({s.min.x + w * 0.72f, s.min.y + h * 0.2f}, std::min(w, h) * 0.1f,
                           theme::rgb(0xF6, 0xC3, 0x44), 48);
    ui.dl->AddCircleFilled({s.min.x + w * 0.2f, s.max.y + h * 0.25f}, h * 0.42f, theme::rgb(0x8F, 0xBF, 0x8A), 64);
    ui.dl->AddCircleFilled({s.min.x + w * 0.85f, s.max.y + h * 0.3f}, h * 0.42f, theme::rgb(0x6E, 0xA8, 0x6A), 64);

    if (ui.pack.neutral.empty()) return;
    const auto it = ui.pack.neutral.find(ui.locale);
    const auto& n = it != ui.pack.neutral.end() ? it->second : ui.pack.neutral.begin()->second;
    const Rect& col = ui.column;
    float y = s.min.y + h * 0.34f;
    y += paragraph(ui, n.title, {col.min.x, y}, col.width(), theme::kTextTitle, ui.c.ink, true);
    y += ui.px(28);
    paragraph(ui, n.body, {col.min.x, y}, col.width(), theme::kTextH3, ui.c.ink);
}

} // namespace ev::ui
