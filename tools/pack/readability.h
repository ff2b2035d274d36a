#pragma once
// How hard a page is to read, by the Flesch-Kincaid grade level (Kincaid et al., 1975):
// 0.39 x words per sentence + 11.8 x syllables per word - 15.59. A US school grade; the
// reading age is about the grade plus 5. It is defined for English only.
#include "core/pack/markdown.h"

namespace evpack {

struct Readability {
    int words = 0;
    int sentences = 0;
    int syllables = 0;
    double grade() const;      // Flesch-Kincaid grade level; 0 for an empty page
    double readingAge() const { return grade() + 5; }
};

// Headings and list items count as sentences of their own, as a reader takes them.
Readability measure(const ev::Document& doc);

// English syllables in one word, by vowel groups (a silent final e not counted), at least 1.
int syllables(std::string_view word);

} // namespace evpack
