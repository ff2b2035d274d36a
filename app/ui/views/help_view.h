#pragma once
#include "ui/scroll_area.h"
#include "ui/views/service_card.h"

namespace ev::ui {

// "Get help now": the services' QR codes to take away, then a card per service with its
// phone numbers large enough to copy down. A card opens the service on a screen of its own.
class HelpView {
public:
    void draw(Ui& ui);
    // The screen was opened: the QR codes it shows are counted once (qr_shown) on its next draw.
    void arrive() { countCodes_ = true; }

private:
    float takeAway(Ui& ui, float y); // the row of QR codes; returns its height

    // A QR code's side with its quiet zone, design px at most: about 7.5 cm on a 24-inch
    // portrait panel (0.276 mm a pixel), which a phone reads from arm's length.
    static constexpr float kQrSide = 280.0f;
    ScrollArea scroll_;
    bool countCodes_ = false;
    QrCodes qr_;
};

} // namespace ev::ui
