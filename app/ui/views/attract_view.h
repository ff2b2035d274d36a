#pragma once
#include <optional>

#include "ui/pin_gate.h"
#include "ui/views/view.h"

namespace ev::ui {

// The screen a kiosk shows while nobody is using it: the product's name, the pack's neutral
// items in turn, and "Touch to start" cycling through the pack's languages. Touching anywhere starts. Staff press and hold the
// title (widget id attract:title) to ask for the PIN keypad; a tap there starts, like anywhere.
class AttractView final : public View {
public:
    // How long each language's "Touch to start" stays before the next: 3 s.
    static constexpr Millis kCycle{3000};
    // How long each neutral item stays before the next: 12 s, time to read one.
    static constexpr Millis kItemCycle{12000};
    // How long the title must be held, on the session clock, to ask for the keypad: 5 s.
    static constexpr Millis kHold{5000};
    // still: reduced motion. "Touch to start" stays in the default language, the first neutral
    // item stays, nothing moves. The gate is asked for the keypad when the title is held.
    AttractView(PinGate& gate, bool still) : gate_(gate), still_(still) {}
    void draw(Ui& ui) override;
    // When the cycling text next changes, so the loop sleeps until then and no longer.
    // Includes the end of a hold in progress: a finger held still sends no events.
    std::optional<Millis> nextChange(const Ui& ui) const override;

private:
    PinGate& gate_;
    bool still_;
    bool holdTitle(Ui& ui, Rect title, const std::string& label);
    // A finger may wander this far (design px) and still be holding.
    static constexpr float kHoldSlop = 24.0f;
    std::optional<Millis> holdSince_; // when the finger now on the title came down
};

} // namespace ev::ui
