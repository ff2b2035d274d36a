#pragma once
// What changed between two versions of a text, word by word, for translators.
#include <string>
#include <string_view>

namespace evpack {

// The lines of after that changed, each with removed words as [-old words-] and added ones as
// {+new words+} (as git diff --word-diff=plain writes them); lines with no change are left
// out. Empty if nothing changed.
std::string wordDiff(std::string_view before, std::string_view after);

} // namespace evpack
