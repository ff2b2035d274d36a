#pragma once
// The one shape of a screen's view, as ImHex has one view class per window with one draw entry:
// App keeps a view per Screen and routes every frame to it. A view draws, turns taps into
// session actions, and keeps only what drawing needs (scroll position, layouts, what it has
// counted on this visit). What it needs beyond the frame's Ui it is given when App makes it.
#include <optional>

#include "core/clock.h"
#include "core/session/session.h"
#include "ui/ui_context.h"

namespace ev::ui {

class View {
public:
    virtual ~View() = default;
    // The session has just come to this view's screen from `from`, the location last drawn.
    virtual void arrive(const Location& from) { (void)from; }
    // One frame of the screen: the whole ui.screen, or ui.column between the bar and the footer
    // on flow screens.
    virtual void draw(Ui& ui) = 0;
    // When what it shows next changes by itself, so the loop sleeps until then; none if nothing moves.
    virtual std::optional<Millis> nextChange(const Ui& ui) const {
        (void)ui;
        return std::nullopt;
    }

protected:
    View() = default;
    View(const View&) = default;
    View& operator=(const View&) = default;
};

} // namespace ev::ui
