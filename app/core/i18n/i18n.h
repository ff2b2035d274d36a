#pragma once
// Locale facts from ICU: a language's own name, its direction, locale matching, and
// MessageFormat strings with their checks.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ev {

// The language's name in itself, capitalised as a label that stands alone: "English",
// "Polski", "বাংলা". (CLDR's UI-list context keeps "polski", "română" and "lietuvių" lower
// case, as inside a sentence; on a picker each button stands alone, like a sentence's start.)
std::string autonym(const std::string& tag);
// The language's name in English, for staff and the partnership: "Bangla", "Polish" (CLDR's names).
std::string englishName(const std::string& tag);

// True for locales written right to left (ur, ar, ...).
bool isRightToLeft(const std::string& tag);

// The supported locale that best serves someone who asked for `wanted` (ICU LocaleMatcher,
// CLDR language distances), script first: en-GB -> en, ur-IN -> ur, pa-IN -> pa, and pa-PK
// (Punjabi in Arabic script, which a Gurmukhi page does not serve) -> ur. When nothing is
// close enough (a language we lack), the fallback. All tags are BCP 47.
std::string matchLocale(const std::vector<std::string>& supported, const std::string& wanted,
                        const std::string& fallback);

// Formats an ICU MessageFormat pattern with named integer arguments, using the locale's
// plural rules. nullopt when ICU cannot parse or format it.
std::optional<std::string> formatMessage(const std::string& pattern, const std::string& tag,
                                         const std::map<std::string, long>& args);

// What lint and the tests need to know about one UI string.
struct MessageCheck {
    std::string error;                 // ICU's parse error with its offset; empty if it parses
    std::set<std::string> arguments;   // names of {arguments} the pattern uses
    // Plural categories the locale uses for whole numbers (CLDR: Polish one/few/many/other)
    // that some plural argument of the pattern has no branch for, e.g. "seconds: few".
    std::vector<std::string> missingPluralForms;
};
MessageCheck checkMessage(const std::string& pattern, const std::string& tag);

} // namespace ev
