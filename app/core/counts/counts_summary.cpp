#include "core/counts/counts_summary.h"

#include <chrono>
#include <string>
#include <string_view>

#include "core/counts/counts_reader.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

// The admin screen waits this long for the writer's commit before giving up.
constexpr std::chrono::milliseconds kBusyWait{2'000};

// column is one of event, locale, audience: the caller's constant, never input.
std::vector<CountTotal> totals(CountsReader& reader, const char* column, const char* event, std::int64_t sinceHour) {
    const std::string sql = std::string("SELECT ") + column + ", sum(n) FROM counts WHERE hour >= ?1" +
                            (event ? " AND event = ?2" : "") + " GROUP BY 1 ORDER BY 2 DESC, 1";
    std::vector<CountTotal> out;
    try {
        sql::Stmt st(reader.db(), sql.c_str());
        st.bind(1, sinceHour);
        if (event) st.bind(2, std::string_view(event));
        while (st.step())
            if (const std::int64_t n = st.integer(1); n > 0) out.push_back({st.text(0), static_cast<std::uint64_t>(n)});
    } catch (const sql::Error& e) {
        throw reader.fail(e.what());
    }
    return out;
}

// A session's detail is its head count (a number the admin screen's buttons made).
std::uint64_t peopleReached(CountsReader& reader, std::int64_t sinceHour) {
    try {
        sql::Stmt st(reader.db(), "SELECT coalesce(sum(n * cast(detail AS INTEGER)), 0) FROM counts "
                                  "WHERE hour >= ?1 AND event = 'facilitated_session'");
        st.bind(1, sinceHour);
        return st.step() ? static_cast<std::uint64_t>(st.integer(0)) : 0;
    } catch (const sql::Error& e) {
        throw reader.fail(e.what());
    }
}

} // namespace

CountsPeriods summariseCounts(const fs::path& stateDir, std::int64_t nowUnixSeconds) {
    CountsReader reader(stateDir / "counts.sqlite", kBusyWait);
    const std::int64_t hour = nowUnixSeconds / 3600;
    const auto summary = [&](std::int64_t since) {
        return CountsSummary{totals(reader, "event", nullptr, since),
                             totals(reader, "locale", "language_selected", since),
                             totals(reader, "audience", "audience_selected", since), peopleReached(reader, since)};
    };
    return {summary(hour - hour % 24), summary(hour - 7 * 24 + 1), summary(hour - 30 * 24 + 1)};
}

} // namespace ev
