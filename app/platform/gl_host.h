#pragma once
// What the SDL2 and GLFW hosts share, as hello_imgui's runner shares it among its backends:
// the wait for events up to a deadline, and, once the window has a GL 3 context and ImGui's
// window backend has started, the GL renderer, the frame, its size and the order things close
// in. Each host supplies only what its window system does differently.
#include <chrono>
#include <optional>
#include <string>

#include "platform/gl_renderer.h"
#include "platform/host.h"

namespace ev::platform {

class GlHost : public Host {
public:
    HostEvents waitEvents(std::optional<Millis> timeout) final;
    void newFrame() final;
    void render(std::uint32_t background) final;
    void framebufferSize(int& w, int& h) const final;
    void close() final;

protected:
    // ImGui's window backend has started: starts the renderer, its program kept in
    // programCache. Returns open()'s answer: empty, or the renderer's failure, after closing.
    std::string backendStarted(const std::filesystem::path& programCache);
    // Draws another ImGui context's draw data (the presenter's) into the current framebuffer.
    void draw(const ImDrawData* data, int w, int h) { renderer_.draw(data, w, h); }

    // One wait for events: at most `left` (nullopt: until something comes; zero: only what is
    // queued), adding them to events. False when waiting again would fail again.
    virtual bool waitOnce(std::optional<std::chrono::nanoseconds> left, HostEvents& events) = 0;
    virtual void backendNewFrame() = 0;   // ImGui's window backend's NewFrame
    virtual void backendShutdown() = 0;   // ImGui's window backend's Shutdown
    virtual bool hasWindow() const = 0;
    virtual void drawableSize(int& w, int& h) const = 0; // of an open window, in pixels
    virtual void closeWindow() = 0;       // the context, the window, then the window system

private:
    GlRenderer renderer_;
    bool backendStarted_ = false;
};

} // namespace ev::platform
