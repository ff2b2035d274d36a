#include "ui/views/language_view.h"

#include "core/i18n/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

void LanguageView::draw(Ui& ui) {
    const Rect& col = ui.column;
    float y = col.min.y;
    y += paragraph(ui, ui.str("languages.title"), {col.min.x, y}, col.width(), theme::kTextTitle, ui.c.ink, true);
    y += ui.px(32);

    const Rect view{{col.min.x, y}, {col.max.x, col.max.y}};
    float cy = scroll_.begin(ui, view);
    const float top = cy;
    // Two columns of languages on a portrait screen: ten languages fit without scrolling.
    const int perRow = 2;
    const float gap = ui.px(theme::kGap), h = ui.px(theme::kBigButton);
    const float w = (col.width() - gap * (perRow - 1)) / perRow;
    int i = 0;
    for (const LocaleInfo& l : ui.pack.locales) {
        const int c = i % perRow;
        const float x = ui.rtl ? col.max.x - (c + 1) * w - c * gap : col.min.x + c * (w + gap);
        const Rect r{{x, cy}, {x + w, cy + h}};
        const Look look = l.tag == ui.locale ? Look::Primary : Look::Secondary;
        if (button(ui, "lang:" + l.tag, autonym(l.tag), r, look)) ui.session.chooseLanguage(l.tag);
        if (++i % perRow == 0) cy += h + gap;
    }
    if (i % perRow != 0) cy += h + gap;
    scroll_.end(ui, cy - top);
}

} // namespace ev::ui
