#include "ui/pin_gate.h"

namespace ev::ui {

void PinGate::guard(Session& session, Screen shown) {
    // "Still there?" over a staff screen is answered by whoever is at the kiosk now, perhaps a
    // resident at a kiosk staff walked away from: the PIN again, over the start screen.
    const bool staff = session.screen() == Screen::Admin || session.screen() == Screen::Record;
    if (prompted_ && !session.idlePromptShown() && staff && locked()) {
        session.goTo({Screen::Attract, {}});
        ask(session);
    }
    prompted_ = session.idlePromptShown();
    if (session.screen() == Screen::Admin && shown != Screen::Admin) {
        if (!admitted_ && locked()) {
            session.goTo({Screen::Attract, {}});
            ask(session);
        }
        admitted_ = false;
    }
    if (session.screen() != on_ || session.idlePromptShown()) pad_.close();
}

void PinGate::ask(const Session& session) {
    if (!locked()) return;
    pad_.open(clock_.now());
    on_ = session.screen();
}

std::optional<Millis> PinGate::draw(Ui& ui) {
    if (pad_.draw(ui, *pin_) == PinPad::Outcome::Right) {
        if (on_ == Screen::Admin) {
            quit_ = true;
        } else {
            admitted_ = true;
            ui.session.goTo({Screen::Admin, {}});
        }
    }
    return pad_.isOpen() ? pad_.nextChange(clock_.now(), *pin_) : Millis(0);
}

} // namespace ev::ui
