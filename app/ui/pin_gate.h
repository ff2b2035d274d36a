#pragma once
// The staff PIN between the kiosk's screens and the admin screen. Every way onto the admin
// screen (the title held, --goto admin, a script's goto) asks for the PIN once one is set, and
// so does closing the kiosk. The keypad belongs to the screen it was opened on.
#include <optional>

#include "core/clock.h"
#include "core/session/admin_pin.h"
#include "core/session/session.h"
#include "ui/ui_context.h"
#include "ui/views/pin_pad.h"

namespace ev::ui {

class PinGate {
public:
    explicit PinGate(const Clock& clock) : clock_(clock) {}

    // The staff PIN; null, or a PIN not set: the gate never asks and the admin screen opens.
    void setPin(AdminPin* pin) { pin_ = pin; }
    // Once a frame, before drawing; `shown` is the screen the last frame showed. A new arrival
    // on the admin screen is turned back to the attract screen with the keypad open, unless the
    // PIN was just typed; the keypad closes when its screen is left or the idle prompt covers it.
    // "Still there?" answered on the admin or record screen turns back the same way.
    void guard(Session& session, Screen shown);
    // Opens the keypad over the session's screen: the right PIN then opens the admin screen
    // from the attract screen, or closes the kiosk from the admin screen. Nothing without a PIN.
    void ask(const Session& session);
    bool isOpen() const { return pad_.isOpen(); }
    void close() { pad_.close(); }
    // Draws the open keypad over the whole screen; returns how soon the next frame is needed
    // (at once when the keypad closed, so the screen beneath comes back).
    std::optional<Millis> draw(Ui& ui);
    // The right PIN was typed to close the kiosk: the loop ends and the program exits 0.
    bool quitRequested() const { return quit_; }

private:
    bool locked() const { return pin_ && pin_->isSet(); }

    const Clock& clock_;
    AdminPin* pin_ = nullptr;
    PinPad pad_;
    Screen on_ = Screen::Attract; // Attract: the PIN opens the admin screen; Admin: it closes the kiosk
    bool admitted_ = false;       // the PIN was just typed: the admin screen may open
    bool quit_ = false;
    bool prompted_ = false;       // "Still there?" was up last frame
};

} // namespace ev::ui
