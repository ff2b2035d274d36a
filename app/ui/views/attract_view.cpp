#include "ui/views/attract_view.h"

#include <algorithm>
#include <cmath>

#include "core/i18n/i18n.h"
#include "ui/theme.h"
#include "ui/views/neutral_view.h"
#include "ui/widgets.h"

namespace ev::ui {

namespace {

const std::string& cycledLocale(const Ui& ui) {
    const auto& locales = ui.pack.locales;
    if (locales.empty()) return ui.pack.defaultLocale;
    const auto i = static_cast<std::size_t>(ui.now.count() / AttractView::kCycle.count()) % locales.size();
    return locales[i].tag;
}

// Overlapping speech bubbles: many voices, drawn rather than loaded.
void drawVoices(ImDrawList* dl, ImVec2 c, float s) {
    const ImU32 colours[] = {theme::rgb(0x0A, 0x5C, 0x66), theme::rgb(0x2E, 0x86, 0x8F),
                             theme::rgb(0xF2, 0xB1, 0x34), theme::rgb(0xE0, 0x6C, 0x4C)};
    const ImVec2 offsets[] = {{-0.9f, -0.35f}, {0.75f, -0.55f}, {-0.45f, 0.7f}, {0.8f, 0.55f}};
    const float radii[] = {0.95f, 0.75f, 0.7f, 0.6f};
    for (int i = 0; i < 4; ++i) {
        const ImVec2 p{c.x + offsets[i].x * s, c.y + offsets[i].y * s};
        const float r = radii[i] * s;
        dl->AddCircleFilled(p, r, colours[i], 48);
        const float side = offsets[i].x < 0 ? 1.0f : -1.0f; // tails point inward
        dl->AddTriangleFilled({p.x + side * r * 0.2f, p.y + r * 0.8f}, {p.x + side * r * 0.75f, p.y + r * 1.25f},
                              {p.x + side * r * 0.6f, p.y + r * 0.45f}, colours[i]);
    }
}

} // namespace

void AttractView::draw(Ui& ui) {
    const Rect& s = ui.screen;
    if (tapTarget(ui, "start", ui.strIn("attract.touch", ui.pack.defaultLocale), s)) ui.session.start();

    const float w = ui.column.width();
    const float cx = (s.min.x + s.max.x) * 0.5f;
    drawVoices(ui.dl, {cx, s.min.y + s.height() * 0.2f}, std::min(w, s.height() * 0.5f) * 0.14f);

    float y = s.min.y + s.height() * 0.36f;
    const std::string& def = ui.pack.defaultLocale;
    const std::string title = ui.strIn("attract.title", def);
    const float titleTop = y;
    y += paragraph(ui, title, {ui.column.min.x, y}, w, theme::kTextHero, ui.c.ink, true, text::Align::Center);
    const bool held = holdTitle(ui, Rect{{ui.column.min.x, titleTop}, {ui.column.max.x, y}}, title);
    y += ui.px(24);
    y += paragraph(ui, ui.strIn("attract.tagline", def), {ui.column.min.x, y}, w, theme::kTextH3,
                   ui.c.inkSoft, false, text::Align::Center);
    // The neutral items in turn: the screen a quick exit shows is one of these, so it looks
    // like the kiosk idling rather than like someone having just left.
    if (const std::vector<NeutralScreen>* items = ui.pack.neutralItems(def)) {
        const auto i = still_ ? 0 : static_cast<std::size_t>(ui.now.count() / kItemCycle.count()) % items->size();
        drawNeutralItem(ui, (*items)[i], std::max(y + ui.px(64), s.min.y + s.height() * 0.5f), text::Align::Center);
    }

    // "Touch to start" in each language in turn, on a button-like pill.
    const std::string& loc = still_ ? ui.pack.defaultLocale : cycledLocale(ui);
    auto p = ui.text.layoutIn(loc, isRightToLeft(loc), ui.strIn("attract.touch", loc), ui.fs(theme::kTextTitle),
                              w, text::Align::Center, true);
    const ImVec2 ts = TextPainter::size(*p);
    const float padX = ui.px(64), padY = ui.px(36);
    const float top = s.min.y + s.height() * 0.78f;
    const float half = TextPainter::inkWidth(*p) * 0.5f + padX;
    const ImVec2 a{cx - half, top}, b{cx + half, top + ts.y + 2 * padY};
    ui.dl->AddRectFilled(a, b, ui.c.accent, (b.y - a.y) * 0.5f);
    ui.text.draw(ui.dl, *p, {ui.column.min.x, top + padY}, ui.c.onAccent); // centred within w
    if (held) gate_.ask(ui.session);
}

// Not an ImGui item: the whole screen is the start button, and a hold must not take that
// from a resident's tap. Registered so scripts and tests can find where to hold.
bool AttractView::holdTitle(Ui& ui, Rect r, const std::string& title) {
    ui.widgets.add("attract:title", title, r.min, r.max, false);
    const ImGuiIO& io = ImGui::GetIO();
    const float slop = ui.px(kHoldSlop);
    const bool holding = ImGui::IsMouseDown(0) && r.contains(io.MouseClickedPos[0]) && r.contains(io.MousePos) &&
                         io.MouseDragMaxDistanceSqr[0] <= slop * slop;
    if (!holding) {
        holdSince_.reset();
        return false;
    }
    if (!holdSince_) holdSince_ = ui.now;
    if (ui.now - *holdSince_ < kHold) return false;
    holdSince_.reset();
    return true;
}

std::optional<Millis> AttractView::nextChange(const Ui& ui) const {
    std::optional<Millis> next;
    if (holdSince_) next = std::max(Millis(0), *holdSince_ + kHold - ui.now);
    if (still_) return next;
    const auto* items = ui.pack.neutralItems(ui.pack.defaultLocale);
    for (const Millis every : {kCycle, kItemCycle}) {
        if (every == kCycle ? ui.pack.locales.size() < 2 : !items || items->size() < 2) continue;
        const Millis change = every - Millis(ui.now.count() % every.count());
        next = next ? std::min(*next, change) : change;
    }
    return next;
}

} // namespace ev::ui
