#pragma once
// The kiosk itself: the pack to start with, the counter, session and PIN, the window, the
// App and the main loop, built in that order and run until the window closes.
#include "cli/options.h"
#include "cli/places.h"
#include "platform/start_times.h"

namespace ev::cli {

// The process's exit status. Throws UsageError for a --goto the pack cannot show, before any
// window opens. Each start step is marked in times (printed with --bench-first-frame).
int runKiosk(const Options& o, const Places& places, platform::StartTimes& times);

} // namespace ev::cli
