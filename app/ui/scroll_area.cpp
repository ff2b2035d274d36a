#include "ui/scroll_area.h"

#include <algorithm>

#include "ui/theme.h"

namespace ev::ui {

float ScrollArea::begin(Ui& ui, Rect view) {
    view_ = view;
    const ImGuiIO& io = ImGui::GetIO();
    // A drag that started inside the view moves the content with the finger.
    if (ImGui::IsMouseDown(0) && view.contains(io.MouseClickedPos[0]) &&
        io.MouseDragMaxDistanceSqr[0] > ui.px(12) * ui.px(12))
        offset_ -= io.MouseDelta.y;
    if (view.contains(io.MousePos)) offset_ -= io.MouseWheel * ui.px(120);
    minOffset_ = -std::max(0.0f, ui.reachTop - view.min.y);
    offset_ = std::clamp(offset_, minOffset_, maxOffset_);
    // Clipped above and below only: a line's ink reaches past its advance (the top stroke of
    // Urdu kaf at the start of a right-to-left line crosses the column's edge), and a clip at
    // the column's sides cut it. Nothing else is drawn in the margins while a view scrolls.
    ImGui::PushClipRect({ui.screen.min.x, view.min.y}, {ui.screen.max.x, view.max.y}, true);
    return view.min.y - offset_;
}

void ScrollArea::end(Ui& ui, float contentHeight) {
    ImGui::PopClipRect();
    maxOffset_ = std::max(0.0f, contentHeight - view_.height());
    // The focused control is in this area but out of view: scroll just enough to show it.
    if (ui.reveal && ui.reveal->min.x >= view_.min.x - 1 && ui.reveal->max.x <= view_.max.x + 1) {
        if (ui.reveal->max.y > view_.max.y) offset_ += ui.reveal->max.y - view_.max.y;
        else if (ui.reveal->min.y < view_.min.y) offset_ -= view_.min.y - ui.reveal->min.y;
        ui.reveal.reset();
    }
    offset_ = std::clamp(offset_, minOffset_, maxOffset_);
    if (maxOffset_ <= 0) return;
    // A thin position bar in the margin on the far side from the reading start (right in LTR,
    // left in RTL), so it never covers text or the edge of a card.
    const float w = ui.px(10), inset = (ui.px(theme::kMargin) - w) * 0.5f;
    const float x = ui.rtl ? view_.min.x - inset - w : view_.max.x + inset;
    const float track = view_.height();
    const float thumb = std::max(ui.px(80), track * view_.height() / contentHeight);
    const float y = view_.min.y + (track - thumb) * (std::max(0.0f, offset_) / maxOffset_);
    ui.dl->AddRectFilled({x, view_.min.y}, {x + w, view_.max.y}, ui.c.track, w * 0.5f);
    ui.dl->AddRectFilled({x, y}, {x + w, y + thumb}, ui.c.line, w * 0.5f);
}

} // namespace ev::ui
