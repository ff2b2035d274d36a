#pragma once
#include "ui/ui_context.h"

namespace ev::ui {

// The bar on every flow screen: back, home and language on the reading-start side; "Get help
// now" and the quick exit on the other, with three dots counting Shift presses toward an exit.
// Its labels are never smaller than the body text: where one does not fit at that size its
// button takes the width its longest word needs, the label wraps, and the bar takes two rows
// (help and the exit above) or grows taller, whichever leaves more of the screen for reading.
// On a wide (landscape) screen it keeps one row across the screen's width.
class NavBar {
public:
    static float height(const Ui& ui);
    void draw(Ui& ui, float top); // top: y of the bar's upper edge
    // The bar with only its quick exit, where the exit always is: over "Still there?", which
    // hides everything else on the screen, the exit is still one tap away. Returns its rectangle.
    Rect drawExit(Ui& ui, float top);

private:
    Rect drawItems(Ui& ui, float top, bool exitOnly);
};

} // namespace ev::ui
