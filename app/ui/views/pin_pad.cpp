#include "ui/views/pin_pad.h"

#include <algorithm>
#include <cstdio>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

namespace {

std::string minutesAndSeconds(Millis t) {
    const long s = static_cast<long>((t.count() + 999) / 1000); // never "0:00" while still locked
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

} // namespace

void PinPad::open(Millis now) {
    open_ = true;
    digits_.clear();
    message_.clear();
    lastTouch_ = now;
}

void PinPad::close() {
    open_ = false;
    digits_.clear(); // nothing of a PIN stays in memory longer than it must
    message_.clear();
}

PinPad::Outcome PinPad::draw(Ui& ui, AdminPin& pin) {
    if (ui.now - lastTouch_ >= kIdle) {
        close();
        return Outcome::Cancelled;
    }
    const Rect& col = ui.column;
    const float gap = ui.px(theme::kGap);
    float y = col.min.y + ui.px(40);
    y += paragraph(ui, "Staff only: enter the PIN", {col.min.x, y}, col.width(), theme::kTextTitle, ui.c.ink, true,
                   text::Align::Center) + ui.px(32);

    // One dot for each digit typed, and rings for the rest of the shortest PIN.
    const float r = ui.px(18), step = ui.px(60);
    const std::size_t shown = std::max(digits_.size(), AdminPin::kMinDigits);
    float x = (col.min.x + col.max.x) * 0.5f - step * (static_cast<float>(shown) - 1) * 0.5f;
    for (std::size_t i = 0; i < shown; ++i, x += step) {
        if (i < digits_.size()) ui.dl->AddCircleFilled({x, y + r}, r, ui.c.ink, 24);
        else ui.dl->AddCircle({x, y + r}, r, ui.c.line, 24, ui.px(3));
    }
    y += 2 * r + ui.px(32);

    const Millis locked = pin.lockedFor();
    const std::string note = locked > Millis(0)
                                 ? "Too many wrong tries. The keypad opens again in " + minutesAndSeconds(locked) + "."
                                 : message_;
    // Room for two lines whether or not there is a note, so the keys do not jump under a finger.
    float noteHeight = ui.fs(theme::kTextBody) * 2.8f;
    if (!note.empty())
        noteHeight = std::max(noteHeight, paragraph(ui, note, {col.min.x, y}, col.width(), theme::kTextBody, ui.c.ink,
                                                    false, text::Align::Center) + ui.px(16));
    y += noteHeight;

    // 1 2 3 / 4 5 6 / 7 8 9 / delete 0 OK, as on a phone.
    const char* keys[4][3] = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"delete", "0", "ok"}};
    const float kw = (col.width() - 2 * gap) / 3, kh = ui.px(theme::kBigButton);
    Outcome outcome = Outcome::None;
    for (const auto& row : keys) {
        for (int c = 0; c < 3; ++c) {
            const std::string key = row[c];
            const float kx = col.min.x + static_cast<float>(c) * (kw + gap);
            const Rect kr{{kx, y}, {kx + kw, y + kh}};
            const bool digit = key.size() == 1;
            const std::string label = digit ? key : key == "ok" ? "OK" : "Delete";
            if (!button(ui, "pin:" + key, label, kr, key == "ok" ? Look::Primary : Look::Secondary)) continue;
            lastTouch_ = ui.now;
            if (locked > Millis(0)) continue;
            message_.clear();
            if (digit) {
                if (digits_.size() < AdminPin::kMaxDigits) digits_ += key;
            } else if (key == "delete") {
                if (!digits_.empty()) digits_.pop_back();
            } else if (digits_.size() < AdminPin::kMinDigits) {
                message_ = "A PIN has " + std::to_string(AdminPin::kMinDigits) + " to " +
                           std::to_string(AdminPin::kMaxDigits) + " digits.";
            } else {
                switch (pin.check(digits_)) {
                case AdminPin::Result::Right: outcome = Outcome::Right; break;
                case AdminPin::Result::Wrong:
                    message_ = "That PIN is not right. " + std::to_string(pin.triesLeft()) +
                               (pin.triesLeft() == 1 ? " try" : " tries") + " left before the keypad locks.";
                    break;
                case AdminPin::Result::Locked: break; // the countdown says it
                case AdminPin::Result::NotSet: message_ = "No admin PIN is set on this kiosk."; break;
                }
                digits_.clear();
            }
        }
        y += kh + gap;
    }
    y += gap;
    if (button(ui, "pin:cancel", "Cancel", Rect{{col.min.x, y}, {col.max.x, y + ui.px(theme::kButton)}}, Look::Secondary))
        outcome = Outcome::Cancelled;
    if (outcome != Outcome::None) close();
    return outcome;
}

std::optional<Millis> PinPad::nextChange(Millis now, const AdminPin& pin) const {
    if (!open_) return std::nullopt;
    Millis next = std::max(Millis(0), lastTouch_ + kIdle - now);
    if (const Millis locked = pin.lockedFor(); locked > Millis(0)) next = std::min(next, Millis(locked.count() % 1000 + 1));
    return next;
}

} // namespace ev::ui
