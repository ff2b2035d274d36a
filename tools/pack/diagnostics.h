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

// What kind of warning a message is, for the summary and --quiet-drafts: "draft", "stale",
// "not translated", "reading age", "long page", "file" (assets) or "other".
std::string warningKind(const std::string& message);

struct Problem {
    std::filesystem::path file;
    int line = 1;
    int column = 0; // 1-based where the reader knows it (a parse error), else 0
    Severity severity = Severity::Error;
    std::string message;
};

class Diagnostics {
public:
    void error(const std::filesystem::path& file, int line, std::string message);
    void error(const std::filesystem::path& file, int line, int column, std::string message);
    void warning(const std::filesystem::path& file, int line, std::string message);
    void verify(const std::filesystem::path& file, int line, std::string message);

    bool hasErrors() const;
    const std::vector<Problem>& problems() const { return problems_; }
    // One line each: FILE:LINE[:COL]: error|warning|verify: message, in file and line order. With
    // quietDrafts, draft warnings are only counted in the summary.
    void print(std::ostream& out, bool quietDrafts = false) const;
    // The last line of lint and build: "N errors, N warnings (N draft, N stale, ...), N to verify".
    std::string summary() const;

private:
    std::vector<Problem> problems_;
};

} // namespace evpack
