#pragma once
#include "../ui_context.h"

namespace ev::ui {

// Where the quick exit lands: an ordinary "Did you know?" screen that says nothing about
// abuse or help, with no navigation bar that would give away what was on screen before.
class NeutralView {
public:
    void draw(Ui& ui);
};

} // namespace ev::ui
