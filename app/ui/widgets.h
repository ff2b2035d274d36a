#pragma once
// Finger-sized controls drawn with the text engine. Every control registers itself in the
// WidgetRegistry so scripts and tests can find it by id.
#include <string_view>

#include "ui/icons.h"
#include "ui/ui_context.h"

namespace ev::ui {

// A counter's "-1" button label, isolated left to right: in a right-to-left screen the bidi
// algorithm would otherwise show the minus after the digit ("1-").
inline constexpr const char* kMinusOne = "\u2066-1\u2069";

enum class Look {
    Primary,   // teal, white text: the main choice on a screen
    Secondary, // white card, teal border
    Help,      // yellow: "Get help now"
    Exit,      // red: quick exit
    Bar,       // on the navy navigation bar
};

// A button filling r. Returns true when tapped: pressed and released inside it without
// dragging (a drag scrolls instead). The label is laid out to fit, wrapping if needed, at
// labelPx when given (> 0).
bool button(Ui& ui, std::string_view id, std::string_view label, Rect r, Look look,
            Icon icon = Icon::None, float labelPx = 0);
// The label size (px) button() gives label in r when no labelPx is given: the visitor's size,
// shrunk to fit.
float labelSize(Ui& ui, std::string_view label, Rect r, Look look, Icon icon = Icon::None);
// Whether label at sizePx, wrapped as button() wraps it, fits inside r beside its icon.
bool labelFits(const Ui& ui, std::string_view label, Rect r, Look look, Icon icon, float sizePx);
// How tall a button of width w must be for label to fit at sizePx: at least `least`, taller
// (in 4 px steps) where it wraps; 0 when three times `least` is not enough.
float heightFor(const Ui& ui, std::string_view label, float w, Look look, Icon icon, float sizePx, float least);

// A topic tile: a bold title and a short summary on a card, the text centred vertically in r.
// Returns true when tapped. tileHeight is what the text needs, at least minHeight: long
// translations wrap onto more lines and make the card taller rather than spill out of it.
bool tile(Ui& ui, std::string_view id, std::string_view title, std::string_view summary, Rect r,
          Icon icon = Icon::None);
float tileHeight(Ui& ui, std::string_view title, std::string_view summary, float width, Icon icon,
                 float minHeight);

// Records an interactive rectangle and reports a tap; the caller draws it, then its focusRing.
bool tapTarget(Ui& ui, std::string_view id, std::string_view label, Rect r);
// The keyboard focus ring, when control id has the focus: drawn inside r, over its fill.
void focusRing(Ui& ui, std::string_view id, Rect r);

// Draws a paragraph of plain text at pos, wrapped to width; returns its height.
float paragraph(Ui& ui, std::string_view text, ImVec2 pos, float width, float sizeDesign,
                ImU32 colour, bool bold = false, text::Align align = text::Align::Start);

} // namespace ev::ui
