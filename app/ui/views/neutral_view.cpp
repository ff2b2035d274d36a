#include "ui/views/neutral_view.h"

#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

float drawNeutralItem(Ui& ui, const NeutralScreen& item, float y, text::Align align) {
    const Rect& col = ui.column;
    const float top = y;
    y += paragraph(ui, item.title, {col.min.x, y}, col.width(), theme::kTextH2, ui.c.ink, true, align);
    y += ui.px(20);
    y += paragraph(ui, item.body, {col.min.x, y}, col.width(), theme::kTextH3, ui.c.ink, false, align);
    // Not a button: recorded so scripts and tests can tell which item is on screen.
    ui.widgets.add("neutral:item", item.title, {col.min.x, top}, {col.max.x, y}, false);
    return y - top;
}

void NeutralView::draw(Ui& ui) {
    const Rect& s = ui.screen;
    ui.dl->AddRectFilled(s.min, s.max, theme::rgb(0xE8, 0xF1, 0xF8));
    // A plain sky scene: sun and hills, nothing that hints at the content left behind.
    const float w = s.width(), h = s.height();
    ui.dl->AddCircleFilled({s.min.x + w * 0.72f, s.min.y + h * 0.2f}, std::min(w, h) * 0.1f,
                           theme::rgb(0xF6, 0xC3, 0x44), 48);
    ui.dl->AddCircleFilled({s.min.x + w * 0.2f, s.max.y + h * 0.25f}, h * 0.42f, theme::rgb(0x8F, 0xBF, 0x8A), 64);
    ui.dl->AddCircleFilled({s.min.x + w * 0.85f, s.max.y + h * 0.3f}, h * 0.42f, theme::rgb(0x6E, 0xA8, 0x6A), 64);

    const std::vector<NeutralScreen>* items = ui.pack.neutralItems(ui.locale);
    if (!items) return;
    if (!pick_ || *pick_ >= items->size()) pick_ = std::uniform_int_distribution<std::size_t>(0, items->size() - 1)(random_);
    drawNeutralItem(ui, (*items)[*pick_], s.min.y + h * 0.34f, text::Align::Start);
}

} // namespace ev::ui
