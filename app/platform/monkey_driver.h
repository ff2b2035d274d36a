#pragma once
// --monkey N --seed S: N random taps, drags, keys and waits on whatever is on screen, the
// quick exit and idle resets included. The same seed replays the same run.
#include <cstdint>
#include <random>

#include "platform/driver.h"

namespace ev::platform {

class MonkeyDriver final : public Driver {
public:
    MonkeyDriver(long steps, std::uint64_t seed, ImVec2 screen);
    std::optional<Action> next(const ui::WidgetRegistry& onScreen) override;

private:
    int pick(int n); // uniform in [0, n): written out so every libstdc++ gives the same run
    float coord(float limit);

    long left_;
    long step_ = 0;
    ImVec2 screen_;
    std::mt19937_64 rng_;
};

} // namespace ev::platform
