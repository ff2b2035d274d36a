#pragma once
// A vertical region scrolled by dragging a finger (and by a mouse wheel on the desktop
// preview). ImGui 1.86 scrolls only with wheels and scroll bars, which a touch screen lacks.
#include "ui/ui_context.h"

namespace ev::ui {

class ScrollArea {
public:
    // Clips drawing to view's top and bottom and returns the y where content starts (scrolled).
    // A view whose top is above Ui::reachTop can be pulled down by as much, so that a seated
    // visitor brings its upper controls within reach; it rests at the top.
    float begin(Ui& ui, Rect view);
    // Content height is known after drawing: clamp the offset and draw the position bar.
    void end(Ui& ui, float contentHeight);
    void reset() { offset_ = 0; }
    float offset() const { return offset_; }

private:
    float offset_ = 0;
    float minOffset_ = 0; // below 0: pulled down toward the reach zone (Ui::reachTop)
    float maxOffset_ = 0;
    Rect view_{};
};

} // namespace ev::ui
