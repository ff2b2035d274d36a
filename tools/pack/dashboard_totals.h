#pragma once
// The figures the dashboard shows, summed as the counts file is read: a year of hourly counts
// from many kiosks is millions of rows, and the page needs only totals per week, venue,
// language, audience, page and service.
#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/counts/counts_csv.h"

namespace evpack {

// A total of published counts. Suppressed cells ("<N") are never added as numbers: they are
// counted apart, so a reader knows how much is hidden and how small each part is.
struct Tally {
    std::uint64_t n = 0;
    std::uint64_t hidden = 0;      // suppressed cells
    std::uint64_t hiddenBelow = 0; // each of them fewer than this
    void add(const ev::CountValue& v);
    void add(const Tally& t);
};

using Week = std::chrono::sys_days; // its Monday (UTC)

// The answers to one question ("Was this page helpful?", an end-of-visit question, a plan's
// question before or after a group session), overall and per audience, language and kiosk.
// A group session's room may be of several languages or audiences ("en+bn"): its answers
// count toward each, so those breakdowns can add up to more than the whole.
struct Answers {
    using ByAnswer = std::map<std::string, Tally>;                // answer id -> tally
    ByAnswer all;
    std::map<std::string, ByAnswer> byAudience, byLanguage, byKiosk; // group -> answer -> tally
    void add(const ev::CountRow& row, const std::string& answer);
};

// The values of a dimension that may hold several joined by '+' ("en+bn"); one for a plain value.
std::vector<std::string> joinedValues(const std::string& value);

struct DashboardTotals {
    DashboardTotals() = default;
    DashboardTotals(const DashboardTotals&) = delete; // kiosk_ points into kiosks
    DashboardTotals& operator=(const DashboardTotals&) = delete;

    void add(const ev::CountRow& row);

    // The measures drawn per week per venue: an event's id, or kPeopleReached.
    static constexpr const char* kPeopleReached = "people_reached";
    struct Kiosk {
        std::string venue; // as on its latest row: staff may rename it
        std::map<std::string, std::map<Week, Tally>> weekly; // measure -> week -> raw total
    };
    std::uint64_t rows = 0;
    std::map<std::string, Kiosk> kiosks; // by kiosk id
    std::string first, last;             // dates
    std::set<Week> weeks;                // with any count
    std::map<std::string, Tally> byEvent, locales, readingLocales, audiences, pages, signposts, qr, sessionsByAudience;
    std::map<std::string, std::map<std::string, Tally>> feedback; // page -> answer -> tally
    Answers helpful;                                              // feedback's answers
    std::map<std::string, Answers> visitAnswers;                  // end-of-visit question id -> answers
    std::map<std::string, std::map<std::string, Answers>> roomAnswers; // plan -> "before" | "after" -> answers
    // Group sessions per language, audience (each of a joined "en+bn" once) and plan ("" none).
    std::map<std::string, Tally> sessionsByLanguage, sessionsByPlan;
    std::uint64_t people = 0;                                     // reached by facilitated sessions, each counted once

private:
    // Rows come grouped by kiosk and date: these skip looking either up again.
    Kiosk* kiosk_ = nullptr;
    const std::string* kioskId_ = nullptr;
    std::string date_;
    Week week_{};
};

} // namespace evpack
