// Every text and control colour pair of every theme against WCAG 2.2's contrast formula:
// body text 7:1 (1.4.6 AAA), large text 4.5:1, control boundaries 3:1 (1.4.11).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "ui/theme.h"

namespace {

using ev::ui::theme::Palette;

// WCAG 2.2 relative luminance of an 8-bit sRGB colour packed as ImGui does (0xAABBGGRR).
double luminance(ImU32 c) {
    const auto channel = [](unsigned v) {
        const double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c & 0xFF) + 0.7152 * channel((c >> 8) & 0xFF) + 0.0722 * channel((c >> 16) & 0xFF);
}

double contrast(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    std::string what;
    ImU32 fg, bg;
    double needed;
};

// Text of every size on every surface it is drawn on, and each control's edge on what is
// around it (a filled control's fill, or its border where the fill is the surface's own).
std::vector<Pair> pairs(const Palette& p) {
    constexpr double kText = 7.0, kLarge = 4.5, kControl = 3.0;
    return {
        {"body text on paper", p.ink, p.paper, kText},
        {"body text on a card", p.ink, p.card, kText},
        {"secondary text on paper", p.inkSoft, p.paper, kText},
        {"secondary text on a card", p.inkSoft, p.card, kText},
        {"text on a pressed card", p.ink, p.cardPressed, kText},
        {"links on paper", p.accent, p.paper, kText},
        {"links on a card", p.accent, p.card, kText},
        {"text on a notice", p.ink, p.notice, kText},
        {"button text on accent", p.onAccent, p.accent, kLarge},
        {"button text on pressed accent", p.onAccent, p.accentPressed, kLarge},
        {"help button text", p.onHelp, p.help, kLarge},
        {"exit button text", p.onExit, p.exit, kLarge},
        {"exit button text, pressed", p.onExit, p.exitPressed, kLarge},
        {"bar button text", p.onBar, p.bar, kLarge},
        {"bar button text, pressed", p.onBar, p.barPressed, kLarge},
        {"card border on paper", p.line, p.paper, kControl},
        {"secondary button border on a card", p.accent, p.card, kControl},
        {"primary button on paper", p.accent, p.paper, kControl},
        {"help button on the bar", p.help, p.bar, kControl},
        {"exit button's white border on the bar", p.exitLine, p.bar, kControl},
        {"exit border on the exit button", p.exitLine, p.exit, kControl},
        {"bar button border on the bar", p.barLine, p.bar, kControl},
        {"scroll position on its track", p.line, p.track, kControl},
    };
}

} // namespace

TEST_CASE("the WCAG formula gives its known values") {
    CHECK(contrast(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0));
    CHECK(contrast(IM_COL32(0x76, 0x76, 0x76, 255), IM_COL32(255, 255, 255, 255)) == Approx(4.54).epsilon(0.01));
}

TEST_CASE("every theme meets AAA contrast for text and 3:1 for controls") {
    for (const auto& [name, palette] : {std::pair{"standard", ev::ui::theme::kStandard},
                                        std::pair{"high contrast", ev::ui::theme::kHighContrast}}) {
        for (const Pair& p : pairs(palette)) {
            INFO(name << " theme: " << p.what << " is " << contrast(p.fg, p.bg) << ":1, needs " << p.needed);
            CHECK(contrast(p.fg, p.bg) >= p.needed);
        }
    }
    CHECK(contrast(ev::ui::theme::kQrDark, ev::ui::theme::kQrLight) >= 15.0);
}

// The focus ring is drawn inside a control, on its fill: of its two bands, one stands out by
// 4.5:1 (twice what 1.4.11 asks) from every fill a control has, pressed or not, and the bands
// stand out from each other.
TEST_CASE("the focus ring has a band at 4.5:1 on every control fill in both themes") {
    for (const auto& [name, p] : {std::pair{"standard", ev::ui::theme::kStandard},
                                  std::pair{"high contrast", ev::ui::theme::kHighContrast}}) {
        CHECK(contrast(p.focus, p.focusInner) >= 4.5);
        for (const ImU32 fill : {p.paper, p.card, p.cardPressed, p.accent, p.accentPressed, p.help, p.helpPressed, p.exit,
                                 p.exitPressed, p.bar, p.barPressed, p.notice}) {
            const double best = std::max(contrast(p.focus, fill), contrast(p.focusInner, fill));
            INFO(name << " theme: fill 0x" << std::hex << fill << std::dec << ": best band " << best << ":1");
            CHECK(best >= 4.5);
        }
    }
}
