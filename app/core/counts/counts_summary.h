#pragma once
// Totals of a kiosk's counts for the admin screen: today, the last 7 and the last 30 days.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ev {

struct CountTotal {
    std::string key; // an event name, a locale tag or an audience id
    std::uint64_t n = 0;
    bool operator==(const CountTotal&) const = default;
};

struct CountsSummary {
    std::vector<CountTotal> events;    // every event, by name
    std::vector<CountTotal> languages; // language_selected, by the locale chosen
    std::vector<CountTotal> audiences; // audience_selected, by the audience chosen
    std::uint64_t peopleReached = 0;   // facilitated_session: the sum of head count x sessions
};

struct CountsPeriods {
    CountsSummary today; // since 00:00 UTC, the hour buckets' day
    CountsSummary week;  // the last 7 x 24 hour buckets, this one included
    CountsSummary month; // the last 30 x 24
};

// Reads <stateDir>/counts.sqlite read-only (the kiosk's writer may be busy meanwhile). Each
// list is largest first, then by key. Throws CountsError (counts.h), one line, if the file is
// missing, not a counts database, or from a newer kiosk.
CountsPeriods summariseCounts(const std::filesystem::path& stateDir, std::int64_t nowUnixSeconds);

} // namespace ev
