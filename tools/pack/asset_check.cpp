#include "asset_check.h"

#include <cstring>
#include <set>
#include <vector>

#include "core/pack/media.h"
#include "media/png_image.h"

namespace evpack {

namespace fs = std::filesystem;

namespace {

void checkImage(const fs::path& file, std::span<const std::uint8_t> bytes, Diagnostics& diag) {
    std::string error;
    const auto image = ev::decodePng(bytes, error);
    if (!image) {
        diag.error(file, 1, "not a PNG image the kiosk can show (" + error + "); save it again as PNG");
        return;
    }
    if (image->width > kMaxImageSidePx || image->height > kMaxImageSidePx)
        diag.warning(file, 1, std::to_string(image->width) + " x " + std::to_string(image->height) +
                                  " pixels, over the " + std::to_string(kMaxImageSidePx) +
                                  " a side that is plenty for a kiosk: make it smaller");
    if (bytes.size() > kMaxImageBytes)
        diag.warning(file, 1, std::to_string((bytes.size() + 1023) / 1024) + " KB, over the " +
                                  std::to_string(kMaxImageBytes / 1024 / 1024) + " MB an image should take: make it smaller");
}

} // namespace

std::optional<std::string> oggProblem(std::span<const std::uint8_t> b) {
    // A page header is 27 bytes, then one lacing value per segment, then the packet.
    if (b.size() < 27 || std::memcmp(b.data(), "OggS", 4) != 0) return "not an Ogg file (it does not start with OggS)";
    if (b[4] != 0) return "an Ogg file of an unknown version";
    if (!(b[5] & 0x02)) return "a damaged Ogg file (its first page does not begin a stream)";
    const std::size_t packet = 27 + std::size_t{b[26]};
    const auto starts = [&](const char* id, std::size_t n) {
        return b.size() >= packet + n && std::memcmp(b.data() + packet, id, n) == 0;
    };
    if (b.size() <= packet) return "a damaged Ogg file (cut short)";
    if (starts("\x01vorbis", 7) || starts("OpusHead", 8)) return std::nullopt;
    return "an Ogg file of another codec: narration must be Vorbis or Opus";
}

void checkAssets(const Source& src, Diagnostics& diag) {
    std::set<std::string> used;
    const auto use = [&](const fs::path& file, int line, const std::string& name, const char* what) {
        used.insert(name);
        if (!src.assets.contains(name))
            diag.error(file, line, std::string(what) + " '" + name + "' is not in " + src.assetsDir.string() + "/");
    };
    for (const ev::Page& page : src.pack.pages) {
        for (const auto& [tag, text] : page.text) {
            const PageFile& pf = src.files.at(page.id).at(tag);
            for (const ev::Block& b : text.body.blocks)
                if (b.kind == ev::Block::Kind::Image) use(pf.file, b.line, b.image, "image");
            if (!text.narration.empty()) use(pf.file, pf.line("narration"), text.narration, "narration");
        }
    }
    for (const auto& [name, file] : src.assets) {
        const std::string_view type = ev::mediaTypeFor(name);
        if (type.empty()) {
            diag.warning(file, 1, "not an image (.png) or a recording (.ogg, .opus); left out of the pack");
            continue;
        }
        const std::vector<std::uint8_t> bytes = src.assetBytes(name);
        if (type == ev::kPngType) {
            checkImage(file, bytes, diag);
        } else if (const auto problem = oggProblem(bytes)) {
            diag.error(file, 1, *problem);
        }
        if (!used.contains(name)) diag.warning(file, 1, "no page uses this file; it is left out of the pack");
    }
}

} // namespace evpack
