#pragma once
#include "ui/ui_context.h"
#include "ui/views/view.h"

namespace ev::ui {

// "Still there?": covers the screen after the idle limit, counts down, and offers one large
// button to carry on (WCAG 2.2.1). Tapping anywhere on it also carries on.
class IdlePrompt final : public View {
public:
    void draw(Ui& ui) override;
};

} // namespace ev::ui
