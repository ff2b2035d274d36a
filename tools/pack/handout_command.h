#pragma once
// everyvoice-pack handout PACK --plan ID --locale TAG -o FILE.pdf: an A4 handout of a session
// plan for its audience, in their language.
#include <string>
#include <vector>

namespace evpack {

int handoutCommand(const std::vector<std::string>& args);

} // namespace evpack
