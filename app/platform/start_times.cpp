#include "platform/start_times.h"

#include <cstdio>
#include <ctime>

namespace ev::platform {

StartTimes::StartTimes() : last_(std::chrono::steady_clock::now()) {
    timespec t{};
    clock_gettime(CLOCK_REALTIME, &t);
    mainAtNs_ = static_cast<long long>(t.tv_sec) * 1'000'000'000LL + t.tv_nsec;
}

void StartTimes::mark(std::string step) {
    const auto now = std::chrono::steady_clock::now();
    steps_.emplace_back(std::move(step), std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
}

void StartTimes::alongside(std::string step, double ms) { steps_.emplace_back(std::move(step), ms); }

void StartTimes::print() const {
    std::printf("main_at_ns %lld\n", mainAtNs_);
    for (const auto& [step, ms] : steps_) std::printf("start_step %s %.2f\n", step.c_str(), ms);
}

} // namespace ev::platform
