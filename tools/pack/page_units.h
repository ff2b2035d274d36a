#pragma once
// A page's Markdown cut into the pieces a translator translates (headings, paragraphs, list
// items, image alt text) and the structure around them (list markers, "## ", "![...](file)"),
// so that a translation can be rebuilt with exactly the English page's structure.
#include <string>
#include <string_view>
#include <vector>

namespace evpack {

struct TextUnit {
    std::string id;      // "b1", "b2", ... in page order
    std::string before;  // structure before the text: "## ", "- ", "![" (blocks apart by "\n\n")
    std::string text;    // what is translated: inline Markdown (bold, links) kept as written
    std::string after;   // structure after it: "](trusted-adults.png)" for an image, else ""
    bool altText() const { return before.ends_with("!["); }
};

// Blocks are separated by blank lines; in a block, a line starting with a list marker
// ("- ", "* ", "+ ", "1. ", indented or not) starts an item, other lines continue the item or
// paragraph before them. A block that is only an image gives its alt text as the unit.
std::vector<TextUnit> splitPage(std::string_view markdown);

// The Markdown of units (as splitPage gave them, with text replaced).
std::string joinPage(const std::vector<TextUnit>& units);

// Same structure: the same number of units with the same before and after.
bool sameStructure(const std::vector<TextUnit>& a, const std::vector<TextUnit>& b);

// The link targets in inline Markdown, in order: "page:signs-to-notice", "help".
std::vector<std::string> linkTargets(std::string_view text);

} // namespace evpack
