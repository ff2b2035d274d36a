#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ev {

// The lines of a text, CR LF taken as LF (a file that passed through Windows); a last line
// without a newline is still a line, and no empty line follows a final newline.
std::vector<std::string> splitLines(std::string_view text);

} // namespace ev
