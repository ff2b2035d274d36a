#include "core/i18n/i18n.h"

#include <unicode/localematcher.h>
#include <unicode/locdspnm.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/plurrule.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <memory>

namespace ev {

namespace {

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// Whole numbers a countdown or a count can take: enough to meet every CLDR integer category
// (Lithuanian "many" is fractional only; Welsh-style categories need 0-6; "many" in
// French-like rules starts at a million).
constexpr long kSampleNumbers[] = {0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 19, 21, 22, 25, 100, 101, 102, 111, 1000000};

} // namespace

namespace {

// A language's name as a reader of `in` writes it, as a label that stands alone.
std::string languageName(const std::string& tag, const icu::Locale& in) {
    const icu::Locale locale(tag.c_str());
    UDisplayContext contexts[] = {UDISPCTX_CAPITALIZATION_FOR_BEGINNING_OF_SENTENCE, UDISPCTX_DIALECT_NAMES};
    std::unique_ptr<icu::LocaleDisplayNames> names(icu::LocaleDisplayNames::createInstance(in, contexts, 2));
    icu::UnicodeString name;
    if (names) names->localeDisplayName(locale, name);
    return name.isEmpty() ? tag : utf8(name);
}

} // namespace

std::string autonym(const std::string& tag) { return languageName(tag, icu::Locale(tag.c_str())); }

std::string englishName(const std::string& tag) { return languageName(tag, icu::Locale::getEnglish()); }

bool isRightToLeft(const std::string& tag) { return uloc_isRightToLeft(tag.c_str()); }

std::string matchLocale(const std::vector<std::string>& supported, const std::string& wanted,
                        const std::string& fallback) {
    UErrorCode status = U_ZERO_ERROR;
    std::vector<icu::Locale> locales;
    for (const std::string& tag : supported) locales.push_back(icu::Locale::forLanguageTag(tag, status));
    const icu::Locale def = icu::Locale::forLanguageTag(fallback, status);
    icu::LocaleMatcher::Builder builder;
    for (const icu::Locale& l : locales) builder.addSupportedLocale(l);
    builder.setDefaultLocale(&def);
    // Never offer another language just because it is the closest there is.
    builder.setFavorSubtag(ULOCMATCH_FAVOR_SCRIPT);
    const icu::LocaleMatcher matcher = builder.build(status);
    const icu::Locale want = icu::Locale::forLanguageTag(wanted, status);
    if (U_FAILURE(status)) return fallback;
    const icu::Locale* best = matcher.getBestMatch(want, status);
    if (U_FAILURE(status) || !best) return fallback;
    for (std::size_t i = 0; i < locales.size(); ++i)
        if (locales[i] == *best) return supported[i];
    return fallback;
}

std::optional<std::string> formatMessage(const std::string& pattern, const std::string& tag,
                                         const std::map<std::string, long>& args) {
    UErrorCode status = U_ZERO_ERROR;
    icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern), icu::Locale(tag.c_str()), status);
    if (U_FAILURE(status)) return std::nullopt;
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const auto& [name, value] : args) {
        names.push_back(icu::UnicodeString::fromUTF8(name));
        values.emplace_back(static_cast<int64_t>(value));
    }
    icu::UnicodeString result;
    format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), result, status);
    if (U_FAILURE(status)) return std::nullopt;
    return utf8(result);
}

MessageCheck checkMessage(const std::string& pattern, const std::string& tag) {
    MessageCheck check;
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(pattern);
    icu::MessagePattern parsed(text, &where, status);
    if (U_FAILURE(status)) {
        check.error = std::string("ICU MessageFormat: ") + u_errorName(status) + " at character " +
                      std::to_string(where.offset + 1);
        return check;
    }
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale(tag.c_str()), status));
    std::set<std::string> used; // categories whole numbers fall into in this locale
    if (U_SUCCESS(status))
        for (long n : kSampleNumbers) used.insert(utf8(rules->select(static_cast<int32_t>(n))));

    const int count = parsed.countParts();
    for (int i = 0; i < count; ++i) {
        const icu::MessagePattern::Part& part = parsed.getPart(i);
        if (part.getType() != UMSGPAT_PART_TYPE_ARG_START) continue;
        const std::string name = utf8(parsed.getSubstring(parsed.getPart(i + 1)));
        check.arguments.insert(name);
        if (part.getArgType() != UMSGPAT_ARG_TYPE_PLURAL) continue;
        // The plural's selectors run to its ARG_LIMIT; explicit "=N" selectors cover one number only.
        std::set<std::string> branches;
        const int limit = parsed.getLimitPartIndex(i);
        for (int j = i + 2; j < limit; ++j) {
            const icu::MessagePattern::Part& sel = parsed.getPart(j);
            if (sel.getType() == UMSGPAT_PART_TYPE_ARG_SELECTOR) branches.insert(utf8(parsed.getSubstring(sel)));
            else if (sel.getType() == UMSGPAT_PART_TYPE_MSG_START) j = parsed.getLimitPartIndex(j);
        }
        for (const std::string& category : used)
            if (!branches.contains(category)) check.missingPluralForms.push_back(name + ": " + category);
    }
    return check;
}

} // namespace ev
