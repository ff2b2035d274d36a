#include "ui/views/display_panel.h"

#include <string>
#include <tuple>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

namespace {

constexpr float kRow = 150.0f; // a setting's row, design px

std::string toggleState(const Ui& ui, bool on, const char* hint) {
    return ui.str(on ? "display.on" : "display.off") + " · " + ui.str(hint);
}

} // namespace

float DisplayPanel::footerHeight(const Ui& ui) { return ui.px(theme::kBarHeight); }

void DisplayPanel::drawButton(Ui& ui, Rect footer) {
    ui.dl->AddRectFilled(footer.min, footer.max, ui.c.bar);
    const float bh = ui.px(theme::kBarButton), w = ui.px(380);
    const float y = footer.min.y + (footer.height() - bh) * 0.5f;
    const float left = ui.column.min.x - ui.px(theme::kMargin) + ui.px(20);
    const float right = ui.column.max.x + ui.px(theme::kMargin) - ui.px(20);
    const float x = ui.rtl ? right - w : left;
    if (button(ui, "nav:display", ui.str("nav.display"), Rect{{x, y}, {x + w, y + bh}}, Look::Bar, Icon::Display))
        open_ = !open_;
}

float DisplayPanel::contentHeight(Ui& ui) {
    // Measured from the same layouts drawPanel uses: it follows the text size.
    const float pad = ui.px(32), w = ui.column.width() - 2 * pad, gap = ui.px(theme::kGap);
    const Display& d = ui.session.display();
    float h = 2 * pad;
    h += TextPainter::size(*ui.text.layout(ui.str("display.title"), ui.fs(theme::kTextTitle), w, text::Align::Start, true)).y + ui.px(24);
    h += TextPainter::size(*ui.text.layout(ui.str("display.text_size"), ui.fs(theme::kTextH3), w, text::Align::Start, true)).y + ui.px(12);
    h += ui.px(kRow) - ui.px(36) + gap;
    for (const auto& [label, hint, on] : {std::tuple{"display.contrast", "display.contrast_hint", d.highContrast},
                                          std::tuple{"display.low", "display.low_hint", d.controlsLow}})
        h += tileHeight(ui, ui.str(label), toggleState(ui, on, hint), w, Icon::None, ui.px(kRow) - ui.px(24)) + gap;
    return h + ui.px(theme::kButton);
}

Rect DisplayPanel::panelRect(Ui& ui) const {
    // Low in the reading area, where a seated visitor can reach it, and never over the bar:
    // the quick exit stays within a tap. Taller than the area (a landscape screen at the
    // largest text), it scrolls.
    const float bottom = ui.column.max.y;
    return Rect{{ui.column.min.x, std::max(ui.column.min.y, bottom - contentHeight(ui))}, {ui.column.max.x, bottom}};
}

void DisplayPanel::drawPanel(Ui& ui) {
    const Rect r = panelRect(ui);
    ui.dl->AddRectFilled(r.min, r.max, ui.c.card, ui.px(theme::kRounding));
    ui.dl->AddRect(r.min, r.max, ui.c.line, ui.px(theme::kRounding), 0, ui.px(3));
    const float pad = ui.px(32), x0 = r.min.x + pad, x1 = r.max.x - pad, w = x1 - x0, edge = ui.px(4);
    float y = scroll_.begin(ui, Rect{{x0, r.min.y + edge}, {x1, r.max.y - edge}}) + pad - edge;
    const float top = y - pad + edge;
    y += paragraph(ui, ui.str("display.title"), {x0, y}, w, theme::kTextTitle, ui.c.ink, true) + ui.px(24);

    Display d = ui.session.display();
    const Display before = d;
    // Text size: three buttons showing the letter at the size each gives.
    y += paragraph(ui, ui.str("display.text_size"), {x0, y}, w, theme::kTextH3, ui.c.ink, true) + ui.px(12);
    const float gap = ui.px(theme::kGap), bw = (w - 2 * gap) / 3, bh = ui.px(kRow) - ui.px(36);
    for (int i = 0; i < Display::kTextSizes; ++i) {
        const float bx = ui.rtl ? x1 - (i + 1) * bw - i * gap : x0 + i * (bw + gap);
        const Rect b{{bx, y}, {bx + bw, y + bh}};
        const std::string id = "display:size" + std::to_string(i);
        if (button(ui, id, std::string(i + 1, 'A'), b, d.textSize == i ? Look::Primary : Look::Secondary)) d.textSize = i;
    }
    y += bh + gap;

    // On and off settings, each a full-width tile saying its state.
    struct Toggle {
        const char* id;
        const char* label;
        const char* hint;
        bool* value;
    };
    const Toggle toggles[] = {
        {"display:contrast", "display.contrast", "display.contrast_hint", &d.highContrast},
        {"display:low", "display.low", "display.low_hint", &d.controlsLow},
    };
    for (const Toggle& t : toggles) {
        const std::string state = toggleState(ui, *t.value, t.hint);
        const float th = tileHeight(ui, ui.str(t.label), state, w, Icon::None, ui.px(kRow) - ui.px(24));
        if (tile(ui, t.id, ui.str(t.label), state, Rect{{x0, y}, {x1, y + th}})) *t.value = !*t.value;
        y += th + gap;
    }
    if (button(ui, "display:done", ui.str("display.done"), Rect{{x0, y}, {x1, y + ui.px(theme::kButton)}}, Look::Primary))
        open_ = false;
    y += ui.px(theme::kButton) + pad - edge;
    scroll_.end(ui, y - top);
    if (!(d == before)) ui.session.setDisplay(d);
}

} // namespace ev::ui
