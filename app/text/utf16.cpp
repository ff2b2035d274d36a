#include "text/utf16.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>

namespace ev::text {

bool isLineBreak(char16_t c) {
    return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

LogicalText toUtf16(std::span<const Run> runs) {
    LogicalText out;
    for (const Run& run : runs) {
        out.runStart.push_back(std::int32_t(out.text.size()));
        if (run.utf8.empty()) continue;
        // UTF-16 never needs more units than UTF-8 has bytes.
        const std::size_t at = out.text.size();
        out.text.resize(at + run.utf8.size());
        int32_t length = 0, subs = 0;
        UErrorCode status = U_ZERO_ERROR;
        u_strFromUTF8WithSub(&out.text[at], int32_t(run.utf8.size()), &length, run.utf8.data(),
                             int32_t(run.utf8.size()), 0xFFFD, &subs, &status);
        if (U_FAILURE(status)) { // only for absurd lengths; keep the paragraph drawable
            length = 1;
            out.text[at] = u'\uFFFD';
            subs = 1;
        }
        out.text.resize(at + std::size_t(length));
        out.replaced += subs;
    }
    out.runStart.push_back(std::int32_t(out.text.size()));
    for (char16_t& c : out.text)
        if (u_charType(c) == U_CONTROL_CHAR && !isLineBreak(c)) c = u' ';
    return out;
}

} // namespace ev::text
