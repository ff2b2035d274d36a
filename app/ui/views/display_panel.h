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
    static float contentHeight(Ui& ui);
    bool open_ = false;
    ScrollArea scroll_;
};

} // namespace ev::ui
