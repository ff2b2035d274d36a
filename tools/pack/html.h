#pragma once
// HTML text for export-html: escaping, and a page body built from core's parsed Markdown.
// Nothing from a pack reaches the output unescaped; the Markdown subset has no raw HTML, and
// the blocks and spans of ev::Document are all that is turned into elements.
#include <functional>
#include <string>
#include <string_view>

#include "core/pack/markdown.h"

namespace evpack {

// Escapes & < > " ' so the text is safe in element content and in quoted attributes.
std::string escapeHtml(std::string_view text);

// Text for element content: escaped, and each number written in groups ("0800 1111") kept
// left to right as one unit, which in Urdu text the Unicode BiDi algorithm would otherwise
// show as "1111 0800" (the kiosk does the same in text/numbers.h).
std::string textHtml(std::string_view text);

// The href of a kiosk location ("page:<id>" or "help") on the website, or "" when the page
// does not exist (the link text is then kept, as plain text).
using LinkResolver = std::function<std::string(const std::string& target)>;

// The HTML for an image block, from its media name and alt text (plain text).
using ImageHtml = std::function<std::string(const std::string& name, const std::string& alt)>;

// The blocks of a page as HTML. Headings start at <h2> (the page title is the <h1>) and
// never skip a level, as screen-reader users navigate by them.
std::string documentHtml(const ev::Document& doc, const LinkResolver& href, const ImageHtml& image);

} // namespace evpack
