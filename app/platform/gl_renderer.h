#pragma once
// The GL half that both hosts share once their window has a current GL 3 context: ImGui's
// OpenGL3 backend and drawing a frame.
#include <cstdint>
#include <string>

namespace ev::platform {

class GlRenderer {
public:
    // GLSL for a GL 3.0 context: both hosts ask for 3.0, the oldest that ImGui's GL3 backend
    // serves, so older and embedded GPUs still run the kiosk.
    static constexpr int kGlMajor = 3, kGlMinor = 0;
    static constexpr const char* kGlslVersion = "#version 130";

    ~GlRenderer() { shutdown(); }
    std::string init(); // empty on success, else one line
    void shutdown();    // needs the context still current
    void newFrame();
    void render(int w, int h, std::uint32_t background); // clears w x h pixels to background, draws ImGui's draw data

private:
    bool initialised_ = false;
};

} // namespace ev::platform
