#include "admin_view.h"

#include "../theme.h"
#include "../widgets.h"

namespace ev::ui {

void AdminView::draw(Ui& ui) {
    const Rect& col = ui.column;
    float y = col.min.y;
    y += paragraph(ui, "Staff information", {col.min.x, y}, col.width(), theme::kTextTitle, ui.c.ink, true);
    y += ui.px(24);
    std::size_t pages = ui.pack.pages.size();
    const std::string lines[] = {
        "Pack: " + ui.pack.id + ", version " + std::to_string(ui.pack.version),
        "Title: " + ui.pack.title,
        "Pages: " + std::to_string(pages) + ", languages: " + std::to_string(ui.pack.locales.size()),
    };
    for (const std::string& l : lines)
        y += paragraph(ui, l, {col.min.x, y}, col.width(), theme::kTextBody, ui.c.ink) + ui.px(12);
    if (!packStatus_.empty())
        y += paragraph(ui, "Updates: " + packStatus_, {col.min.x, y}, col.width(), theme::kTextBody, ui.c.ink) + ui.px(12);
    y += ui.px(32);
    const Rect r{{col.min.x, y}, {col.max.x, y + ui.px(theme::kButton)}};
    if (button(ui, "admin:close", "Back to the start screen", r, Look::Primary)) ui.session.goTo({Screen::Attract, {}});
}

} // namespace ev::ui
