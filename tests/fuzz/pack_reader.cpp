// Fuzz target: a pack file as the kiosk opens it (readPack: header, SQLite, schema, rows,
// Markdown, session plans), then each image decoded as a page would draw it and each plan's
// and audience's deck made in every language as present mode makes it. The bytes go to a file
// because a pack is opened by path, like a real one.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/pack/deck.h"
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
        std::vector<std::string> sources;
        for (const ev::Plan& plan : pack.plans) sources.push_back("plan:" + plan.id);
        for (const ev::Audience a : ev::kAllAudiences) sources.push_back(std::string("topics:") + ev::audienceId(a));
        for (const std::string& source : sources)
            for (const ev::LocaleInfo& locale : pack.locales)
                if (const auto deck = ev::deckFor(pack, source, locale.tag))
                    for (const ev::DeckStep& step : deck->steps)
                        for (const ev::Page& page : pack.pages)
                            if (page.id == step.pageId)
                                for (const auto& [t, text] : page.text) (void)ev::stepBlocks(step, text);
    } catch (const ev::PackError&) {
    }
    std::filesystem::remove(file);
    return 0;
}
