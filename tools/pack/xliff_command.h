#pragma once
// everyvoice-pack xliff export|import and stale: the translators' side of a content folder.
#include <string>
#include <vector>

namespace evpack {

int xliffCommand(const std::vector<std::string>& args);
int staleCommand(const std::vector<std::string>& args);

} // namespace evpack
