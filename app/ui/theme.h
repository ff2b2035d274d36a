#pragma once
// Colours and sizes of the resident-facing screens. Sizes are in design pixels of a
// 1080x1920 portrait screen; the UI multiplies them by its scale (see Ui::scale).
#include <imgui.h>

namespace ev::ui::theme {

// Colours, 0xAABBGGRR as ImGui packs them. Pairs were chosen for WCAG AAA contrast:
// ink on paper 15.9:1, white on teal 7.5:1, black on yellow 14.9:1, white on red 6.6:1.
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }
inline constexpr ImU32 kPaper = rgb(0xF7, 0xF5, 0xF0);      // screen background
inline constexpr ImU32 kCard = rgb(0xFF, 0xFF, 0xFF);       // cards and tiles
inline constexpr ImU32 kInk = rgb(0x17, 0x20, 0x2A);        // body text
inline constexpr ImU32 kInkSoft = rgb(0x3D, 0x47, 0x52);    // secondary text (9.2:1 on paper)
inline constexpr ImU32 kLine = rgb(0x6B, 0x75, 0x80);       // control borders (4.6:1 on paper)
inline constexpr ImU32 kTeal = rgb(0x0A, 0x5C, 0x66);       // primary buttons, links
inline constexpr ImU32 kTealDark = rgb(0x06, 0x3E, 0x45);   // primary pressed
inline constexpr ImU32 kYellow = rgb(0xFF, 0xDD, 0x00);     // "Get help now"
inline constexpr ImU32 kYellowDark = rgb(0xE0, 0xC0, 0x00);
inline constexpr ImU32 kRed = rgb(0xB3, 0x26, 0x1E);        // quick exit
inline constexpr ImU32 kRedDark = rgb(0x8C, 0x1D, 0x17);
inline constexpr ImU32 kWhite = rgb(0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kBlack = rgb(0x0B, 0x0C, 0x0C);
inline constexpr ImU32 kScrim = IM_COL32(0x0B, 0x1F, 0x33, 200); // behind the idle prompt
inline constexpr ImU32 kBar = rgb(0x0B, 0x1F, 0x33);        // navigation bar (navy)
inline constexpr float kClearColor[3] = {0xF7 / 255.0f, 0xF5 / 255.0f, 0xF0 / 255.0f};

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

// Type sizes, em in design pixels.
inline constexpr float kTextBody = 38.0f;
inline constexpr float kTextSmall = 32.0f;
inline constexpr float kTextButton = 36.0f;
inline constexpr float kTextH3 = 42.0f;
inline constexpr float kTextH2 = 50.0f;
inline constexpr float kTextTitle = 64.0f;
inline constexpr float kTextHero = 96.0f;

} // namespace ev::ui::theme
