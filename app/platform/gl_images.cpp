#include "platform/gl_images.h"

#include <GL/gl.h>

#include <cstdint>

namespace ev::platform {

std::optional<ui::Texture> GlImageUploader::upload(const RgbaImage& image) {
    GLint maxSide = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSide);
    if (image.width > maxSide || image.height > maxSide) return std::nullopt;
    GLuint texture = 0;
    glGenTextures(1, &texture);
    if (!texture) return std::nullopt;
    glBindTexture(GL_TEXTURE_2D, texture);
    // Images are drawn scaled to the column: linear filtering in both directions.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    // Errors left by earlier calls would be taken for this upload's.
    for (int i = 0; i < 8 && glGetError() != GL_NO_ERROR; ++i) {
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
    if (glGetError() != GL_NO_ERROR) {
        glDeleteTextures(1, &texture);
        return std::nullopt;
    }
    return ui::Texture{reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture)), image.width, image.height};
}

void GlImageUploader::release(const ui::Texture& texture) {
    const auto name = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(texture.id));
    glDeleteTextures(1, &name);
}

} // namespace ev::platform
