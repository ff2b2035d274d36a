#pragma once
// The GL half that both hosts share once their window has a current GL 3 context: draws
// ImGui's draw data. The kiosk's own, in place of ImGui's OpenGL3 backend, so that its one
// shader program is kept linked between starts (platform/gl_program.h): compiling it was the
// largest single cost of the first frame after the window (docs/performance.md). It draws as
// that backend does (the same shaders, blending and scissoring), so every pixel is the same.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "platform/gl_texture.h"

struct ImDrawData;

namespace ev::platform {

class GlRenderer {
public:
    // Both hosts ask for a GL 3.0 context, so older and embedded GPUs still run the kiosk; the
    // shaders are GLSL 1.30.
    static constexpr int kGlMajor = 3, kGlMinor = 0;

    ~GlRenderer() { shutdown(); }
    // programCache: where the linked program is kept between starts (empty: nowhere). Returns
    // an empty string on success, else one line.
    std::string init(const std::filesystem::path& programCache);
    void shutdown(); // needs the context still current
    // Before ImGui::NewFrame: ImGui's font atlas built and uploaded, the first time.
    void newFrame();
    // Clears w x h pixels to background (packed as ImGui's IM_COL32) and draws ImGui's draw data.
    void render(int w, int h, std::uint32_t background);
    // Draws data into the current framebuffer, w x h pixels.
    void draw(const ImDrawData* data, int w, int h);

private:
    unsigned program_ = 0, vertexArray_ = 0, vertexBuffer_ = 0, indexBuffer_ = 0;
    int projection_ = -1, sampler_ = -1; // uniform locations
    bool baseVertex_ = false;            // glDrawElementsBaseVertex (GL 3.2): ImGui may offset vertices
    std::optional<GlAtlasTexture> fonts_; // ImGui's own font atlas (its shapes' white pixel), once built
    bool initialised_ = false;
};

} // namespace ev::platform
