#pragma once
#include "ui/scroll_area.h"
#include "ui/ui_context.h"

namespace ev::ui {

// "Text and colour": the button low on every flow screen, and the panel it opens, where a
// visitor picks a text size, high contrast and buttons within reach of a wheelchair. The
// choice lasts for the visit (core Display).
class DisplayPanel {
public:
    static float footerHeight(const Ui& ui);
    void drawButton(Ui& ui, Rect footer);
    // The panel's rectangle, for the layer App draws it in; only meaningful while open.
    Rect panelRect(Ui& ui) const;
    void drawPanel(Ui& ui);
    bool open() const { return open_; }
    void close() {
        open_ = false;
        scroll_.reset();
    }

private:
    // On a wide screen where one column of settings would not fit the height, the panel
    // takes the screen's width in two halves: the title and text size, then the toggles and
    // Done. Widths of each half and the panel's height follow from the choice.
    struct Shape {
        Rect panel;
        bool split;
        float part; // width of one part's content (all of it when not split)
        // Not split and still too tall (a narrow screen at the largest size), Done sits beside
        // the title, a text size button wide, at the reading end.
        bool doneBesideTitle = false;
    };
    static Shape shape(Ui& ui);
    // The title (beside Done, a third as wide, or alone), "Text size" and its buttons.
    static float sizesHeight(Ui& ui, float w, bool doneBesideTitle = false);
    // The toggles: one above the other, each with the gap below it, or side by side (Done
    // under the first).
    static float togglesHeight(Ui& ui, float w, bool stacked);
    bool open_ = false;
    ScrollArea scroll_;
};

} // namespace ev::ui
