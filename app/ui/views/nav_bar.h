#pragma once
#include "../ui_context.h"

namespace ev::ui {

// The bar on every flow screen: back, home and language on the reading-start side; "Get help
// now" and the quick exit on the other, with three dots counting Shift presses toward an exit.
class NavBar {
public:
    static float height(const Ui& ui);
    void draw(Ui& ui, float top); // top: y of the bar's upper edge
};

} // namespace ev::ui
