#include "diagnostics.h"

#include <algorithm>
#include <ostream>

namespace evpack {

void Diagnostics::error(const std::filesystem::path& file, int line, std::string message) {
    problems_.push_back({file, std::max(line, 1), Severity::Error, std::move(message)});
}

void Diagnostics::warning(const std::filesystem::path& file, int line, std::string message) {
    problems_.push_back({file, std::max(line, 1), Severity::Warning, std::move(message)});
}

void Diagnostics::verify(const std::filesystem::path& file, int line, std::string message) {
    problems_.push_back({file, std::max(line, 1), Severity::Verify, std::move(message)});
}

bool Diagnostics::hasErrors() const {
    return std::any_of(problems_.begin(), problems_.end(), [](const Problem& p) { return p.severity == Severity::Error; });
}

void Diagnostics::print(std::ostream& out) const {
    std::vector<const Problem*> sorted;
    for (const Problem& p : problems_) sorted.push_back(&p);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Problem* a, const Problem* b) {
        return a->file != b->file ? a->file < b->file : a->line < b->line;
    });
    static constexpr const char* names[] = {"error", "warning", "verify"};
    for (const Problem* p : sorted)
        out << p->file.string() << ':' << p->line << ": " << names[static_cast<int>(p->severity)] << ": " << p->message << '\n';
}

} // namespace evpack
