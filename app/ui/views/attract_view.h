#pragma once
#include <optional>

#include "ui/ui_context.h"

namespace ev::ui {

// The screen a kiosk shows while nobody is using it: the product's name, the pack's neutral
// items in turn, and "Touch to start" cycling through the pack's languages. Touching anywhere starts. Staff press and hold the
// title (widget id attract:title) to ask for the PIN keypad; a tap there starts, like anywhere.
class AttractView {
public:
    // How long each language's "Touch to start" stays before the next: 3 s.
    static constexpr Millis kCycle{3000};
    // How long each neutral item stays before the next: 12 s, time to read one.
    static constexpr Millis kItemCycle{12000};
    // How long the title must be held, on the session clock, to ask for the keypad: 5 s.
    static constexpr Millis kHold{5000};
    // Returns true in the frame the title has been held for kHold.
    bool draw(Ui& ui);
    // Reduced motion: "Touch to start" stays in the default language, the first neutral item
    // stays, nothing moves.
    void setStill(bool still) { still_ = still; }
    // When the cycling text next changes, so the loop sleeps until then and no longer.
    // Includes the end of a hold in progress: a finger held still sends no events.
    std::optional<Millis> nextChange(const Ui& ui) const;

private:
    bool still_ = false;
    bool holdTitle(Ui& ui, Rect title, const std::string& label);
    // A finger may wander this far (design px) and still be holding.
    static constexpr float kHoldSlop = 24.0f;
    std::optional<Millis> holdSince_; // when the finger now on the title came down
};

} // namespace ev::ui
