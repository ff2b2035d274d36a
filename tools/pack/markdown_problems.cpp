#include "markdown_problems.h"

#include <algorithm>
#include <utility>

namespace evpack {

namespace {

std::vector<std::string_view> lines(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t nl = std::min(text.find('\n', start), text.size());
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

bool blank(std::string_view l) { return l.find_first_not_of(" \t\r") == std::string_view::npos; }

// Characters, not bytes, before byte offset at.
int characters(std::string_view l, std::size_t at) {
    int n = 0;
    for (std::size_t i = 0; i < at && i < l.size(); ++i) n += (static_cast<unsigned char>(l[i]) & 0xC0) != 0x80;
    return n;
}

// Where on its line the problem is: the 'quoted' text the message names, else the line's first text.
int columnFor(std::string_view line, const std::string& message) {
    const std::size_t open = message.find('\'');
    const std::size_t close = open == std::string::npos ? std::string::npos : message.find('\'', open + 1);
    if (close != std::string::npos && close > open + 1) {
        const std::size_t at = line.find(std::string_view(message).substr(open + 1, close - open - 1));
        if (at != std::string_view::npos) return characters(line, at) + 1;
    }
    // Messages about a kind of text name no text: look for its mark.
    for (const auto& [word, mark] : {std::pair{"HTML", "<"}, {"code", "`"}, {"entity", "&"}, {"image", "!["}}) {
        if (message.find(word) == std::string::npos) continue;
        if (const std::size_t at = line.find(mark); at != std::string_view::npos) return characters(line, at) + 1;
    }
    const std::size_t first = line.find_first_not_of(" \t");
    return first == std::string_view::npos ? 1 : characters(line, first) + 1;
}

} // namespace

ParsedMarkdown parseReportingAll(std::string_view markdown, int firstLine) {
    const std::vector<std::string_view> all = lines(markdown);
    ParsedMarkdown parsed;
    std::vector<MarkdownProblem>& out = parsed.problems;
    auto add = [&](const ev::MarkdownError& e) {
        for (const MarkdownProblem& p : out)
            if (p.line == e.line && p.message == e.what()) return;
        const int index = e.line - firstLine;
        const std::string_view line = index >= 0 && index < static_cast<int>(all.size()) ? all[index] : std::string_view();
        out.push_back({e.line, columnFor(line, e.what()), e.what()});
    };
    try {
        parsed.document = ev::parseMarkdown(markdown, firstLine);
        return parsed;
    } catch (const ev::MarkdownError& e) {
        add(e);
    }
    // Each block alone. An indented block continues a list item and means nothing alone.
    std::size_t start = 0;
    const char* base = markdown.data();
    while (start < all.size()) {
        while (start < all.size() && blank(all[start])) ++start;
        std::size_t end = start;
        while (end < all.size() && !blank(all[end])) ++end;
        if (start < all.size() && all[start].front() != ' ' && all[start].front() != '\t') {
            const std::size_t from = static_cast<std::size_t>(all[start].data() - base);
            const std::size_t to = static_cast<std::size_t>(all[end - 1].data() + all[end - 1].size() - base);
            try {
                ev::parseMarkdown(markdown.substr(from, to - from), firstLine + static_cast<int>(start));
            } catch (const ev::MarkdownError& e) {
                add(e);
            }
        }
        start = end;
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
    return parsed;
}

} // namespace evpack
