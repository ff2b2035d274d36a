#include "diagnostics.h"

#include <algorithm>
#include <map>
#include <ostream>

namespace evpack {

void Diagnostics::error(const std::filesystem::path& file, int line, std::string message) {
    problems_.push_back({file, std::max(line, 1), 0, Severity::Error, std::move(message)});
}

void Diagnostics::error(const std::filesystem::path& file, int line, int column, std::string message) {
    problems_.push_back({file, std::max(line, 1), std::max(column, 0), Severity::Error, std::move(message)});
}

void Diagnostics::warning(const std::filesystem::path& file, int line, std::string message) {
    problems_.push_back({file, std::max(line, 1), 0, Severity::Warning, std::move(message)});
}

void Diagnostics::verify(const std::filesystem::path& file, int line, std::string message) {
    problems_.push_back({file, std::max(line, 1), 0, Severity::Verify, std::move(message)});
}

bool Diagnostics::hasErrors() const {
    return std::any_of(problems_.begin(), problems_.end(), [](const Problem& p) { return p.severity == Severity::Error; });
}

std::string warningKind(const std::string& m) {
    if (m.starts_with("draft:") || (m.starts_with("locale ") && m.ends_with(" is a draft"))) return "draft";
    if (m.starts_with("stale:")) return "stale";
    if (m.starts_with("no translated_from") || m.find("has no translation in") != std::string::npos ||
        m.find("has no text in") != std::string::npos)
        return "not translated";
    if (m.starts_with("reading age")) return "reading age";
    if (m.find(" minutes standing at a kiosk") != std::string::npos) return "long page";
    if (m.find("left out of the pack") != std::string::npos || m.find(" over the ") != std::string::npos) return "file";
    return "other";
}

std::string Diagnostics::summary() const {
    int errors = 0, verify = 0;
    std::map<std::string, int> kinds;
    for (const Problem& p : problems_) {
        if (p.severity == Severity::Error) ++errors;
        else if (p.severity == Severity::Verify) ++verify;
        else ++kinds[warningKind(p.message)];
    }
    int warnings = 0;
    std::string byKind;
    for (const auto& [kind, n] : kinds) {
        warnings += n;
        byKind += (byKind.empty() ? " (" : ", ") + std::to_string(n) + " " + kind;
    }
    const auto count = [](int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    return count(errors, "error", "errors") + ", " + count(warnings, "warning", "warnings") + (byKind.empty() ? "" : byKind + ")") +
           ", " + std::to_string(verify) + " to verify";
}

void Diagnostics::print(std::ostream& out, bool quietDrafts) const {
    std::vector<const Problem*> sorted;
    for (const Problem& p : problems_) sorted.push_back(&p);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Problem* a, const Problem* b) {
        return a->file != b->file ? a->file < b->file : a->line < b->line;
    });
    static constexpr const char* names[] = {"error", "warning", "verify"};
    for (const Problem* p : sorted) {
        if (quietDrafts && p->severity == Severity::Warning && warningKind(p->message) == "draft") continue;
        out << p->file.string() << ':' << p->line;
        if (p->column > 0) out << ':' << p->column;
        out << ": " << names[static_cast<int>(p->severity)] << ": " << p->message << '\n';
    }
}

} // namespace evpack
