#include "media/png_image.h"

#include <png.h>

#include <new>

namespace ev {

std::optional<RgbaImage> decodePng(std::span<const std::uint8_t> bytes, std::string& error) {
    // The simplified API keeps libpng's longjmp inside libpng: errors come back as a message.
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
        error = image.message[0] ? image.message : "not a PNG image";
        png_image_free(&image);
        return std::nullopt;
    }
    if (image.width == 0 || image.height == 0 || image.width > kMaxImageSide || image.height > kMaxImageSide) {
        error = std::to_string(image.width) + " x " + std::to_string(image.height) + " pixels, over the " +
                std::to_string(kMaxImageSide) + " a side the kiosk draws";
        png_image_free(&image);
        return std::nullopt;
    }
    image.format = PNG_FORMAT_RGBA;
    RgbaImage out;
    out.width = static_cast<int>(image.width);
    out.height = static_cast<int>(image.height);
    try {
        out.pixels.resize(PNG_IMAGE_SIZE(image));
    } catch (const std::bad_alloc&) {
        error = "out of memory";
        png_image_free(&image);
        return std::nullopt;
    }
    if (!png_image_finish_read(&image, nullptr, out.pixels.data(), 0, nullptr)) {
        error = image.message[0] ? image.message : "damaged image data";
        png_image_free(&image);
        return std::nullopt;
    }
    // finish_read frees on success; warnings (bad ancillary chunks) leave a usable image.
    return out;
}

} // namespace ev
