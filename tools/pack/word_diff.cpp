#include "word_diff.h"

#include <vector>

namespace evpack {

namespace {

// Words, with each line end a token of its own so the result keeps its lines.
std::vector<std::string_view> tokens(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '\n') {
            out.push_back(s.substr(i++, 1));
        } else if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
            ++i;
        } else {
            const std::size_t start = i;
            while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') ++i;
            out.push_back(s.substr(start, i - start));
        }
    }
    return out;
}

} // namespace

std::string wordDiff(std::string_view before, std::string_view after) {
    const auto a = tokens(before), b = tokens(after);
    // Longest common subsequence, table from the ends.
    std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (std::size_t i = a.size(); i-- > 0;)
        for (std::size_t j = b.size(); j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);

    std::string out, line;
    bool changed = false;
    std::string removed, added;
    auto word = [&](std::string_view w) { line += (line.empty() ? "" : " ") + std::string(w); };
    auto flush = [&] {
        if (!removed.empty()) word("[-" + removed + "-]");
        if (!added.empty()) word("{+" + added + "+}");
        changed = changed || !removed.empty() || !added.empty();
        removed.clear();
        added.clear();
    };
    auto endLine = [&] {
        flush();
        if (changed) out += line + "\n";
        line.clear();
        changed = false;
    };
    auto append = [](std::string& to, std::string_view w) { to += (to.empty() ? "" : " ") + std::string(w); };
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            flush();
            if (a[i] == "\n") endLine();
            else word(a[i]);
            ++i, ++j;
        } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
            if (b[j] == "\n") endLine();
            else append(added, b[j]);
            ++j;
        } else {
            if (a[i] != "\n") append(removed, a[i]);
            else changed = true;
            ++i;
        }
    }
    endLine();
    return out;
}

} // namespace evpack
