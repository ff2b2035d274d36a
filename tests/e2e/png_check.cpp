// png_check FILE [WxH [RRGGBB]]: fails unless FILE is a PNG (of size WxH, if given) showing a
// real screen: more than a handful of colours and no single colour covering nearly all of it.
// With RRGGBB, also unless at least 1000 pixels are exactly that colour (a drawing's flat
// fill, shown unscaled or magnified).
#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: png_check FILE [WxH [RRGGBB]]\n");
        return 2;
    }
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, argv[1])) {
        std::fprintf(stderr, "%s: not a readable PNG: %s\n", argv[1], image.message);
        return 1;
    }
    image.format = PNG_FORMAT_RGBA;
    std::vector<png_uint_32> pixels(static_cast<std::size_t>(image.width) * image.height);
    if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) {
        std::fprintf(stderr, "%s: %s\n", argv[1], image.message);
        return 1;
    }
    if (argc > 2) {
        const std::string want = argv[2], got = std::to_string(image.width) + "x" + std::to_string(image.height);
        if (want != got) {
            std::fprintf(stderr, "%s: size %s, expected %s\n", argv[1], got.c_str(), want.c_str());
            return 1;
        }
    }
    std::unordered_map<png_uint_32, std::size_t> histogram;
    for (png_uint_32 p : pixels) ++histogram[p];
    std::size_t top = 0;
    for (const auto& [colour, n] : histogram) top = std::max(top, n);
    const double share = static_cast<double>(top) / static_cast<double>(pixels.size());
    std::printf("%s: %ux%u, %zu colours, commonest covers %.1f%%\n", argv[1], image.width, image.height,
                histogram.size(), share * 100);
    if (histogram.size() < 16 || share > 0.985) {
        std::fprintf(stderr, "%s: looks blank\n", argv[1]);
        return 1;
    }
    if (argc > 3) {
        const unsigned long rgb = std::strtoul(argv[3], nullptr, 16);
        // RGBA bytes in memory, read as a little-endian 32-bit value: A B G R.
        const png_uint_32 want = 0xFF000000u | ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF);
        const auto it = histogram.find(want);
        const std::size_t n = it == histogram.end() ? 0 : it->second;
        std::printf("%s: %zu pixels of #%s\n", argv[1], n, argv[3]);
        if (n < 1000) return 1;
    }
    return 0;
}
