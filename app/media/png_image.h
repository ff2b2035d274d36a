#pragma once
// PNG images decoded to RGBA for drawing, with libpng's simplified API. Core rather than
// platform: the decoding needs no GL, and the pack tool checks images with the same code the
// kiosk draws them with.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ev {

// The largest image side the kiosk decodes, pixels: 4096 x 4096 RGBA is 64 MB, already
// more than a page needs (lint warns above 2048, see tools/pack/asset_check.h).
inline constexpr int kMaxImageSide = 4096;

struct RgbaImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels; // width * height * 4 bytes, top row first, straight alpha
};

// The image, or nullopt with the reason in error (not a PNG, damaged, larger than
// kMaxImageSide a side). Never throws: a damaged image in a pack must not stop a kiosk.
std::optional<RgbaImage> decodePng(std::span<const std::uint8_t> bytes, std::string& error);

} // namespace ev
