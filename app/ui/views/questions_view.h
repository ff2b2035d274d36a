#pragma once
#include "ui/scroll_area.h"
#include "ui/views/view.h"

namespace ev::ui {

// The pack's end-of-visit questions, one at a time, each answered with one tap
// (counted as visit_answer) or all skipped with one. Buttons only; nothing typed.
class QuestionsView final : public View {
public:
    void arrive(const Location&) override { scroll_.reset(); }
    void draw(Ui& ui) override;

private:
    ScrollArea scroll_; // the largest text can leave too little room for every answer
};

} // namespace ev::ui
