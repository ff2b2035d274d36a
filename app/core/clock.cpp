#include "core/clock.h"

namespace ev {

Millis SystemClock::now() const {
    return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now().time_since_epoch());
}

std::int64_t SystemClock::unixSeconds() const {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

OffsetClock::OffsetClock(bool frozen)
    : frozen_(frozen), frozenAt_(real_.now()), frozenUnix_(real_.unixSeconds()) {}

Millis OffsetClock::now() const { return (frozen_ ? frozenAt_ : real_.now()) + offset_; }

std::int64_t OffsetClock::unixSeconds() const {
    const std::int64_t base = frozen_ ? frozenUnix_ : real_.unixSeconds();
    return base + std::chrono::duration_cast<std::chrono::seconds>(offset_).count();
}

} // namespace ev
