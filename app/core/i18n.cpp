#include "i18n.h"

#include <unicode/locdspnm.h>
#include <unicode/msgfmt.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace ev {

std::string autonym(const std::string& tag) {
    const icu::Locale locale(tag.c_str());
    // UI-list capitalisation: "polski" becomes "Polski" where the language capitalises at all.
    UDisplayContext contexts[] = {UDISPCTX_CAPITALIZATION_FOR_UI_LIST_OR_MENU, UDISPCTX_DIALECT_NAMES};
    std::unique_ptr<icu::LocaleDisplayNames> names(
        icu::LocaleDisplayNames::createInstance(locale, contexts, 2));
    icu::UnicodeString name;
    if (names) names->localeDisplayName(locale, name);
    if (name.isEmpty()) return tag;
    std::string out;
    name.toUTF8String(out);
    return out;
}

bool isRightToLeft(const std::string& tag) { return uloc_isRightToLeft(tag.c_str()); }

std::string formatMessage(const std::string& pattern, const std::string& tag,
                          const std::map<std::string, long>& args) {
    UErrorCode status = U_ZERO_ERROR;
    icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern), icu::Locale(tag.c_str()), status);
    if (U_FAILURE(status)) return pattern;
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const auto& [name, value] : args) {
        names.push_back(icu::UnicodeString::fromUTF8(name));
        values.emplace_back(static_cast<int64_t>(value));
    }
    icu::UnicodeString result;
    format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), result, status);
    if (U_FAILURE(status)) return pattern;
    std::string out;
    result.toUTF8String(out);
    return out;
}

} // namespace ev
