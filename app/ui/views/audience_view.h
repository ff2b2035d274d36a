#pragma once
#include "ui/scroll_area.h"
#include "ui/views/view.h"

namespace ev::ui {

// "Who are you?": child, teenager, parent or carer, anyone in the community; and, under the
// question, one line on what Exit does.
class AudienceView final : public View {
public:
    void draw(Ui& ui) override;

private:
    ScrollArea scroll_; // large text or buttons lower down can leave too little room for four
};

} // namespace ev::ui
