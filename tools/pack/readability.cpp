#include "readability.h"

#include <cctype>
#include <string>

namespace evpack {

namespace {

bool vowel(char c) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

} // namespace

int syllables(std::string_view word) {
    std::string w;
    for (char c : word)
        if (std::isalpha(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w.empty()) return 0;
    int groups = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (vowel(w[i]) && (i == 0 || !vowel(w[i - 1]))) ++groups;
    // "make", "time": the final e is silent; "little", "people": the -le is a syllable.
    if (w.size() > 2 && w.back() == 'e' && !vowel(w[w.size() - 2]) && !(w[w.size() - 2] == 'l' && !vowel(w[w.size() - 3])))
        --groups;
    return groups < 1 ? 1 : groups;
}

double Readability::grade() const {
    if (words == 0 || sentences == 0) return 0;
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
}

Readability measure(const ev::Document& doc) {
    Readability r;
    for (const ev::Block& b : doc.blocks) {
        const std::string text = b.plainText();
        int ends = 0;
        std::string word;
        const auto endWord = [&] {
            if (word.empty()) return;
            if (const int n = syllables(word); n > 0) {
                ++r.words;
                r.syllables += n;
            }
            word.clear();
        };
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '.' || c == '!' || c == '?') {
                endWord();
                // "0800 1111." ends a sentence; "childline.org.uk" does not.
                if (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1]))) ++ends;
            } else if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ':' || c == ';') {
                endWord();
            } else {
                word += c;
            }
        }
        endWord();
        r.sentences += ends > 0 ? ends : 1;
    }
    return r;
}

} // namespace evpack
