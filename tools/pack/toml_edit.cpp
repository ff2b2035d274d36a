#include "toml_edit.h"

#include <cstdio>

namespace evpack {

std::string tomlString(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

std::string tomlMultiline(std::string_view s) {
    if (s.find("'''") != std::string_view::npos || s.find('\r') != std::string_view::npos) return tomlString(s);
    return "'''\n" + std::string(s) + "'''";
}

namespace {

// The end of the one-line TOML value starting at i, or npos if it does not end on this line.
std::size_t valueEnd(std::string_view l, std::size_t i) {
    int depth = 0;
    while (i < l.size()) {
        const char c = l[i];
        if (c == '"' || c == '\'') {
            if (l.substr(i, 3) == std::string(3, c)) return std::string_view::npos; // multi-line string
            ++i;
            while (i < l.size() && l[i] != c) i += (c == '"' && l[i] == '\\') ? 2 : 1;
            if (i >= l.size()) return std::string_view::npos;
            ++i;
        } else if (c == '[' || c == '{') {
            ++depth;
            ++i;
        } else if (c == ']' || c == '}') {
            --depth;
            ++i;
        } else if (depth == 0 && (c == '#' || c == ' ' || c == '\t' || c == '\r')) {
            break;
        } else {
            ++i;
        }
        if (depth == 0 && (c == '"' || c == '\'' || c == ']' || c == '}')) break;
    }
    return depth == 0 ? i : std::string_view::npos;
}

} // namespace

bool replaceTomlValue(std::string& text, int line, std::string_view value) {
    std::size_t start = 0;
    for (int i = 1; i < line; ++i) {
        start = text.find('\n', start);
        if (start == std::string::npos) return false;
        ++start;
    }
    const std::size_t stop = std::min(text.find('\n', start), text.size());
    const std::string_view l(text.data() + start, stop - start);
    const std::size_t eq = l.find('=');
    if (eq == std::string_view::npos) return false;
    std::size_t v = eq + 1;
    while (v < l.size() && (l[v] == ' ' || l[v] == '\t')) ++v;
    const std::size_t end = valueEnd(l, v);
    if (end == std::string_view::npos || end == v) return false;
    text.replace(start + v, end - v, value);
    return true;
}

} // namespace evpack
