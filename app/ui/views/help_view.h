#pragma once
#include <map>
#include <optional>
#include <string>

#include "../scroll_area.h"
#include "core/qr_code.h"

namespace ev::ui {

// "Get help now": a card per service with its phone numbers large enough to copy down and
// a QR code of its website to take away.
class HelpView {
public:
    void draw(Ui& ui);
    // The screen was opened: the QR codes it shows are counted once (qr_shown) on its next draw.
    void arrive() { countCodes_ = true; }

private:
    float card(Ui& ui, const Signpost& s, float y);
    float takeAway(Ui& ui, float y); // the row of QR codes; returns its height
    const std::optional<QrCode>* qrFor(const Signpost& s); // nullptr: no web address
    static void drawQr(ImDrawList* dl, const QrCode& qr, ImVec2 at, float module);

    // A QR code's side with its quiet zone, design px at most: about 7.5 cm on a 24-inch
    // portrait panel (0.276 mm a pixel), which a phone reads from arm's length.
    static constexpr float kQrSide = 280.0f;
    ScrollArea scroll_;
    bool countCodes_ = false;
    std::map<std::string, std::optional<QrCode>> qr_; // by signpost id; encoded once
};

} // namespace ev::ui
