#pragma once
#include "../scroll_area.h"

namespace ev::ui {

// "Who are you?": child or young person, parent or carer, anyone in the community.
class AudienceView {
public:
    void draw(Ui& ui);

private:
    ScrollArea scroll_; // large text or buttons lower down can leave too little room for three
};

} // namespace ev::ui
