#pragma once
#include <optional>

#include "ui/scroll_area.h"
#include "ui/views/view.h"

namespace ev::ui {

// The topic tiles for the chosen audience, in the pack's order.
class TopicsView final : public View {
public:
    void draw(Ui& ui) override;

private:
    ScrollArea scroll_;
    std::optional<Audience> shown_; // scroll back to the top when the audience changes
};

} // namespace ev::ui
