#pragma once
// Time as the kiosk sees it. Injected everywhere so that idle limits, the Shift x3 window
// and hour buckets are tested without sleeping, and so `--script wait N` can advance time.
#include <chrono>
#include <cstdint>

namespace ev {

using Millis = std::chrono::milliseconds;

class Clock {
public:
    virtual ~Clock() = default;
    // Monotonic time since an arbitrary origin; never goes backwards.
    virtual Millis now() const = 0;
    // Wall-clock seconds since the Unix epoch (UTC); used only to pick the hour bucket of a count.
    virtual std::int64_t unixSeconds() const = 0;
};

// The real clock: steady_clock for intervals, system_clock for hour buckets.
class SystemClock final : public Clock {
public:
    Millis now() const override;
    std::int64_t unixSeconds() const override;
};

// Real time plus an offset that tests and scripts push forward; a tick-free ManualClock
// is this with the real part frozen.
class OffsetClock final : public Clock {
public:
    explicit OffsetClock(bool frozen = false);
    Millis now() const override;
    std::int64_t unixSeconds() const override;
    void advance(Millis by) { offset_ += by; }

private:
    SystemClock real_;
    bool frozen_;
    Millis frozenAt_{0};
    std::int64_t frozenUnix_{0};
    Millis offset_{0};
};

} // namespace ev
