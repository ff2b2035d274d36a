// Fuzz target: one page file as the comms team writes it, front matter (TOML between +++
// lines) then Markdown, read by the pack tool as lint and build do.
#include <cstdint>
#include <string_view>

#include "core/pack/markdown.h"
#include "diagnostics.h"
#include "source.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    evpack::Diagnostics diag;
    const auto page = evpack::parsePageFile(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.md", diag);
    if (!page) return 0;
    try {
        (void)ev::parseMarkdown(page->markdown, page->bodyLine);
    } catch (const ev::MarkdownError&) {
    }
    return 0;
}
