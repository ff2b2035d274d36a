#pragma once
// A service's card, shared by the help screen (every service, each card a button) and the
// signpost screen (one service, larger): name, who it is for, numbers to copy down, web
// address, opening hours and a description, in the visitor's language.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "media/qr_code.h"
#include "ui/icons.h"
#include "ui/ui_context.h"

namespace ev::ui {

// A service's name keeps its own direction inside a right-to-left screen: "Stop It Now!"
// keeps its "!" at the end in Urdu (Unicode first-strong isolate, FSI ... PDI).
std::string isolated(const std::string& name);

// What a service's card says, as a voice reads it (Listen on the help screen and the service's
// screen): name, who it is for, each number with its label, digit by digit (spokenNumber), web
// address, hours, description; a detail still to be confirmed is not read, as it is not shown.
std::string spokenService(const Ui& ui, const Signpost& s);

class ServiceCard {
public:
    enum class Size { Normal, Large };
    // Lays the card out for a column of this width; empty() when the service has no text in
    // the visitor's language or the pack's default. opens: a chevron says the card opens.
    ServiceCard(Ui& ui, const Signpost& s, float width, Size size, bool opens);
    bool empty() const { return lines_.empty(); }
    float height() const { return height_; }
    void draw(Ui& ui, ImVec2 at, bool pressed) const;

private:
    struct Line {
        ParagraphPtr p;
        ImU32 colour;
        float gapAfter; // px
        Icon icon = Icon::None;
    };
    std::string id_; // the service's
    std::vector<Line> lines_;
    float width_ = 0, height_ = 0, pad_ = 0, iconRoom_ = 0;
    bool opens_ = false;
};

// Services' websites as QR codes, encoded once each. A detail still to verify never becomes
// a code (content/facts.toml).
class QrCodes {
public:
    const QrCode* of(const Signpost& s); // nullptr: no web address, to be verified, or too long
    // Draws qr with whole-pixel modules (crisp for a phone's camera) in a square of at most
    // side px; returns the side used.
    static float draw(ImDrawList* dl, const QrCode& qr, ImVec2 at, float side);
    static float sideFor(const QrCode& qr, float side); // the side draw() would use

private:
    std::map<std::string, std::optional<QrCode>> codes_; // by signpost id
};

} // namespace ev::ui
