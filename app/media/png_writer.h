#pragma once
// Screenshots as PNG files (libpng), for --screenshot, scripts and the end-to-end tests.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace ev {

// Writes w x h RGBA pixels, top row first, as an 8-bit RGBA PNG. The file appears whole or not
// at all: it is written beside `path` under a temporary name and renamed over it. On failure
// returns false and sets `error` to one line.
bool writePng(const std::filesystem::path& path, int w, int h, std::span<const std::uint8_t> rgba,
              std::string& error);

} // namespace ev
