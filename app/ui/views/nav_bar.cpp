#include "ui/views/nav_bar.h"

#include <algorithm>
#include <optional>
#include <vector>

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
    float share; // of the room its row has to spare, relative to the other items in the row
};

constexpr Item kBack{"nav:back", "nav.back", Look::Bar, Icon::Back, 1.0f};
constexpr Item kHome{"nav:home", "nav.home", Look::Bar, Icon::Home, 1.0f};
constexpr Item kLanguage{"nav:language", "nav.language", Look::Bar, Icon::Globe, 1.0f};
constexpr Item kHelp{"nav:help", "nav.help", Look::Help, Icon::None, 1.4f};
constexpr Item kExit{"nav:exit", "nav.exit", Look::Exit, Icon::Exit, 1.2f};

// The bar's buttons and how tall it is, for a bar whose top edge is at y = 0.
struct Placed {
    Item item;
    Rect r;
};
struct Arrangement {
    std::vector<Placed> placed;
    float height = 0;
    bool fits = true; // every label at labelPx
};

// The body text's size: no bar label is smaller.
float labelPx(const Ui& ui) { return ui.fs(theme::kTextBody); }

// A button's width for its label at labelPx: on one line (wrap: 0) with its icon before it,
// or with every break taken (wrap: 1 px: its longest word) with its icon above where the bar's
// own buttons stack it (widgets.cpp, boxOf).
float labelWidth(const Ui& ui, const Item& i, float wrap) {
    const ParagraphPtr p = ui.text.layout(ui.str(i.key), labelPx(ui), wrap, text::Align::Center, true);
    const float beside = i.icon == Icon::None ? 2 * ui.px(16) : 2 * ui.px(16) + ui.px(52) + ui.px(16);
    const bool stacked = wrap > 0 && i.look == Look::Bar;
    return TextPainter::inkWidth(*p) + (stacked ? 2 * ui.px(8) : beside) + 2.0f;
}

// Widths for a row of buttons in room px: where every label fits on one line, each gets its
// line and the rest is shared out by the items' shares; else each gets room in proportion to
// its label's length, but never less than its longest word. Empty when the words do not fit.
std::vector<float> widths(const Ui& ui, std::initializer_list<Item> items, float room) {
    const std::size_t n = items.size();
    std::vector<float> line, word, share;
    for (const Item& i : items) {
        line.push_back(labelWidth(ui, i, 0));
        word.push_back(labelWidth(ui, i, ui.px(1)));
        share.push_back(i.share);
    }
    float lines = 0, shares = 0;
    for (std::size_t k = 0; k < n; ++k) lines += line[k], shares += share[k];
    std::vector<float> w(n);
    if (lines <= room) {
        for (std::size_t k = 0; k < n; ++k) w[k] = line[k] + (room - lines) * share[k] / shares;
        return w;
    }
    // Each pass holds one more button at its longest word's width and shares the rest again.
    std::vector<bool> held(n, false);
    for (std::size_t pass = 0; pass <= n; ++pass) {
        float free = room, weight = 0;
        for (std::size_t k = 0; k < n; ++k) {
            if (held[k]) free -= word[k];
            else weight += line[k];
        }
        if (free < 0) return {};
        bool settled = true;
        for (std::size_t k = 0; k < n; ++k) {
            if (held[k]) continue;
            w[k] = free * line[k] / weight;
            if (w[k] < word[k]) held[k] = true, w[k] = word[k], settled = false;
        }
        if (settled) return w;
    }
    return {};
}

// One row of items across [left, right] from y = 0, as wide as widths() gives, as tall as the
// tallest label needs (at least `least`). Nothing when the row is too narrow for its words.
std::optional<std::vector<Placed>> row(const Ui& ui, std::initializer_list<Item> items, float left, float right,
                                       float least) {
    const float gap = ui.px(kGap);
    const std::vector<float> width = widths(ui, items, right - left - gap * float(items.size() - 1));
    if (width.empty()) return std::nullopt;

    const auto place = [&](float h) {
        std::vector<Placed> placed;
        float x = ui.rtl ? right : left;
        std::size_t k = 0;
        for (const Item& i : items) {
            const float w = width[k++];
            const float x0 = ui.rtl ? x - w : x;
            placed.push_back({i, Rect{{x0, 0}, {x0 + w, h}}});
            x += ui.rtl ? -(w + gap) : w + gap;
        }
        return placed;
    };
    for (float h = least; h <= 3 * least; h += ui.px(4)) {
        std::vector<Placed> placed = place(h);
        if (std::all_of(placed.begin(), placed.end(), [&](const Placed& p) {
                return labelFits(ui, ui.str(p.item.key), p.r, p.item.look, p.item.icon, labelPx(ui));
            }))
            return placed;
    }
    return std::nullopt;
}

void shift(std::vector<Placed>& placed, float dy) {
    for (Placed& p : placed) p.r.min.y += dy, p.r.max.y += dy;
}

// In rows from the top; within a row, from the reading start (right to left in RTL). The exit
// keeps the reading-end corner of the top row. One row or two, whichever is shorter; on a wide
// screen one row across it.
Arrangement arrange(const Ui& ui) {
    // Buttons grow by half as much as the text, and more where a label needs more lines.
    const float least = ui.px(theme::kBarButton) * (1.0f + 0.5f * (ui.textScale - 1.0f));
    const float gap = ui.px(kGap), inset = ui.px(20);
    const bool wide = ui.screen.width() >= 1.5f * ui.screen.height();
    const float left = wide ? ui.screen.min.x + inset : ui.column.min.x - ui.px(theme::kMargin) + inset;
    const float right = wide ? ui.screen.max.x - inset : ui.column.max.x + ui.px(theme::kMargin) - inset;

    std::optional<Arrangement> best;
    if (auto one = row(ui, {kBack, kHome, kLanguage, kHelp, kExit}, left, right, least)) {
        const float bh = one->front().r.height(), h = std::max(ui.px(theme::kBarHeight), bh + 2 * gap);
        shift(*one, (h - bh) * 0.5f);
        best = Arrangement{std::move(*one), h};
    }
    if (!wide || !best) {
        auto upper = row(ui, {kHelp, kExit}, left, right, least);
        auto lower = row(ui, {kBack, kHome, kLanguage}, left, right, least);
        if (upper && lower) {
            const float h1 = upper->front().r.height(), h2 = lower->front().r.height();
            const float h = h1 + h2 + 3 * gap;
            if (!best || h < best->height) {
                shift(*upper, gap);
                shift(*lower, 2 * gap + h1);
                upper->insert(upper->end(), lower->begin(), lower->end());
                best = Arrangement{std::move(*upper), h};
            }
        }
    }
    // Words no row can hold (a pack's label of one very long word): fifths, labels shrunk to fit.
    if (!best) {
        Arrangement a{{}, std::max(ui.px(theme::kBarHeight), least + 2 * gap), false};
        const float unit = (right - left - 4 * gap) / 5;
        float x = ui.rtl ? right - unit : left;
        for (const Item& i : {kBack, kHome, kLanguage, kHelp, kExit}) {
            a.placed.push_back({i, Rect{{x, gap}, {x + unit, gap + least}}});
            x += ui.rtl ? -(unit + gap) : unit + gap;
        }
        best = std::move(a);
    }
    return std::move(*best);
}

} // namespace

float NavBar::height(const Ui& ui) { return arrange(ui).height; }

void NavBar::draw(Ui& ui, float top) { drawItems(ui, top, false); }

Rect NavBar::drawExit(Ui& ui, float top) { return drawItems(ui, top, true); }

Rect NavBar::drawItems(Ui& ui, float top, bool exitOnly) {
    Arrangement a = arrange(ui);
    shift(a.placed, top);
    ui.dl->AddRectFilled({ui.screen.min.x, top}, {ui.screen.max.x, top + a.height}, ui.c.bar);
    const float gap = ui.px(kGap);
    const std::vector<Placed>& placed = a.placed;

    Rect exit{};
    for (const Placed& p : placed) {
        const std::string id = p.item.id;
        if (id == "nav:exit") exit = p.r;
        else if (exitOnly) continue;
        // With nowhere to go back to, the slot stays empty rather than holding a dead button.
        if (id == "nav:back" && !ui.session.canGoBack()) continue;
        if (!button(ui, id, ui.str(p.item.key), p.r, p.item.look, p.item.icon, a.fits ? labelPx(ui) : 0)) continue;
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
    return exit;
}

} // namespace ev::ui
