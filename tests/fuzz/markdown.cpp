// Fuzz target: page Markdown (core parseMarkdown), as the kiosk parses it when it loads a pack.
// A MarkdownError is the expected answer to bad input; anything else escaping is a bug.
#include <cstdint>
#include <string_view>

#include "core/pack/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const ev::Document doc = ev::parseMarkdown(std::string_view(reinterpret_cast<const char*>(data), size), 3);
        (void)doc.links();
    } catch (const ev::MarkdownError&) {
    }
    return 0;
}
