#include "page_units.h"

#include <cctype>

namespace evpack {

namespace {

// Length of a list marker with its following space at the start of line (after indent), or 0.
std::size_t markerLength(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') && i + 1 < line.size() && line[i + 1] == ' ')
        return i + 2;
    std::size_t d = i;
    while (d < line.size() && std::isdigit(static_cast<unsigned char>(line[d]))) ++d;
    if (d > i && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ') return d + 2;
    return 0;
}

std::size_t headingLength(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == '#') ++i;
    return i > 0 && i <= 6 && i < line.size() && line[i] == ' ' ? i + 1 : 0;
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

std::vector<std::string_view> lines(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        std::string_view l = text.substr(0, nl);
        if (l.ends_with('\r')) l.remove_suffix(1);
        out.push_back(l);
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

} // namespace

std::vector<TextUnit> splitPage(std::string_view markdown) {
    std::vector<TextUnit> units;
    bool newBlock = true;
    bool open = false; // the last unit may take continuation lines
    for (std::string_view line : lines(markdown)) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (blank(line)) {
            newBlock = true;
            open = false;
            continue;
        }
        const std::string sep = units.empty() ? "" : newBlock ? "\n\n" : "\n";
        const std::size_t h = headingLength(line), m = markerLength(line);
        if (newBlock && line.starts_with("![") && line.ends_with(")") && line.find("](") != std::string_view::npos) {
            const std::size_t close = line.rfind("](");
            units.push_back({"", sep + "![", std::string(line.substr(2, close - 2)), std::string(line.substr(close)) });
            open = false;
        } else if (h || m) {
            const std::size_t n = h ? h : m;
            units.push_back({"", sep + std::string(line.substr(0, n)), std::string(line.substr(n)), ""});
            open = m != 0;
        } else if (open && !newBlock) {
            units.back().text += "\n" + std::string(line);
        } else {
            units.push_back({"", sep, std::string(line), ""});
            open = true;
        }
        newBlock = false;
    }
    for (std::size_t i = 0; i < units.size(); ++i) units[i].id = "b" + std::to_string(i + 1);
    return units;
}

std::string joinPage(const std::vector<TextUnit>& units) {
    std::string out;
    for (const TextUnit& u : units) out += u.before + u.text + u.after;
    return out + "\n";
}

bool sameStructure(const std::vector<TextUnit>& a, const std::vector<TextUnit>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].before != b[i].before || a[i].after != b[i].after) return false;
    return true;
}

std::vector<std::string> linkTargets(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t at = text.find("]("); at != std::string_view::npos; at = text.find("](", at + 2)) {
        const std::size_t end = text.find(')', at + 2);
        if (end == std::string_view::npos) break;
        out.emplace_back(text.substr(at + 2, end - at - 2));
    }
    return out;
}

} // namespace evpack
