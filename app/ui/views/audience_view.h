#pragma once
#include "ui/scroll_area.h"

namespace ev::ui {

// "Who are you?": child, teenager, parent or carer, anyone in the community; and, under the
// question, one line on what Exit does.
class AudienceView {
public:
    void draw(Ui& ui);

private:
    ScrollArea scroll_; // large text or buttons lower down can leave too little room for four
};

} // namespace ev::ui
