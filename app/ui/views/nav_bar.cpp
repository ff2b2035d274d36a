#include "nav_bar.h"

#include <algorithm>

#include "../theme.h"
#include "../widgets.h"

namespace ev::ui {

float NavBar::height(const Ui& ui) { return ui.px(theme::kBarHeight); }

void NavBar::draw(Ui& ui, float top) {
    const float h = height(ui);
    ui.dl->AddRectFilled({ui.screen.min.x, top}, {ui.screen.max.x, top + h}, ui.c.bar);

    const float gap = ui.px(14), bh = ui.px(theme::kBarButton);
    const float y0 = top + (h - bh) * 0.5f;
    const float left = ui.column.min.x - ui.px(theme::kMargin) + ui.px(20);
    const float right = ui.column.max.x + ui.px(theme::kMargin) - ui.px(20);
    const float unit = (right - left - 4 * gap) / 5.6f; // help and exit get a little more room

    struct Item {
        const char* id;
        const char* key;
        Look look;
        Icon icon;
        float width;
    };
    const Item items[] = {
        {"nav:back", "nav.back", Look::Bar, Icon::Back, unit},
        {"nav:home", "nav.home", Look::Bar, Icon::Home, unit},
        {"nav:language", "nav.language", Look::Bar, Icon::Globe, unit},
        {"nav:help", "nav.help", Look::Help, Icon::None, unit * 1.4f},
        {"nav:exit", "nav.exit", Look::Exit, Icon::Exit, unit * 1.2f},
    };
    // Laid out from the reading start: left to right, or right to left in RTL locales.
    float x = ui.rtl ? right : left;
    // Back, home and language share one label size, the smallest any of them needs, so a
    // long word in one does not leave the three looking unlike each other.
    float shared = 0;
    for (const Item& item : items)
        if (item.look == Look::Bar) {
            const float s = labelSize(ui, ui.str(item.key), Rect{{0, 0}, {item.width, bh}}, item.look, item.icon);
            shared = shared > 0 ? std::min(shared, s) : s;
        }
    for (const Item& item : items) {
        const float x0 = ui.rtl ? x - item.width : x;
        const Rect r{{x0, y0}, {x0 + item.width, y0 + bh}};
        x += ui.rtl ? -(item.width + gap) : item.width + gap;
        // With nowhere to go back to, the slot stays empty rather than holding a dead button.
        if (item.icon == Icon::Back && !ui.session.canGoBack()) continue;
        if (!button(ui, item.id, ui.str(item.key), r, item.look, item.icon, item.look == Look::Bar ? shared : 0)) continue;
        const std::string id = item.id;
        if (id == "nav:back") ui.session.back();
        else if (id == "nav:home") ui.session.home();
        else if (id == "nav:language") ui.session.openLanguages();
        else if (id == "nav:help") ui.session.openHelp();
        else ui.session.quickExit();
    }

    // Shift presses toward a quick exit, shown as dots under the exit button (GOV.UK pattern).
    if (const int n = ui.session.shiftCount(); n > 0) {
        const float exitCentre = ui.rtl ? left + unit * 0.6f : right - unit * 0.6f;
        const float r = ui.px(7), step = ui.px(24), y = y0 + bh + (h - bh) * 0.25f;
        for (int i = 0; i < ui.session.settings().shiftPresses; ++i) {
            const ImVec2 c{exitCentre + (i - 1) * step, y};
            if (i < n) ui.dl->AddCircleFilled(c, r, ui.c.onBar, 12);
            else ui.dl->AddCircle(c, r, ui.c.onBar, 12, ui.px(2));
        }
    }
}

} // namespace ev::ui
