#pragma once
#include "ui/ui_context.h"
#include "ui/views/nav_bar.h"

namespace ev::ui {

// "Still there?": covers the screen after the idle limit, counts down, and offers one large
// button to carry on (WCAG 2.2.1). Tapping anywhere on it also carries on, except on the quick
// exit, which stays in the bar's place above it: the one thing under the prompt never hidden.
class IdlePrompt {
public:
    // barTop: the bar's upper edge (App::layoutFlow). Returns the quick exit's rectangle.
    Rect draw(Ui& ui, NavBar& bar, float barTop);
};

} // namespace ev::ui
