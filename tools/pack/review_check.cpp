#include "review_check.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <ostream>

#include "facts.h"

namespace evpack {

namespace {

std::string today() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
    return buf;
}

} // namespace

void checkReviews(const Source& src, Diagnostics& diag) {
    const std::string now = today();
    for (const auto& [page, byLocale] : src.files) {
        for (const auto& [tag, f] : byLocale) {
            if (f.reviewedBy.find('@') != std::string::npos || !findContacts(f.reviewedBy).empty())
                diag.error(f.file, f.line("reviewed_by"),
                           "reviewed_by names a role or organisation (such as \"Council translation service\"), never a "
                           "person's email address, phone number or web address");
            if (!f.reviewedOn.empty() && f.reviewedOn > now)
                diag.error(f.file, f.line("reviewed_on"), "reviewed_on " + f.reviewedOn + " is after today (" + now + ")");
            if (tag == src.pack.defaultLocale) continue;
            if (f.status == "reviewed" && (f.reviewedBy.empty() || f.reviewedOn.empty()))
                diag.warning(f.file, f.line("status"), "a reviewed translation says who reviewed it and when: "
                                                       "reviewed_by = \"<role or organisation>\" and reviewed_on = <YYYY-MM-DD>");
            if (f.status != "reviewed" && (!f.reviewedBy.empty() || !f.reviewedOn.empty()))
                diag.warning(f.file, f.line(f.reviewedBy.empty() ? "reviewed_on" : "reviewed_by"),
                             "reviewed_by or reviewed_on is set but status is \"draft\"; set status = \"reviewed\" or "
                             "remove them");
        }
    }
}

void printReviewCounts(const Source& src, std::ostream& out) {
    std::map<std::string, int> drafts;
    int total = 0, pages = 0;
    for (const auto& [page, byLocale] : src.files)
        for (const auto& [tag, f] : byLocale) {
            if (tag == src.pack.defaultLocale) continue;
            ++pages;
            if (f.status != "reviewed") ++drafts[tag], ++total;
        }
    out << "translations not yet reviewed: " << total << " of " << pages << " translated pages";
    const char* sep = " (";
    for (const auto& [tag, n] : drafts) {
        out << sep << tag << " " << n;
        sep = ", ";
    }
    out << (drafts.empty() ? "" : ")") << "\n";
}

} // namespace evpack
