#include "platform/service_notify.h"

#include <systemd/sd-daemon.h>

#include <cstdlib>
#include <string>

namespace ev::platform {

ServiceNotifier::ServiceNotifier() {
    // Not sd_watchdog_enabled(): it also wants WATCHDOG_PID to be this process, and under cage
    // the service's main process is cage, the kiosk its child (the unit has NotifyAccess=all).
    const char* usec = std::getenv("WATCHDOG_USEC");
    if (!usec || !std::getenv("NOTIFY_SOCKET")) return;
    const long long us = std::strtoll(usec, nullptr, 10);
    if (us > 0) aliveEvery_ = Millis(us / 2000);
}

void ServiceNotifier::ready() {
    if (readySent_) return;
    readySent_ = true;
    sd_notify(0, "READY=1\nSTATUS=showing the start screen");
}

void ServiceNotifier::alive() { sd_notify(0, "WATCHDOG=1"); }

} // namespace ev::platform
