#pragma once
// GL helpers for the kiosk loop: the glyph atlas as a texture ImGui can draw with, and
// reading a finished frame back for screenshots. A GL context must be current for all of it.
#include <imgui.h>

#include <cstdint>
#include <vector>

#include "text/types.h"

namespace ev::platform {

// One GL texture kept in step with the text engine's glyph atlas. The atlas is single-channel
// coverage; the texture is RGBA white with alpha = coverage, so ImGui's shader (vertex colour
// times texture) draws glyphs in the vertex colour with no shader of our own.
class GlAtlasTexture {
public:
    GlAtlasTexture() = default;
    ~GlAtlasTexture();
    GlAtlasTexture(const GlAtlasTexture&) = delete;
    GlAtlasTexture& operator=(const GlAtlasTexture&) = delete;

    // Uploads the atlas when its size or generation changed since the last call, and returns
    // the texture to draw with; nullptr while the atlas is empty.
    ImTextureID sync(const text::AtlasView& atlas);

private:
    unsigned texture_ = 0;       // GL name; 0 until the first upload
    int width_ = 0, height_ = 0; // size of the texture's storage, pixels
    std::uint64_t generation_ = 0;
};

// The w x h pixels of the back buffer as RGBA, top row first, opaque. Call after drawing and
// before swapping: after a swap the back buffer's contents are undefined.
std::vector<std::uint8_t> readPixels(int w, int h);

} // namespace ev::platform
