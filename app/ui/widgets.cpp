#include "ui/widgets.h"

#include <algorithm>
#include <string>

#include "ui/theme.h"

namespace ev::ui {

namespace {

struct Colours {
    ImU32 fill, pressed, border, ink;
};

Colours coloursFor(const theme::Palette& c, Look look) {
    switch (look) {
    case Look::Primary: return {c.accent, c.accentPressed, c.accentPressed, c.onAccent};
    case Look::Secondary: return {c.card, c.cardPressed, c.accent, c.ink};
    case Look::Help: return {c.help, c.helpPressed, c.helpLine, c.onHelp};
    case Look::Exit: return {c.exit, c.exitPressed, c.exitLine, c.onExit};
    case Look::Bar: return {c.bar, c.barPressed, c.barLine, c.onBar};
    }
    return {c.accent, c.accentPressed, c.accentPressed, c.onAccent};
}

// A finger moves a little during a tap; beyond this (design px) it is a drag, not a tap.
constexpr float kTapSlop = 24.0f;

} // namespace

bool tapTarget(Ui& ui, std::string_view id, std::string_view label, Rect r) {
    const ImVec2 clipMin = ui.dl->GetClipRectMin(), clipMax = ui.dl->GetClipRectMax();
    const ImVec2 visMin{std::max(r.min.x, clipMin.x), std::max(r.min.y, clipMin.y)};
    const ImVec2 visMax{std::min(r.max.x, clipMax.x), std::min(r.max.y, clipMax.y)};
    // Keyboard and switch users reach every control, also one scrolled out of view.
    const bool activated = ui.focus.visit(id);
    if (ui.focus.has(id) && (visMin.y != r.min.y || visMax.y != r.max.y)) ui.reveal = r;
    if (visMin.x >= visMax.x || visMin.y >= visMax.y) return activated;
    const bool clipped = visMin.x != r.min.x || visMin.y != r.min.y || visMax.x != r.max.x || visMax.y != r.max.y;
    ui.widgets.add(id, label, visMin, visMax, clipped);

    const std::string key(id);
    ImGui::SetCursorScreenPos(r.min);
    const bool released = ImGui::InvisibleButton(key.c_str(), {r.width(), r.height()});
    const float slop = ui.px(kTapSlop);
    return activated || (released && ImGui::GetIO().MouseDragMaxDistanceSqr[0] <= slop * slop);
}

void focusRing(Ui& ui, std::string_view id, Rect r) {
    if (!ui.focus.has(id)) return;
    // Inside the control, just within its border, so that a control as wide as the column or
    // the screen keeps all four sides of it. Two bands, dark and light: whatever the fill
    // beneath, one of them stands out from it by 4.5:1 or more (tests/ui/test_contrast.cpp).
    const float border = std::max(2.0f, ui.px(3)), band = ui.px(4), round = ui.px(theme::kRounding);
    for (const auto& [inset, colour] : {std::pair{border + band * 0.5f, ui.c.focus}, std::pair{border + band * 1.5f, ui.c.focusInner}})
        ui.dl->AddRect({r.min.x + inset, r.min.y + inset}, {r.max.x - inset, r.max.y - inset}, colour,
                       std::max(0.0f, round - inset), 0, band);
}

namespace {

// Where a button's icon and label go. Narrow bar buttons (less than twice as wide as tall)
// stack the icon over the label; wider ones put it before the label. A bar button made taller
// for a label of more lines keeps an icon of about the usual size.
struct ButtonBox {
    bool stacked;
    float pad, iconSize, iconGap, textWidth, textHeight, startSize;
};

ButtonBox boxOf(const Ui& ui, Rect r, Look look, Icon icon) {
    ButtonBox b{};
    b.stacked = look == Look::Bar && icon != Icon::None && r.width() < 2 * r.height();
    b.pad = ui.px(b.stacked ? 8 : 16);
    b.iconSize = icon == Icon::None ? 0.0f
                 : b.stacked        ? std::min(r.height() * 0.34f, ui.px(48))
                                    : std::min(r.height() * 0.42f, ui.px(52));
    b.iconGap = icon == Icon::None ? 0.0f : ui.px(b.stacked ? 6 : 16);
    b.textWidth = std::max(1.0f, r.width() - 2 * b.pad - (b.stacked ? 0 : b.iconSize + b.iconGap));
    b.textHeight = r.height() - b.pad - (b.stacked ? b.iconSize + b.iconGap : 0);
    b.startSize = ui.fs(b.stacked ? theme::kTextSmall : theme::kTextButton);
    return b;
}

} // namespace

bool labelFits(const Ui& ui, std::string_view label, Rect r, Look look, Icon icon, float sizePx) {
    const ButtonBox b = boxOf(ui, r, look, icon);
    const ParagraphPtr p = ui.text.layout(label, sizePx, b.textWidth, text::Align::Center, true);
    // The label is centred: ink reaching past its box (a Nastaliq descent) needs room both sides.
    const ImVec2 box = TextPainter::size(*p);
    const text::Ink ink = ui.text.engine().ink(*p);
    const float over = std::max({0.0f, -ink.y0, ink.y1 - box.y});
    return box.y + 2 * over <= b.textHeight && TextPainter::inkWidth(*p) <= b.textWidth && ink.x0 >= -b.pad &&
           ink.x1 <= b.textWidth + b.pad;
}

float heightFor(const Ui& ui, std::string_view label, float w, Look look, Icon icon, float sizePx, float least) {
    for (float h = least; h <= 3 * least; h += ui.px(4))
        if (labelFits(ui, label, Rect{{0, 0}, {w, h}}, look, icon, sizePx)) return h;
    return 0;
}

float labelSize(Ui& ui, std::string_view label, Rect r, Look look, Icon icon) {
    float size = boxOf(ui, r, look, icon).startSize;
    // Long translations shrink a little rather than spill out of the button.
    while (!labelFits(ui, label, r, look, icon, size) && size > ui.px(20)) size *= 0.9f;
    return size;
}

bool button(Ui& ui, std::string_view id, std::string_view label, Rect r, Look look, Icon icon, float size) {
    const bool tapped = tapTarget(ui, id, label, r);
    const bool held = ImGui::IsItemActive();
    const Colours c = coloursFor(ui.c, look);
    const float round = ui.px(theme::kRounding);
    ui.dl->AddRectFilled(r.min, r.max, held ? c.pressed : c.fill, round);
    ui.dl->AddRect(r.min, r.max, c.border, round, 0, std::max(2.0f, ui.px(3)));
    focusRing(ui, id, r);

    const ButtonBox box = boxOf(ui, r, look, icon);
    const bool stacked = box.stacked;
    const float pad = box.pad, iconSize = box.iconSize, iconGap = box.iconGap, textWidth = box.textWidth;
    if (size <= 0) size = labelSize(ui, label, r, look, icon);
    ParagraphPtr p = ui.text.layout(label, size, textWidth, text::Align::Center, true);
    const ImVec2 ts = TextPainter::size(*p);
    const float cy = (r.min.y + r.max.y) * 0.5f;
    const auto drawLabel = [&](ImVec2 at) {
        ui.text.draw(ui.dl, *p, at, c.ink);
        const text::Ink ink = ui.text.engine().ink(*p);
        ui.widgets.labelled(id, size, {at.x + ink.x0, at.y + ink.y0}, {at.x + ink.x1, at.y + ink.y1});
    };
    if (stacked) {
        const float top = cy - (iconSize + iconGap + ts.y) * 0.5f;
        drawIcon(ui.dl, icon, {(r.min.x + r.max.x) * 0.5f, top + iconSize * 0.5f}, iconSize, c.ink, ui.rtl);
        drawLabel({r.min.x + pad, top + iconSize + iconGap});
        return tapped;
    }
    // The label is centred within its box and the icon sits just before its widest line,
    // so icon and label together are centred in the button.
    const float textLeft = r.min.x + pad + (ui.rtl ? 0.0f : iconSize + iconGap);
    drawLabel({textLeft, cy - ts.y * 0.5f});
    if (icon != Icon::None) {
        const float inkStart = textLeft + (textWidth - ts.x) * 0.5f;
        const float iconX = ui.rtl ? inkStart + ts.x + iconGap + iconSize * 0.5f
                                   : inkStart - iconGap - iconSize * 0.5f;
        drawIcon(ui.dl, icon, {iconX, cy}, iconSize, c.ink, ui.rtl);
    }
    return tapped;
}

namespace {

// A tile's text laid out for a card of a given width; tile() and tileHeight() share it.
struct TileText {
    ParagraphPtr title, summary; // summary is null when there is none
    float stripe, pad, iconSize, inner, gap;
    float textHeight() const {
        return TextPainter::size(*title).y + (summary ? gap + TextPainter::size(*summary).y : 0);
    }
};

TileText layoutTile(Ui& ui, std::string_view title, std::string_view summary, float width, Icon icon) {
    TileText t{};
    t.stripe = ui.px(14); // an accent stripe on the reading side marks the card as something to open
    t.pad = ui.px(32);
    t.iconSize = icon == Icon::None ? 0.0f : ui.px(72);
    t.inner = width - 2 * t.pad - t.stripe - (t.iconSize > 0 ? t.iconSize + t.pad : 0);
    t.gap = ui.px(10);
    t.title = ui.text.layout(title, ui.fs(theme::kTextH3), t.inner, text::Align::Start, true);
    if (!summary.empty()) t.summary = ui.text.layout(summary, ui.fs(theme::kTextSmall), t.inner);
    return t;
}

} // namespace

float tileHeight(Ui& ui, std::string_view title, std::string_view summary, float width, Icon icon,
                 float minHeight) {
    const TileText t = layoutTile(ui, title, summary, width, icon);
    return std::max(minHeight, t.textHeight() + 2 * ui.px(28));
}

bool tile(Ui& ui, std::string_view id, std::string_view title, std::string_view summary, Rect r,
          Icon icon) {
    const bool tapped = tapTarget(ui, id, title, r);
    const bool held = ImGui::IsItemActive();
    const TileText t = layoutTile(ui, title, summary, r.width(), icon);
    const float round = ui.px(theme::kRounding);
    ui.dl->AddRectFilled(r.min, r.max, held ? ui.c.cardPressed : ui.c.card, round);
    ui.dl->AddRect(r.min, r.max, ui.c.line, round, 0, std::max(2.0f, ui.px(2)));
    if (ui.rtl)
        ui.dl->AddRectFilled({r.max.x - t.stripe, r.min.y}, r.max, ui.c.accent, round,
                             ImDrawFlags_RoundCornersRight);
    else
        ui.dl->AddRectFilled(r.min, {r.min.x + t.stripe, r.max.y}, ui.c.accent, round,
                             ImDrawFlags_RoundCornersLeft);
    focusRing(ui, id, r);

    const float iconRoom = t.iconSize > 0 ? t.iconSize + t.pad : 0;
    const float startX = ui.rtl ? r.min.x + t.pad + iconRoom : r.min.x + t.stripe + t.pad;
    float y = r.min.y + (r.height() - t.textHeight()) * 0.5f;
    ui.text.draw(ui.dl, *t.title, {startX, y}, ui.c.ink);
    if (t.summary) ui.text.draw(ui.dl, *t.summary, {startX, y + TextPainter::size(*t.title).y + t.gap}, ui.c.inkSoft);
    if (icon != Icon::None) {
        const float ix = ui.rtl ? r.min.x + t.pad + t.iconSize * 0.5f : r.max.x - t.pad - t.iconSize * 0.5f;
        drawIcon(ui.dl, icon, {ix, (r.min.y + r.max.y) * 0.5f}, t.iconSize, ui.c.accent, ui.rtl);
    }
    return tapped;
}

float paragraph(Ui& ui, std::string_view str, ImVec2 pos, float width, float sizeDesign,
                ImU32 colour, bool bold, text::Align align) {
    auto p = ui.text.layout(str, ui.fs(sizeDesign), width, align, bold);
    ui.text.draw(ui.dl, *p, pos, colour);
    return TextPainter::size(*p).y;
}

} // namespace ev::ui
