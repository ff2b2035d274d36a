#pragma once
#include <optional>

#include "ui/scroll_area.h"

namespace ev::ui {

// The topic tiles for the chosen audience, in the pack's order.
class TopicsView {
public:
    void draw(Ui& ui);

private:
    ScrollArea scroll_;
    std::optional<Audience> shown_; // scroll back to the top when the audience changes
};

} // namespace ev::ui
