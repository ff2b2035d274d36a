#pragma once
// Checks of a content folder's assets/: every image and narration a page names is there and
// is what its name says (a PNG libpng decodes; an Ogg stream of Vorbis or Opus), images are
// of a sensible size, and no file lies there unused.
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "diagnostics.h"
#include "source.h"

namespace evpack {

// Images larger than this on a side, pixels, or than kMaxImageBytes, draw no sharper on a
// 1080-pixel-wide kiosk and make the pack slower to copy: lint warns.
inline constexpr int kMaxImageSidePx = 2048;
inline constexpr std::size_t kMaxImageBytes = 2 * 1024 * 1024;

void checkAssets(const Source& src, Diagnostics& diag);

// Why bytes are not the start of an Ogg Vorbis or Ogg Opus stream; nullopt if they are. Only
// the first page is read (the capture pattern "OggS", a stream's first page, its codec's
// identification packet): enough to catch a file of another format saved under .ogg.
std::optional<std::string> oggProblem(std::span<const std::uint8_t> bytes);

} // namespace evpack
