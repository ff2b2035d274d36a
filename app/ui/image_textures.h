#pragma once
// The pack's images as textures ImGui draws. The ui decides which image shows where and how
// big; the platform, which alone makes GL calls, uploads pixels through TextureUploader, as
// it keeps the glyph atlas texture (TextPainter::setAtlasTexture).
#include <imgui.h>

#include <map>
#include <optional>
#include <string>

#include "core/pack/content.h"
#include "media/png_image.h"

namespace ev::ui {

struct Texture {
    ImTextureID id = nullptr;
    int width = 0, height = 0; // pixels
};

// Implemented by the platform (platform/gl_texture.h). Called only while drawing a frame,
// when the platform's GL context is current.
class TextureUploader {
public:
    virtual ~TextureUploader() = default;
    // A texture holding the image; nullopt if none could be made.
    virtual std::optional<Texture> upload(const RgbaImage& image) = 0;
    virtual void release(const Texture& texture) = 0;
};

// Each image of the pack shown, decoded and uploaded once, the first time a page asks for it.
// A damaged image, or any image with no uploader (UI tests), gives nullptr: the page then
// shows the image's alt text instead.
class ImageTextures {
public:
    ImageTextures() = default;
    ~ImageTextures() { clear(); }
    ImageTextures(const ImageTextures&) = delete;
    ImageTextures& operator=(const ImageTextures&) = delete;

    // The uploader must outlive this, or be replaced (by nullptr) first: clearing releases
    // its textures through it.
    void setUploader(TextureUploader* uploader) {
        clear();
        uploader_ = uploader;
    }
    // Releases every texture: another pack is shown, or the GL context is going.
    void clear();
    const Texture* get(const Pack& pack, const std::string& name);

private:
    TextureUploader* uploader_ = nullptr;
    std::map<std::string, std::optional<Texture>> textures_; // nullopt: tried and could not
};

} // namespace ev::ui
