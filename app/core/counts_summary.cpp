#include "counts_summary.h"

#include <sqlite3.h>

#include <memory>

#include "counts.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

// The admin screen waits this long (ms) for the writer's commit before giving up.
constexpr int kBusyTimeoutMs = 2'000;

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct Finalize {
    void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};

class Reader {
public:
    explicit Reader(const fs::path& path) : path_(path) {
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) throw fail("missing (nothing counted yet)");
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
        db_.reset(raw);
        if (rc != SQLITE_OK) throw fail(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
        sqlite3_busy_timeout(raw, kBusyTimeoutMs);
        auto st = prepare("PRAGMA user_version");
        if (sqlite3_step(st.get()) != SQLITE_ROW) throw fail(sqlite3_errmsg(raw));
        const int version = sqlite3_column_int(st.get(), 0);
        if (version < 1) throw fail("not a counts database");
        if (version > Counter::kSchemaVersion) throw fail("made by a newer kiosk (schema " + std::to_string(version) + ")");
    }

    // column is one of event, locale, audience: the caller's constant, never input.
    std::vector<CountTotal> totals(const char* column, const char* event, std::int64_t sinceHour) {
        const std::string sql = std::string("SELECT ") + column + ", sum(n) FROM counts WHERE hour >= ?1" +
                                (event ? " AND event = ?2" : "") + " GROUP BY 1 ORDER BY 2 DESC, 1";
        auto st = prepare(sql.c_str());
        sqlite3_bind_int64(st.get(), 1, sinceHour);
        if (event) sqlite3_bind_text(st.get(), 2, event, -1, SQLITE_STATIC);
        std::vector<CountTotal> out;
        int step = SQLITE_ROW;
        while ((step = sqlite3_step(st.get())) == SQLITE_ROW) {
            const auto* key = sqlite3_column_text(st.get(), 0);
            const sqlite3_int64 n = sqlite3_column_int64(st.get(), 1);
            if (n > 0) out.push_back({key ? reinterpret_cast<const char*>(key) : "", static_cast<std::uint64_t>(n)});
        }
        if (step != SQLITE_DONE) throw fail(sqlite3_errmsg(db_.get()));
        return out;
    }

private:
    CountsError fail(const std::string& why) const { return CountsError(path_.string() + ": " + why); }
    std::unique_ptr<sqlite3_stmt, Finalize> prepare(const char* sql) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_.get(), sql, -1, &st, nullptr) != SQLITE_OK) throw fail(sqlite3_errmsg(db_.get()));
        return std::unique_ptr<sqlite3_stmt, Finalize>(st);
    }

    fs::path path_;
    std::unique_ptr<sqlite3, CloseDb> db_;
};

} // namespace

CountsPeriods summariseCounts(const fs::path& stateDir, std::int64_t nowUnixSeconds) {
    Reader reader(stateDir / "counts.sqlite");
    const std::int64_t hour = nowUnixSeconds / 3600;
    const auto summary = [&](std::int64_t since) {
        return CountsSummary{reader.totals("event", nullptr, since),
                             reader.totals("locale", "language_selected", since),
                             reader.totals("audience", "audience_selected", since)};
    };
    return {summary(hour - hour % 24), summary(hour - 7 * 24 + 1), summary(hour - 30 * 24 + 1)};
}

} // namespace ev
