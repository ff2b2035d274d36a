#pragma once
// Locale facts from ICU: a language's own name, its direction, and MessageFormat strings.
#include <map>
#include <string>

namespace ev {

// The language's name in itself, capitalised for a UI list: "English", "Polski", "বাংলা".
std::string autonym(const std::string& tag);

// True for locales written right to left (ur, ar, ...).
bool isRightToLeft(const std::string& tag);

// Formats an ICU MessageFormat pattern with named integer arguments, using the locale's
// plural rules. A pattern ICU cannot parse comes back unformatted rather than failing.
std::string formatMessage(const std::string& pattern, const std::string& tag,
                          const std::map<std::string, long>& args);

} // namespace ev
