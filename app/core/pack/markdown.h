#pragma once
// The subset of Markdown a page may use, parsed into blocks the UI lays out and the pack tool
// lints: headings, paragraphs, bullet and numbered lists, bold, emphasis, links and images.
// A link's target is a kiosk location: "page:<page-id>" or "help" (the same words as --goto).
// An image stands alone in its paragraph, ![alt text](name.png), naming a PNG in the pack's
// media (core/pack/media.h); its alt text is required, since some readers cannot see it.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ev {

struct Span {
    std::string text;
    bool strong = false;
    bool emphasis = false;
    std::string link; // empty, "page:<id>" or "help"
};

struct Block {
    enum class Kind { Heading, Paragraph, ListItem, Image };
    Kind kind = Kind::Paragraph;
    int level = 0;        // heading level 1-3, or list nesting depth starting at 1
    bool ordered = false; // list items: numbered
    int number = 0;       // list items: the item's number when ordered
    std::vector<Span> spans; // an image's are its alt text, one plain span
    std::string image;       // images: the media name, "trusted-adults.png"
    int line = 0;         // 1-based source line, for lint messages
    // The spans' text joined, without their styles or links: what a reader hears and a font
    // must draw.
    std::string plainText() const;
};

struct Document {
    std::vector<Block> blocks;
    // Every distinct link target, in order of first appearance.
    std::vector<std::string> links() const;
};

struct MarkdownError : std::runtime_error {
    MarkdownError(int line, const std::string& what) : std::runtime_error(what), line(line) {}
    int line;
};

// Throws MarkdownError for constructs the kiosk cannot show (raw HTML, images inside text or
// without alt text, tables, code blocks, links that are not kiosk locations). firstLine offsets line numbers
// for text that followed front matter.
Document parseMarkdown(std::string_view markdown, int firstLine = 1);

} // namespace ev
