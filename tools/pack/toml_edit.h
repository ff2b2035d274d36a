#pragma once
// Small, exact edits to a TOML file a person also edits by hand: one value replaced on its
// line, everything else (comments, order, spacing) kept as it was.
#include <string>
#include <string_view>

namespace evpack {

// s as a TOML basic string, quotes included.
std::string tomlString(std::string_view s);

// s as a multi-line literal string ('''...'''), which reads best in a diff, or as a basic string
// when it holds ''' or a CR, which a literal string cannot.
std::string tomlMultiline(std::string_view s);

// text with the value on line (1-based) after "key =" replaced by value (already TOML), up to
// the end of the old value; a comment after it stays. False if the line holds no one-line
// "key = value" (a multi-line string, say).
bool replaceTomlValue(std::string& text, int line, std::string_view value);

} // namespace evpack
