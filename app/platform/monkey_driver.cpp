#include "platform/monkey_driver.h"

namespace ev::platform {

MonkeyDriver::MonkeyDriver(long steps, std::uint64_t seed, ImVec2 screen)
    : left_(steps), screen_(screen), rng_(seed) {}

int MonkeyDriver::pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }

float MonkeyDriver::coord(float limit) { return static_cast<float>(pick(static_cast<int>(limit))); }

std::optional<Action> MonkeyDriver::next(const ui::WidgetRegistry& onScreen) {
    if (left_-- <= 0) return std::nullopt;
    Action a;
    a.where = "monkey step " + std::to_string(++step_);
    const int roll = pick(100);
    const auto& widgets = onScreen.all();
    if (roll < 62 && !widgets.empty()) {
        a.kind = Action::Kind::TapPoint; // by position: two widgets may share a label
        const ImVec2 c = widgets[static_cast<std::size_t>(pick(static_cast<int>(widgets.size())))].centre();
        a.x1 = c.x;
        a.y1 = c.y;
    } else if (roll < 72) {
        a.kind = Action::Kind::TapPoint;
        a.x1 = coord(screen_.x);
        a.y1 = coord(screen_.y);
    } else if (roll < 82) {
        a.kind = Action::Kind::Drag;
        a.x1 = a.x2 = coord(screen_.x);
        a.y1 = coord(screen_.y);
        a.y2 = coord(screen_.y);
    } else if (roll < 88) {
        a.kind = Action::Kind::Key;
        a.text = "shift";
    } else if (roll < 91) {
        a.kind = Action::Kind::Key;
        a.text = pick(2) ? "tab" : "a";
    } else if (roll < 97) {
        a.kind = Action::Kind::Wait;
        a.wait = Millis(1000 * (1 + pick(40)));
    } else {
        // Long enough to bring up "Still there?" and sometimes to reset the kiosk.
        a.kind = Action::Kind::Wait;
        a.wait = Millis(1000 * (60 + pick(90)));
    }
    return a;
}

} // namespace ev::platform
