#pragma once
#include "../scroll_area.h"

namespace ev::ui {

// "Get help now": a card per service with its phone numbers large enough to copy down.
class HelpView {
public:
    void draw(Ui& ui);

private:
    float card(Ui& ui, const Signpost& s, float y);
    ScrollArea scroll_;
};

} // namespace ev::ui
