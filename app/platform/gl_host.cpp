#include "platform/gl_host.h"

#include <imgui.h>

#include <algorithm>

namespace ev::platform {

HostEvents GlHost::waitEvents(std::optional<Millis> timeout) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = timeout ? Clock::now() + *timeout : Clock::time_point::max();
    HostEvents events;
    for (;;) {
        std::optional<std::chrono::nanoseconds> left;
        if (timeout) left = std::max(std::chrono::nanoseconds(0), deadline - Clock::now());
        if (!waitOnce(left, events)) return events;
        if (events.quit || events.input || events.resized || events.exposed) return events;
        if (timeout && Clock::now() >= deadline) return events;
    }
}

void GlHost::newFrame() {
    renderer_.newFrame();
    backendNewFrame();
}

void GlHost::render(std::uint32_t background) {
    int w = 0, h = 0;
    framebufferSize(w, h);
    renderer_.render(w, h, background);
}

void GlHost::framebufferSize(int& w, int& h) const {
    w = h = 0;
    if (hasWindow()) drawableSize(w, h);
}

void GlHost::close() {
    renderer_.shutdown();
    if (backendStarted_ && ImGui::GetCurrentContext()) backendShutdown();
    backendStarted_ = false;
    closeWindow();
}

std::string GlHost::backendStarted(const std::filesystem::path& programCache) {
    backendStarted_ = true;
    if (std::string error = renderer_.init(programCache); !error.empty()) {
        close();
        return error;
    }
    return {};
}

} // namespace ev::platform
