#include "text/numbers.h"

#include <unicode/uchar.h>

namespace ev::text {

namespace {

bool digit(const std::u16string& t, std::size_t i) { return i < t.size() && u_isdigit(t[i]); }

bool separator(char16_t c) {
    return c == u' ' || c == u'\u00A0' || c == u'\u202F' || c == u'-' || c == u'.' || c == u'/';
}

} // namespace

NumberGroups findNumberGroups(const std::u16string& text) {
    NumberGroups out{text, std::vector<bool>(text.size() + 1, false)};
    for (std::size_t i = 0; i < text.size();) {
        const bool plus = text[i] == u'+' && digit(text, i + 1);
        if (!plus && !digit(text, i)) {
            ++i;
            continue;
        }
        const std::size_t firstDigit = plus ? i + 1 : i;
        std::size_t end = firstDigit;
        bool joined = plus;
        for (;;) {
            while (digit(text, end)) ++end;
            if (end < text.size() && separator(text[end]) && digit(text, end + 1)) {
                joined = true;
                ++end;
            } else {
                break;
            }
        }
        if (joined) {
            for (std::size_t k = i; k < end; ++k) {
                if (!u_isdigit(text[k])) out.forBidi[k] = text[firstDigit];
                if (k > i) out.inside[k] = true;
            }
        }
        i = end;
    }
    return out;
}

} // namespace ev::text
