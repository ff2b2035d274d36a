#pragma once
#include "ui/ui_context.h"

namespace ev::ui {

// The bar on every flow screen: back, home and language on the reading-start side; "Get help
// now" and the quick exit on the other, with three dots counting Shift presses toward an exit.
// At the larger text sizes it takes two rows, help and the exit above, so that its labels
// grow with the visitor's text instead of shrinking to fit fifth-width buttons; on a wide
// (landscape) screen it keeps one row across the screen's width instead, leaving the short
// screen's height for reading.
class NavBar {
public:
    static float height(const Ui& ui);
    void draw(Ui& ui, float top); // top: y of the bar's upper edge

private:
    static bool wide(const Ui& ui) { return ui.textScale > 1.0f && ui.screen.width() >= 1.5f * ui.screen.height(); }
    static bool twoRows(const Ui& ui) { return ui.textScale > 1.0f && !wide(ui); }
    static float buttonHeight(const Ui& ui);
};

} // namespace ev::ui
