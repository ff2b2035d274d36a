#include "ui/image_textures.h"

#include <cstdio>

namespace ev::ui {

void ImageTextures::clear() {
    for (const auto& [name, texture] : textures_)
        if (texture && uploader_) uploader_->release(*texture);
    textures_.clear();
}

const Texture* ImageTextures::get(const Pack& pack, const std::string& name) {
    if (!uploader_) return nullptr;
    auto it = textures_.find(name);
    if (it == textures_.end()) {
        std::string error = "not in the pack";
        const MediaItem* m = pack.media(name);
        const std::optional<RgbaImage> image = m ? decodePng(m->bytes, error) : std::nullopt;
        std::optional<Texture> texture;
        if (image && !(texture = uploader_->upload(*image))) error = "no texture could be made for it";
        // Once per pack, for staff reading the log: lint would have caught it before release.
        if (!texture) std::fprintf(stderr, "everyvoice: image %s: %s; its alt text is shown instead\n", name.c_str(), error.c_str());
        it = textures_.emplace(name, texture).first;
    }
    return it->second ? &*it->second : nullptr;
}

} // namespace ev::ui
