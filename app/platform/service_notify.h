#pragma once
// Tells systemd how the kiosk is (sd_notify from libsystemd, which owns the socket: the kiosk
// has no socket code of its own): READY=1 once the first frame is drawn, then WATCHDOG=1 from
// the main loop, so a frozen loop is killed and restarted (the unit's WatchdogSec). Outside a
// systemd service (no NOTIFY_SOCKET) it does nothing.
#include <optional>

#include "core/clock.h"

namespace ev::platform {

class ServiceNotifier {
public:
    ServiceNotifier(); // reads WATCHDOG_USEC from the environment
    // How often alive() must be called: half the watchdog's limit; nullopt without a watchdog.
    std::optional<Millis> aliveEvery() const { return aliveEvery_; }
    void ready();
    void alive();

private:
    std::optional<Millis> aliveEvery_;
    bool readySent_ = false;
};

} // namespace ev::platform
