#pragma once
#include <optional>
#include <string>

#include "core/session/admin_pin.h"
#include "ui/ui_context.h"

namespace ev::ui {

// The staff PIN keypad: buttons 0-9, delete, OK and cancel, the digits typed shown as dots.
// There is no text field and no keyboard text (safeguarding rule 1). It opens over the
// attract screen when the title is held, and over the admin screen to close the kiosk.
class PinPad {
public:
    enum class Outcome { None, Right, Cancelled };
    // Left untouched this long, the keypad closes itself: the attract screen has no idle
    // prompt, and a kiosk must not stand there asking for a PIN. 30 s.
    static constexpr Millis kIdle{30'000};

    void open(Millis now);
    void close();
    bool isOpen() const { return open_; }
    // Draws the keypad in ui.column. Right once the right PIN is confirmed (the keypad closes);
    // Cancelled on cancel or after kIdle untouched.
    Outcome draw(Ui& ui, AdminPin& pin);
    // When the keypad next changes by itself (the lock countdown, closing when left alone).
    std::optional<Millis> nextChange(Millis now, const AdminPin& pin) const;

private:
    bool open_ = false;
    std::string digits_;
    std::string message_; // after OK: why the PIN did not open
    Millis lastTouch_{0};
};

} // namespace ev::ui
