#pragma once
// Problems found in a content folder, each tied to a file and line so an editor can jump to it.
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace evpack {

enum class Severity {
    Error,   // the pack cannot be built
    Warning, // built, but someone should look (drafts, stale translations)
    Verify,  // a detail marked verify = true; refused by --release
};

struct Problem {
    std::filesystem::path file;
    int line = 1;
    Severity severity = Severity::Error;
    std::string message;
};

class Diagnostics {
public:
    void error(const std::filesystem::path& file, int line, std::string message);
    void warning(const std::filesystem::path& file, int line, std::string message);
    void verify(const std::filesystem::path& file, int line, std::string message);

    bool hasErrors() const;
    const std::vector<Problem>& problems() const { return problems_; }
    // One line each: FILE:LINE: error|warning|verify: message, in file and line order.
    void print(std::ostream& out) const;

private:
    std::vector<Problem> problems_;
};

} // namespace evpack
