#pragma once
// Phone numbers in right-to-left text. Plain UBA resolves the space in "0800 1111" to the
// paragraph's direction when Urdu precedes it, so the two digit groups swap places on screen.
// BiDi is therefore run on a copy in which every separator inside a number group is a digit,
// and the line breaker is kept out of number groups.
#include <string>
#include <vector>

namespace ev::text {

struct NumberGroups {
    std::u16string forBidi;  // same length as the text; separators in groups replaced by digits
    std::vector<bool> inside; // per UTF-16 index: a break here would split a number group
};

// A group is an optional '+', then digits, then one or more of (a single space, no-break
// space, narrow no-break space, '-', '.' or '/', then digits).
NumberGroups findNumberGroups(const std::u16string& text);

} // namespace ev::text
