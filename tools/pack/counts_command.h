#pragma once
// everyvoice-pack counts export | counts merge | report: counts from kiosks to the board.
#include <string>
#include <vector>

namespace evpack {

// Each takes the arguments after its command word and returns the exit status
// (0 ok, 1 invalid input, 2 usage), having printed any problem on stderr.
int countsCommand(const std::vector<std::string>& args);
int reportCommand(const std::vector<std::string>& args);

} // namespace evpack
