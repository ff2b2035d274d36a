#include "platform/gl_texture.h"

#include <GL/gl.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace ev::platform {

GlAtlasTexture::~GlAtlasTexture() {
    if (texture_) glDeleteTextures(1, &texture_);
}

ImTextureID GlAtlasTexture::sync(const text::AtlasView& atlas) {
    if (atlas.width <= 0 || atlas.height <= 0 || !atlas.pixels) return nullptr;
    const bool sameSize = texture_ && atlas.width == width_ && atlas.height == height_;
    if (sameSize && atlas.generation == generation_) return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture_));

    // Not kept between uploads: uploads are rare (new glyphs) and the driver holds its own copy.
    const std::size_t count = static_cast<std::size_t>(atlas.width) * static_cast<std::size_t>(atlas.height);
    std::vector<std::uint8_t> rgba(count * 4, 0xFF);
    for (std::size_t i = 0; i < count; ++i) rgba[i * 4 + 3] = atlas.pixels[i];

    if (!texture_) {
        glGenTextures(1, &texture_);
        glBindTexture(GL_TEXTURE_2D, texture_);
        // Quads are drawn at the glyphs' own pixel size, so linear filtering only smooths
        // sub-pixel placement; clamping keeps edge glyphs from sampling the opposite edge.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    } else {
        glBindTexture(GL_TEXTURE_2D, texture_);
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    if (sameSize) {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, atlas.width, atlas.height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    } else {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, atlas.width, atlas.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
        width_ = atlas.width;
        height_ = atlas.height;
    }
    generation_ = atlas.generation;
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture_));
}

std::vector<std::uint8_t> readPixels(int w, int h) {
    if (w <= 0 || h <= 0) return {};
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    std::vector<std::uint8_t> bottomUp(row * static_cast<std::size_t>(h));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, bottomUp.data());
    // GL's first row is the bottom one; a visual without alpha bits, or ImGui's blending into
    // one with them, must not make the screenshot see-through.
    std::vector<std::uint8_t> topDown(bottomUp.size());
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* src = bottomUp.data() + static_cast<std::size_t>(h - 1 - y) * row;
        std::uint8_t* dst = topDown.data() + static_cast<std::size_t>(y) * row;
        std::memcpy(dst, src, row);
        for (std::size_t x = 3; x < row; x += 4) dst[x] = 0xFF;
    }
    return topDown;
}

} // namespace ev::platform
