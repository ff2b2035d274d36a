#pragma once
#include "ui/scroll_area.h"
#include "ui/views/service_card.h"
#include "ui/views/view.h"

namespace ev::ui {

// One service, opened from its card on the help screen: the card larger, its numbers at hero
// size, and its website's QR code large enough for an older phone's camera.
class SignpostView final : public View {
public:
    void draw(Ui& ui) override;
    // The screen was opened: its QR code is counted once (qr_shown) on its next draw.
    void arrive(const Location&) override {
        countCode_ = true;
        scroll_.reset();
    }

private:
    // Design px at most, with the quiet zone: about 14 cm on a 24-inch portrait panel.
    static constexpr float kQrSide = 520.0f;
    ScrollArea scroll_;
    bool countCode_ = false;
    QrCodes qr_;
};

} // namespace ev::ui
