#include "ui/views/nav_bar.h"

#include <algorithm>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

namespace {

constexpr float kGap = 14.0f; // design px, between the bar's buttons and around them

struct Item {
    const char* id;
    const char* key;
    Look look;
    Icon icon;
    float share; // of its row's width, relative to the other items in the row
};

constexpr Item kBack{"nav:back", "nav.back", Look::Bar, Icon::Back, 1.0f};
constexpr Item kHome{"nav:home", "nav.home", Look::Bar, Icon::Home, 1.0f};
constexpr Item kLanguage{"nav:language", "nav.language", Look::Bar, Icon::Globe, 1.0f};
constexpr Item kHelp{"nav:help", "nav.help", Look::Help, Icon::None, 1.4f};
constexpr Item kExit{"nav:exit", "nav.exit", Look::Exit, Icon::Exit, 1.2f};

} // namespace

// Buttons grow by half as much as the text: a larger label still fits on one line or two.
float NavBar::buttonHeight(const Ui& ui) { return ui.px(theme::kBarButton) * (1.0f + 0.5f * (ui.textScale - 1.0f)); }

float NavBar::height(const Ui& ui) {
    if (!twoRows(ui)) return std::max(ui.px(theme::kBarHeight), buttonHeight(ui) + 2 * ui.px(kGap));
    return 2 * buttonHeight(ui) + 3 * ui.px(kGap);
}

void NavBar::draw(Ui& ui, float top) {
    const float h = height(ui);
    ui.dl->AddRectFilled({ui.screen.min.x, top}, {ui.screen.max.x, top + h}, ui.c.bar);

    const float gap = ui.px(kGap), bh = buttonHeight(ui);
    const float inset = ui.px(20);
    const float left = wide(ui) ? ui.screen.min.x + inset : ui.column.min.x - ui.px(theme::kMargin) + inset;
    const float right = wide(ui) ? ui.screen.max.x - inset : ui.column.max.x + ui.px(theme::kMargin) - inset;

    // Rows from the top; within a row, laid out from the reading start (right to left in RTL).
    // The exit keeps the reading-end corner of the top row in both layouts.
    struct Placed {
        Item item;
        Rect r;
    };
    std::vector<Placed> placed;
    const auto row = [&](std::initializer_list<Item> items, float y) {
        float shares = 0;
        for (const Item& i : items) shares += i.share;
        const float unit = (right - left - gap * float(items.size() - 1)) / shares;
        float x = ui.rtl ? right : left;
        for (const Item& i : items) {
            const float w = unit * i.share;
            const float x0 = ui.rtl ? x - w : x;
            placed.push_back({i, Rect{{x0, y}, {x0 + w, y + bh}}});
            x += ui.rtl ? -(w + gap) : w + gap;
        }
    };
    if (twoRows(ui)) {
        row({kHelp, kExit}, top + gap);
        row({kBack, kHome, kLanguage}, top + 2 * gap + bh);
    } else {
        row({kBack, kHome, kLanguage, kHelp, kExit}, top + (h - bh) * 0.5f);
    }

    // Back, home and language share one label size, the smallest any of them needs, so a
    // long word in one does not leave the three looking unlike each other.
    float shared = 0;
    for (const Placed& p : placed)
        if (p.item.look == Look::Bar) {
            const float s = labelSize(ui, ui.str(p.item.key), p.r, p.item.look, p.item.icon);
            shared = shared > 0 ? std::min(shared, s) : s;
        }
    Rect exit{};
    for (const Placed& p : placed) {
        const std::string id = p.item.id;
        if (id == "nav:exit") exit = p.r;
        // With nowhere to go back to, the slot stays empty rather than holding a dead button.
        if (id == "nav:back" && !ui.session.canGoBack()) continue;
        if (!button(ui, id, ui.str(p.item.key), p.r, p.item.look, p.item.icon, p.item.look == Look::Bar ? shared : 0))
            continue;
        if (id == "nav:back") ui.session.back();
        else if (id == "nav:home") ui.session.home();
        else if (id == "nav:language") ui.session.openLanguages();
        else if (id == "nav:help") ui.session.openHelp();
        else ui.session.quickExit();
    }

    // Shift presses toward a quick exit, shown as dots under the exit button (GOV.UK pattern).
    if (const int n = ui.session.shiftCount(); n > 0) {
        const float cx = (exit.min.x + exit.max.x) * 0.5f;
        const float r = ui.px(7), step = ui.px(24), y = exit.max.y + gap * 0.5f;
        for (int i = 0; i < ui.session.settings().shiftPresses; ++i) {
            const ImVec2 c{cx + float(i - 1) * step, y};
            if (i < n) ui.dl->AddCircleFilled(c, r, ui.c.onBar, 12);
            else ui.dl->AddCircle(c, r, ui.c.onBar, 12, ui.px(2));
        }
    }
}

} // namespace ev::ui
