#include "ui/views/display_panel.h"

#include <algorithm>
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

// A text size button's width, and Done's beside the title.
float doneWidth(const Ui& ui, float w) { return (w - 2 * ui.px(theme::kGap)) / 3; }

// The footer's button and Done, as the bar's: labels at the body text's size, never smaller.
float labelPx(const Ui& ui) { return ui.fs(theme::kTextBody); }

// Done, w wide: an ordinary button's height, taller where its label wraps.
float doneHeight(const Ui& ui, float w) {
    const float least = ui.px(theme::kButton), h = heightFor(ui, ui.str("display.done"), w, Look::Primary, Icon::None, labelPx(ui), least);
    return h > 0 ? h : least;
}

// "Text and colour" in the footer: 380 px wide, wider for a label that needs it on one line,
// up to the footer's width, then taller where it wraps. Its height grows as the bar's buttons do.
struct FooterButton {
    float width, height;
    bool fits; // the label at labelPx; else (one word wider than the footer) shrunk to fit
};

FooterButton footerButton(const Ui& ui) {
    const float least = ui.px(theme::kBarButton) * (1.0f + 0.5f * (ui.textScale - 1.0f));
    const float room = ui.column.width() + 2 * ui.px(theme::kMargin) - 2 * ui.px(20);
    const std::string label = ui.str("nav.display");
    // As wide as the label needs on one line beside its icon (widgets.cpp, boxOf), then as tall.
    const ParagraphPtr line = ui.text.layout(label, labelPx(ui), 0, text::Align::Center, true);
    const float w = std::clamp(TextPainter::inkWidth(*line) + 2 * ui.px(16) + ui.px(52) + ui.px(16) + 2.0f, std::min(room, ui.px(380)), room);
    if (const float h = heightFor(ui, label, w, Look::Bar, Icon::Display, labelPx(ui), least); h > 0) return {w, h, true};
    return {w, least, false};
}

} // namespace

float DisplayPanel::footerHeight(const Ui& ui) {
    return std::max(ui.px(theme::kBarHeight), footerButton(ui).height + 2 * ui.px(12));
}

void DisplayPanel::drawButton(Ui& ui, Rect footer) {
    ui.dl->AddRectFilled(footer.min, footer.max, ui.c.bar);
    const FooterButton b = footerButton(ui);
    const float y = footer.min.y + (footer.height() - b.height) * 0.5f;
    const float left = ui.column.min.x - ui.px(theme::kMargin) + ui.px(20);
    const float right = ui.column.max.x + ui.px(theme::kMargin) - ui.px(20);
    const float x = ui.rtl ? right - b.width : left;
    if (button(ui, "nav:display", ui.str("nav.display"), Rect{{x, y}, {x + b.width, y + b.height}}, Look::Bar,
               Icon::Display, b.fits ? labelPx(ui) : 0))
        open_ = !open_;
}

// Measured from the same layouts drawPanel uses: they follow the text size.
float DisplayPanel::sizesHeight(Ui& ui, float w, bool doneBesideTitle) {
    const float gap = ui.px(theme::kGap), tw = doneBesideTitle ? w - doneWidth(ui, w) - gap : w;
    float h = TextPainter::size(*ui.text.layout(ui.str("display.title"), ui.fs(theme::kTextTitle), tw, text::Align::Start, true)).y;
    if (doneBesideTitle) h = std::max(h, doneHeight(ui, doneWidth(ui, w)));
    h += ui.px(24);
    h += TextPainter::size(*ui.text.layout(ui.str("display.text_size"), ui.fs(theme::kTextH3), w, text::Align::Start, true)).y + ui.px(12);
    return h + ui.px(kRow) - ui.px(36);
}

float DisplayPanel::togglesHeight(Ui& ui, float w, bool stacked) {
    const Display& d = ui.session.display();
    float h = 0;
    bool first = true;
    for (const auto& [label, hint, on] : {std::tuple{"display.contrast", "display.contrast_hint", d.highContrast},
                                          std::tuple{"display.low", "display.low_hint", d.controlsLow}}) {
        const float th = tileHeight(ui, ui.str(label), toggleState(ui, on, hint), w, Icon::None, ui.px(kRow) - ui.px(24));
        // Side by side, Done is under the first.
        h = stacked ? h + th + ui.px(theme::kGap) : std::max(h, first ? th + ui.px(theme::kGap) + doneHeight(ui, w) : th);
        first = false;
    }
    return h;
}

DisplayPanel::Shape DisplayPanel::shape(Ui& ui) {
    // Low in the reading area, where a seated visitor can reach it, and never over the bar:
    // the quick exit stays within a tap. Taller than the area even so, it scrolls.
    const float pad = ui.px(32), gap = ui.px(theme::kGap), bottom = ui.column.max.y, room = bottom - ui.column.min.y;
    const float w = ui.column.width() - 2 * pad;
    const float done = doneHeight(ui, w);
    const float one = 2 * pad + sizesHeight(ui, w) + gap + togglesHeight(ui, w, true) + done;
    const Rect wide{{ui.screen.min.x + ui.px(theme::kMargin), 0}, {ui.screen.max.x - ui.px(theme::kMargin), 0}};
    if (one > room && wide.width() >= 1.5f * ui.column.width()) {
        // Split, it may also take the reading area's top margin, up to a gap from the bar or
        // the screen's edge (large text in Urdu, whose lines are tall).
        const float third = (wide.width() - 2 * pad - 4 * gap) / 3;
        const float h = 2 * pad + std::max(sizesHeight(ui, third), togglesHeight(ui, third, false));
        const float ceiling = ui.column.min.y - ui.px(16);
        return {Rect{{wide.min.x, std::max(ceiling, bottom - h)}, {wide.max.x, bottom}}, true, third};
    }
    const bool beside = one > room;
    const float h = beside ? 2 * pad + sizesHeight(ui, w, true) + gap + togglesHeight(ui, w, true) - gap : one;
    return {Rect{{ui.column.min.x, std::max(ui.column.min.y, bottom - h)}, {ui.column.max.x, bottom}}, false, w, beside};
}

Rect DisplayPanel::panelRect(Ui& ui) const { return shape(ui).panel; }

void DisplayPanel::drawPanel(Ui& ui) {
    const Shape sh = shape(ui);
    const Rect r = sh.panel;
    ui.dl->AddRectFilled(r.min, r.max, ui.c.card, ui.px(theme::kRounding));
    ui.dl->AddRect(r.min, r.max, ui.c.line, ui.px(theme::kRounding), 0, ui.px(3));
    const float pad = ui.px(32), edge = ui.px(4), w = sh.part;
    // Split, the first half is at the reading start.
    // Split, the parts run from the reading start.
    const auto partX = [&](int k) { return ui.rtl ? r.max.x - pad - (k + 1) * w - k * 2 * ui.px(theme::kGap) : r.min.x + pad + k * (w + 2 * ui.px(theme::kGap)); };
    float x0 = partX(0), x1 = x0 + w;
    float y = scroll_.begin(ui, Rect{{r.min.x + pad, r.min.y + edge}, {r.max.x - pad, r.max.y - edge}}) + pad - edge;
    const float top = y - pad + edge;
    const float gap = ui.px(theme::kGap), titleY = y;
    if (sh.doneBesideTitle) {
        const float tw = w - doneWidth(ui, w) - gap;
        const float th = paragraph(ui, ui.str("display.title"), {ui.rtl ? x1 - tw : x0, y}, tw, theme::kTextTitle, ui.c.ink, true);
        y += std::max(th, doneHeight(ui, doneWidth(ui, w))) + ui.px(24);
    } else {
        y += paragraph(ui, ui.str("display.title"), {x0, y}, w, theme::kTextTitle, ui.c.ink, true) + ui.px(24);
    }

    Display d = ui.session.display();
    const Display before = d;
    // Text size: three buttons showing the letter at the size each gives.
    y += paragraph(ui, ui.str("display.text_size"), {x0, y}, w, theme::kTextH3, ui.c.ink, true) + ui.px(12);
    const float bw = doneWidth(ui, w), bh = ui.px(kRow) - ui.px(36);
    for (int i = 0; i < Display::kTextSizes; ++i) {
        const float bx = ui.rtl ? x1 - (i + 1) * bw - i * gap : x0 + i * (bw + gap);
        const Rect b{{bx, y}, {bx + bw, y + bh}};
        const std::string id = "display:size" + std::to_string(i);
        if (button(ui, id, std::string(i + 1, 'A'), b, d.textSize == i ? Look::Primary : Look::Secondary)) d.textSize = i;
    }
    y += bh + gap;

    // On and off settings, each a tile saying its state: full width, or a part of its own.
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
    float bottom = y;
    ImVec2 doneAt{};
    for (int k = 0; k < 2; ++k) {
        const Toggle& t = toggles[k];
        if (sh.split) {
            y = top + pad;
            x0 = partX(k + 1);
            x1 = x0 + w;
        }
        const std::string state = toggleState(ui, *t.value, t.hint);
        const float th = tileHeight(ui, ui.str(t.label), state, w, Icon::None, ui.px(kRow) - ui.px(24));
        if (tile(ui, t.id, ui.str(t.label), state, Rect{{x0, y}, {x1, y + th}})) *t.value = !*t.value;
        y += th + gap;
        if (k == 0) doneAt = {x0, y};
        bottom = std::max(bottom, y);
    }
    if (sh.split) y = doneAt.y; // Done is under the first toggle, the shorter as written
    const float doneH = doneHeight(ui, w);
    Rect done{{sh.split ? doneAt.x : x0, y}, {(sh.split ? doneAt.x : x0) + w, y + doneH}};
    if (sh.doneBesideTitle) {
        y -= doneH + gap; // nothing below the toggles
        const float dx = ui.rtl ? x0 : x1 - doneWidth(ui, w);
        done = Rect{{dx, titleY}, {dx + doneWidth(ui, w), titleY + doneHeight(ui, doneWidth(ui, w))}};
    }
    // A word wider than Done at that size (none in the default pack) shrinks rather than spill.
    const bool fits = labelFits(ui, ui.str("display.done"), done, Look::Primary, Icon::None, labelPx(ui));
    if (button(ui, "display:done", ui.str("display.done"), done, Look::Primary, Icon::None, fits ? labelPx(ui) : 0))
        open_ = false;
    y += doneH + pad - edge;
    scroll_.end(ui, std::max(y, bottom - gap + pad - edge) - top);
    if (!(d == before)) ui.session.setDisplay(d);
}

} // namespace ev::ui
