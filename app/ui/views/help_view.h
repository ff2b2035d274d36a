#pragma once
#include "ui/scroll_area.h"
#include "ui/views/service_card.h"
#include "ui/views/view.h"

namespace ev::ui {

// "Get help now": the services' QR codes to take away, then a card per service with its
// phone numbers large enough to copy down. A card opens the service on a screen of its own.
class HelpView final : public View {
public:
    void draw(Ui& ui) override;
    // The screen was opened: the QR codes it shows are counted once (qr_shown) on its next draw.
    // Back from a service's own screen is the same look at it, not a new one.
    void arrive(const Location& from) override {
        if (from.screen != Screen::Signpost) countCodes_ = true;
    }

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
