#include "platform/gl_texture.h"

#include <GL/gl.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace ev::platform {

GlAtlasTexture::~GlAtlasTexture() {
    if (texture_) glDeleteTextures(1, &texture_);
}

namespace {

bool canSwizzle() {
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major); // GL 3.0 and later; older ones leave 0
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    if (major > 3 || (major == 3 && minor >= 3)) return true;
    const auto* extensions = reinterpret_cast<const char*>(glGetString(GL_EXTENSIONS));
    return extensions && (std::strstr(extensions, "GL_ARB_texture_swizzle") || std::strstr(extensions, "GL_EXT_texture_swizzle"));
}

ImTextureID id(unsigned texture) { return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture)); }

} // namespace

ImTextureID GlAtlasTexture::sync(const text::AtlasView& atlas, std::span<const text::AtlasRect> changed) {
    if (atlas.width <= 0 || atlas.height <= 0 || !atlas.pixels) return nullptr;
    const bool sameSize = texture_ && atlas.width == width_ && atlas.height == height_;
    if (sameSize && changed.empty()) return id(texture_);

    if (!texture_) {
        glGenTextures(1, &texture_);
        glBindTexture(GL_TEXTURE_2D, texture_);
        // Quads are drawn at the glyphs' own pixel size, so linear filtering only smooths
        // sub-pixel placement; clamping keeps edge glyphs from sampling the opposite edge.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        oneChannel_ = oneChannel_ && canSwizzle();
        if (oneChannel_) {
            const GLint whiteWithCoverage[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
            glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, whiteWithCoverage);
        }
    } else {
        glBindTexture(GL_TEXTURE_2D, texture_);
    }
    if (!sameSize) {
        // New storage, filled from the atlas whatever the changes say.
        glTexImage2D(GL_TEXTURE_2D, 0, oneChannel_ ? GL_R8 : GL_RGBA8, atlas.width, atlas.height, 0,
                     oneChannel_ ? GL_RED : GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        width_ = atlas.width;
        height_ = atlas.height;
        upload(atlas, text::AtlasRect{0, 0, atlas.width, atlas.height});
    } else {
        for (const text::AtlasRect& r : changed) upload(atlas, r);
    }
    return id(texture_);
}

void GlAtlasTexture::upload(const text::AtlasView& atlas, const text::AtlasRect& r) {
    if (r.empty()) return;
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    if (oneChannel_) {
        // Straight from the atlas: its rows are the rectangle's, atlas.width apart.
        glPixelStorei(GL_UNPACK_ROW_LENGTH, atlas.width);
        const std::uint8_t* first = atlas.pixels + std::size_t(r.y) * std::size_t(atlas.width) + std::size_t(r.x);
        glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.width, r.height, GL_RED, GL_UNSIGNED_BYTE, first);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        return;
    }
    std::vector<std::uint8_t> rgba(std::size_t(r.width) * std::size_t(r.height) * 4, 0xFF);
    for (int y = 0; y < r.height; ++y) {
        const std::uint8_t* src = atlas.pixels + std::size_t(r.y + y) * std::size_t(atlas.width) + std::size_t(r.x);
        std::uint8_t* dst = rgba.data() + std::size_t(y) * std::size_t(r.width) * 4;
        for (int x = 0; x < r.width; ++x) dst[std::size_t(x) * 4 + 3] = src[x];
    }
    glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.width, r.height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
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
