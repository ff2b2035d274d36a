#pragma once
#include "../ui_context.h"

namespace ev::ui {

// "Who are you?": child or young person, parent or carer, anyone in the community.
class AudienceView {
public:
    void draw(Ui& ui);
};

} // namespace ev::ui
