#pragma once
// The images and narration recordings a pack carries (its media table), and the names pages
// give them: a file in the content folder's assets/, named in the Markdown (an image) or in
// a page's front matter (narration). docs/pack-format.md describes the tables.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ev {

inline constexpr std::string_view kPngType = "image/png";
inline constexpr std::string_view kOggType = "audio/ogg"; // Ogg Vorbis or Ogg Opus

struct MediaItem {
    std::string name;                // as in assets/, e.g. "trusted-adults.png"
    std::string type;                // kPngType or kOggType
    // The file as the comms team gave it, checked by lint but not by the kiosk: whoever
    // decodes it must expect damaged bytes.
    std::vector<std::uint8_t> bytes;
};

// A file name a page may use for an asset: a-z, A-Z, 0-9, '-', '_' and '.', not starting
// with '.', no folder, at most 100 characters. It becomes a file name in export-html.
bool validMediaName(std::string_view name);

// The media type a name's extension gives: ".png" an image, ".ogg" or ".opus" a recording;
// empty for anything else.
std::string_view mediaTypeFor(std::string_view name);

} // namespace ev
