// Fuzz target: a pack file as the kiosk opens it (readPack: header, SQLite, schema, rows,
// Markdown), then each image decoded as a page would draw it. The bytes go to a file
// because a pack is opened by path, like a real one.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/pack/pack_reader.h"
#include "media/png_image.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("ev-fuzz-" + std::to_string(::getpid()) + ".evpack");
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const ev::Pack pack = ev::readPack(file);
        std::string error;
        for (const auto& [name, m] : pack.mediaByName)
            if (m.type == ev::kPngType) (void)ev::decodePng(m.bytes, error);
    } catch (const ev::PackError&) {
    }
    std::filesystem::remove(file);
    return 0;
}
