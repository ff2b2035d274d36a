#pragma once
// The pack's images as GL textures, for the ui's ImageTextures (ui/image_textures.h). Only
// the kiosk loop makes one, and only calls reach it while a frame is drawn, with the
// window's GL context current.
#include "ui/image_textures.h"

namespace ev::platform {

class GlImageUploader : public ui::TextureUploader {
public:
    std::optional<ui::Texture> upload(const RgbaImage& image) override;
    void release(const ui::Texture& texture) override;
};

} // namespace ev::platform
