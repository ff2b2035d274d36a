#pragma once
// Where a kiosk's start goes: each start step's time, printed by --bench-first-frame so that
// tools/bench.sh can print the breakdown (docs/performance.md records it).
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace ev::platform {

class StartTimes {
public:
    StartTimes(); // made first thing in main
    // The step that has just ended on this thread; it took the time since the previous mark.
    void mark(std::string step);
    // A step that ran on another thread alongside the marked ones, taking ms milliseconds.
    void alongside(std::string step, double ms);
    // To stdout: "main_at_ns T" (wall clock, so that whoever started the process can tell how
    // long exec and dynamic linking took), then "start_step NAME MS" for each step in order.
    void print() const;

private:
    long long mainAtNs_;
    std::chrono::steady_clock::time_point last_;
    std::vector<std::pair<std::string, double>> steps_;
};

} // namespace ev::platform
