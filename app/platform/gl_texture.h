#pragma once
// GL helpers for the kiosk loop: the glyph atlas as a texture ImGui can draw with, and
// reading a finished frame back for screenshots. A GL context must be current for all of it.
#include <imgui.h>

#include <cstdint>
#include <span>
#include <vector>

#include "text/types.h"

namespace ev::platform {

// One GL texture kept in step with the text engine's glyph atlas, drawn by ImGui's shader
// (vertex colour times texture) with no shader of our own. The atlas is single-channel coverage,
// and so is the texture where the driver can swizzle (GL 3.3, or ARB_texture_swizzle): it reads
// as white with alpha = coverage. A driver that cannot gets RGBA white, four times the memory.
class GlAtlasTexture {
public:
    // oneChannel false: RGBA even where the driver could swizzle (to test that path).
    explicit GlAtlasTexture(bool oneChannel = true) : oneChannel_(oneChannel) {}
    ~GlAtlasTexture();
    GlAtlasTexture(const GlAtlasTexture&) = delete;
    GlAtlasTexture& operator=(const GlAtlasTexture&) = delete;

    // Uploads the changed regions of the atlas (text::Engine::takeAtlasChanged), or all of it
    // into new storage when its size changed, and returns the texture to draw with; nullptr
    // while the atlas is empty.
    ImTextureID sync(const text::AtlasView& atlas, std::span<const text::AtlasRect> changed);

private:
    void upload(const text::AtlasView& atlas, const text::AtlasRect& r);

    unsigned texture_ = 0;       // GL name; 0 until the first upload
    int width_ = 0, height_ = 0; // size of the texture's storage, pixels
    bool oneChannel_;            // decided at the first upload
};

// The w x h pixels of the back buffer as RGBA, top row first, opaque. Call after drawing and
// before swapping: after a swap the back buffer's contents are undefined.
std::vector<std::uint8_t> readPixels(int w, int h);

} // namespace ev::platform
