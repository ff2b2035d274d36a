#pragma once
#include "ui/ui_context.h"

namespace ev::ui {

// The bar on every flow screen: back, home and language on the reading-start side; "Get help
// now" and the quick exit on the other, with three dots counting Shift presses toward an exit.
// At the larger text sizes it takes two rows, help and the exit above, so that its labels
// grow with the visitor's text instead of shrinking to fit fifth-width buttons.
class NavBar {
public:
    static float height(const Ui& ui);
    void draw(Ui& ui, float top); // top: y of the bar's upper edge

private:
    static bool twoRows(const Ui& ui) { return ui.textScale > 1.0f; }
    static float buttonHeight(const Ui& ui);
};

} // namespace ev::ui
