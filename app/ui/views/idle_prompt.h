#pragma once
#include "ui/ui_context.h"

namespace ev::ui {

// "Still there?": covers the screen after the idle limit, counts down, and offers one large
// button to carry on (WCAG 2.2.1). Tapping anywhere on it also carries on.
class IdlePrompt {
public:
    void draw(Ui& ui);
};

} // namespace ev::ui
