#pragma once
// Colours and sizes of the resident-facing screens. Sizes are in design pixels of a
// 1080x1920 portrait screen; the UI multiplies them by its scale (see Ui::px), and type sizes
// also by the visitor's text size (Ui::fs).
#include <imgui.h>

namespace ev::ui::theme {

// Colours, 0xAABBGGRR as ImGui packs them.
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }

// Every colour a screen uses, by role. tests/ui/test_contrast.cpp checks each text and
// control pair of every palette against WCAG 2.2 (text 7:1, large text 4.5:1, control
// boundaries 3:1).
struct Palette {
    ImU32 paper;          // screen background
    ImU32 card;           // cards and tiles
    ImU32 cardPressed;    // a card or secondary button under a finger
    ImU32 ink;            // body text
    ImU32 inkSoft;        // secondary text
    ImU32 line;           // card and control borders
    ImU32 accent;         // primary buttons, links, icons, the tile stripe
    ImU32 accentPressed;
    ImU32 onAccent;       // text on accent
    ImU32 help, helpPressed, helpLine, onHelp; // "Get help now"
    ImU32 exit, exitPressed, exitLine, onExit; // quick exit
    ImU32 bar, barPressed, barLine, onBar;     // navigation bar
    ImU32 track;          // scroll position track
    ImU32 notice;         // background of the "being translated" note
    ImU32 scrim;          // behind the idle prompt
    ImU32 focus;          // keyboard and switch focus ring: its outer band...
    ImU32 focusInner;     // ...and its inner one, light where the outer is dark
};

// The everyday look: ink on warm paper 15.9:1, white on teal 7.5:1, black on yellow 14.9:1.
inline constexpr Palette kStandard{
    .paper = rgb(0xF7, 0xF5, 0xF0), .card = rgb(0xFF, 0xFF, 0xFF), .cardPressed = rgb(0xE4, 0xEE, 0xEF),
    .ink = rgb(0x17, 0x20, 0x2A), .inkSoft = rgb(0x3D, 0x47, 0x52), .line = rgb(0x6B, 0x75, 0x80),
    .accent = rgb(0x0A, 0x5C, 0x66), .accentPressed = rgb(0x06, 0x3E, 0x45), .onAccent = rgb(0xFF, 0xFF, 0xFF),
    .help = rgb(0xFF, 0xDD, 0x00), .helpPressed = rgb(0xE0, 0xC0, 0x00), .helpLine = rgb(0x0B, 0x0C, 0x0C),
    .onHelp = rgb(0x0B, 0x0C, 0x0C),
    .exit = rgb(0xA3, 0x1F, 0x18), .exitPressed = rgb(0x7A, 0x17, 0x12), .exitLine = rgb(0xFF, 0xFF, 0xFF),
    .onExit = rgb(0xFF, 0xFF, 0xFF),
    .bar = rgb(0x0B, 0x1F, 0x33), .barPressed = rgb(0x1E, 0x3A, 0x55), .barLine = rgb(0x8F, 0xA6, 0xBC),
    .onBar = rgb(0xFF, 0xFF, 0xFF),
    .track = rgb(0xDD, 0xDA, 0xD2), .notice = rgb(0xFF, 0xF4, 0xC2), .scrim = IM_COL32(0x0B, 0x1F, 0x33, 200),
    .focus = rgb(0x0B, 0x0C, 0x0C), .focusInner = rgb(0xFF, 0xDD, 0x00),
};

// High contrast for low vision: white and yellow on black, every border drawn in white.
inline constexpr Palette kHighContrast{
    .paper = rgb(0x00, 0x00, 0x00), .card = rgb(0x00, 0x00, 0x00), .cardPressed = rgb(0x33, 0x33, 0x00),
    .ink = rgb(0xFF, 0xFF, 0xFF), .inkSoft = rgb(0xFF, 0xFF, 0xFF), .line = rgb(0xFF, 0xFF, 0xFF),
    .accent = rgb(0xFF, 0xE6, 0x00), .accentPressed = rgb(0xCC, 0xB8, 0x00), .onAccent = rgb(0x00, 0x00, 0x00),
    .help = rgb(0xFF, 0xE6, 0x00), .helpPressed = rgb(0xCC, 0xB8, 0x00), .helpLine = rgb(0xFF, 0xFF, 0xFF),
    .onHelp = rgb(0x00, 0x00, 0x00),
    .exit = rgb(0x8B, 0x00, 0x00), .exitPressed = rgb(0x5C, 0x00, 0x00), .exitLine = rgb(0xFF, 0xFF, 0xFF),
    .onExit = rgb(0xFF, 0xFF, 0xFF),
    .bar = rgb(0x00, 0x00, 0x00), .barPressed = rgb(0x33, 0x33, 0x33), .barLine = rgb(0xFF, 0xFF, 0xFF),
    .onBar = rgb(0xFF, 0xFF, 0xFF),
    .track = rgb(0x66, 0x66, 0x66), .notice = rgb(0x33, 0x33, 0x00), .scrim = IM_COL32(0x00, 0x00, 0x00, 230),
    .focus = rgb(0x00, 0x00, 0x00), .focusInner = rgb(0x00, 0xE5, 0xFF),
};

// A QR code is black on white in every theme: that is what phone cameras read best.
inline constexpr ImU32 kQrDark = rgb(0x00, 0x00, 0x00);
inline constexpr ImU32 kQrLight = rgb(0xFF, 0xFF, 0xFF);

// The visitor's text sizes: standard, large, largest (multiples of the type sizes below).
inline constexpr float kTextScales[] = {1.0f, 1.25f, 1.5f};

// Design widths. The layout is a single column at most kColumnWidth wide, centred, so
// landscape screens get margins instead of stretched lines.
inline constexpr float kDesignWidth = 1080.0f;
inline constexpr float kColumnWidth = 1080.0f;
inline constexpr float kMargin = 48.0f;      // left and right of the column
inline constexpr float kGap = 24.0f;         // between controls: a finger never hits two

// Controls: 96 px at 1080 px across a 24-inch portrait panel is about 28 mm, well over
// WCAG 2.5.5's 44 CSS px (about 11.6 mm at a 0.264 mm CSS pixel).
inline constexpr float kBarHeight = 148.0f;  // navigation bar
inline constexpr float kBarButton = 112.0f;  // buttons in the bar
inline constexpr float kButton = 120.0f;     // ordinary buttons
inline constexpr float kBigButton = 150.0f;  // primary choices (languages, audience)
inline constexpr float kRounding = 18.0f;

// Type sizes, em in design pixels at the standard text size.
inline constexpr float kTextBody = 38.0f;
inline constexpr float kTextSmall = 32.0f;
inline constexpr float kTextButton = 36.0f;
inline constexpr float kTextH3 = 42.0f;
inline constexpr float kTextH2 = 50.0f;
inline constexpr float kTextTitle = 64.0f;
inline constexpr float kTextHero = 96.0f;

} // namespace ev::ui::theme
