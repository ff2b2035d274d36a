#include "core/counts/counts.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <utility>

namespace ev {

namespace fs = std::filesystem;

namespace {

// How often the writer commits at the latest: a power cut loses at most this much counting.
constexpr auto kCommitEvery = std::chrono::seconds(1);
// How long the writer waits for a reader (e.g. `counts export`) to let go of the database.
constexpr int kBusyTimeoutMs = 5000;
// PRAGMA max_page_count's own default in SQLite 3.40: "no limit".
constexpr int kNoPageLimit = 1073741823;

// n may be negative (an Undo): a stored count never goes below zero.
constexpr const char* kUpsert =
    "INSERT INTO counts(hour, event, pack, page, locale, audience, detail, n) VALUES(?, ?, ?, ?, ?, ?, ?, max(?, 0)) "
    "ON CONFLICT(hour, event, pack, page, locale, audience, detail) DO UPDATE SET n = max(n + ?8, 0)";
// A count that an Undo brought to zero is gone, as if never counted.
constexpr const char* kDropEmpty =
    "DELETE FROM counts WHERE hour = ? AND event = ? AND pack = ? AND page = ? AND locale = ? AND audience = ? "
    "AND detail = ? AND n = 0";

// Version 1 -> 2: a WITHOUT ROWID primary key cannot be altered, so the rows are copied into
// a new table. Run inside the caller's transaction: a crash half-way leaves version 1 intact.
constexpr const char* kMigrateFrom1 =
    "ALTER TABLE counts RENAME TO counts_v1; "
    "%SCHEMA%; "
    "INSERT INTO counts SELECT hour, event, pack, page, locale, audience, '', n FROM counts_v1; "
    "DROP TABLE counts_v1;";

// An SQLite failure while opening, with the code so that damage can be told from the rest.
struct SqlError {
    int code;
    std::string message;
};

bool isDamage(int code) {
    const int primary = code & 0xFF;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

void exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return;
    SqlError e{rc, message ? message : sqlite3_errstr(rc)};
    sqlite3_free(message);
    throw e;
}

// The first column of the first row of a one-value query, as text.
std::string queryText(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    std::string out;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            if (const auto* t = sqlite3_column_text(st, 0)) out = reinterpret_cast<const char*>(t);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
        }
    }
    const SqlError e{rc, sqlite3_errmsg(db)};
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) throw e;
    return out;
}

std::int64_t hourOf(std::int64_t unixSeconds) {
    return unixSeconds >= 0 ? unixSeconds / 3600 : -((-unixSeconds + 3599) / 3600);
}

} // namespace

std::size_t Counter::KeyHash::operator()(const KeyView& k) const {
    std::size_t h = std::hash<std::int64_t>{}(k.hour) * 31 + static_cast<std::size_t>(k.event);
    const std::hash<std::string_view> text;
    for (std::string_view s : {k.pack, k.page, k.locale, k.audience, k.detail})
        h ^= text(s) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

bool Counter::KeyEqual::same(const KeyView& a, const KeyView& b) {
    return a.hour == b.hour && a.event == b.event && a.page == b.page && a.locale == b.locale &&
           a.audience == b.audience && a.detail == b.detail && a.pack == b.pack;
}

Counter::Counter(const fs::path& stateDir, const Clock& clock) : clock_(clock) {
    path_ = stateDir / "counts.sqlite";
    // Counts that cannot be stored must not keep the safeguarding content off the screen: the
    // kiosk counts in memory, says so on the admin screen, and the writer tries again each second.
    try {
        std::error_code ec;
        fs::create_directories(stateDir, ec);
        if (ec) throw CountsError("cannot create the state folder " + stateDir.string() + ": " + ec.message());
        if (!fs::is_directory(stateDir, ec))
            throw CountsError("the state folder " + stateDir.string() + " is not a folder");
        open();
    } catch (const CountsError& e) {
        memoryOnly_ = std::string(e.what()) + "; counts are kept in memory only, and lost when the kiosk stops";
        std::fprintf(stderr, "everyvoice: %s\n", memoryOnly_.c_str());
    }
    writer_ = std::thread(&Counter::run, this);
}

Counter::~Counter() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    writer_.join();
    if (committed_ < counted_)
        std::fprintf(stderr, "everyvoice: %llu counted events could not be saved to %s: %s\n",
                     static_cast<unsigned long long>(counted_ - committed_), path_.c_str(), error_.c_str());
    closeDatabase();
}

// Leaves db_ and upsert_ ready, or both null and a CountsError thrown.
void Counter::open() {
    const auto fail = [&](const std::string& message) {
        closeDatabase();
        return CountsError("cannot use the counts database " + path_.string() + ": " + message);
    };
    // Only a regular file is a database: a folder or a link to a device is left alone.
    std::error_code ec;
    if (const auto type = fs::symlink_status(path_, ec).type(); type != fs::file_type::not_found && type != fs::file_type::regular)
        throw fail("it is not a regular file");
    // Set aside at most once per open: a second failure is not the file's fault.
    for (int attempt = 0;; ++attempt) {
        try {
            const int rc = sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
            if (rc != SQLITE_OK) throw SqlError{rc, db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)};
            if (sqlite3_db_readonly(db_, "main") == 1) throw fail("the file is read-only");
            sqlite3_busy_timeout(db_, kBusyTimeoutMs);
            // A newer kiosk's database is kept exactly as it was, journal mode included, for
            // that kiosk's tools to export; this kiosk cannot add to rows it does not understand.
            const int version = std::stoi(queryText(db_, "PRAGMA user_version"));
            if (version > kSchemaVersion) {
                if (attempt > 0) throw fail("still a newer schema after setting it aside");
                closeDatabase();
                setAside("newer", "made by a newer kiosk (schema " + std::to_string(version) +
                                      ", this one knows " + std::to_string(kSchemaVersion) + ")");
                continue;
            }
            // Damage SQLite would otherwise meet only later, while counts vanish (zeroed pages).
            if (const std::string check = queryText(db_, "PRAGMA quick_check(1)"); check != "ok")
                throw SqlError{SQLITE_CORRUPT, "quick_check: " + check};
            // No visit's path on disk: a write-ahead log keeps every commit's copy of a page, in
            // order, so replaying it rebuilds the order of events. A rollback journal holds only
            // the state before the commit in progress and is deleted when it ends; secure_delete
            // zeroes what a commit frees (old cells, freed pages); temp files stay in memory. FULL:
            // a commit is durable once it returns. A database from a kiosk that used WAL is
            // vacuumed once, so that its earlier free space is rewritten too (docs/counts.md).
            const bool wasWal = queryText(db_, "PRAGMA journal_mode") == "wal";
            exec(db_, "PRAGMA secure_delete=ON");
            exec(db_, "PRAGMA temp_store=MEMORY");
            if (queryText(db_, "PRAGMA journal_mode=DELETE") != "delete")
                throw fail("cannot leave the write-ahead log (is another program reading the counts?)");
            exec(db_, "PRAGMA synchronous=FULL");
            if (wasWal) exec(db_, "VACUUM");
            // Writing the version now also proves, before the kiosk starts, that we can write.
            exec(db_, "BEGIN IMMEDIATE");
            if (version == 0) exec(db_, std::string(kSchema).c_str());
            if (version == 1) {
                std::string migrate = kMigrateFrom1;
                migrate.replace(migrate.find("%SCHEMA%"), 8, kSchema);
                exec(db_, migrate.c_str());
            }
            if (version < kSchemaVersion) exec(db_, ("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
            exec(db_, "COMMIT");
            int prc = sqlite3_prepare_v3(db_, kUpsert, -1, SQLITE_PREPARE_PERSISTENT, &upsert_, nullptr);
            if (prc == SQLITE_OK)
                prc = sqlite3_prepare_v3(db_, kDropEmpty, -1, SQLITE_PREPARE_PERSISTENT, &dropEmpty_, nullptr);
            // A counts table of another shape at this version is set aside like damage.
            if (prc != SQLITE_OK) throw SqlError{SQLITE_CORRUPT, std::string("not the counts table this kiosk writes (") + sqlite3_errmsg(db_) + ")"};
            return;
        } catch (const SqlError& e) {
            if (db_ && !sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            if (attempt > 0 || !isDamage(e.code)) throw fail(e.message);
            closeDatabase();
            setAside("corrupt", e.message);
        }
    }
}

void Counter::closeDatabase() {
    sqlite3_finalize(upsert_);
    sqlite3_finalize(dropEmpty_);
    sqlite3_close(db_);
    upsert_ = nullptr;
    dropEmpty_ = nullptr;
    db_ = nullptr;
}

// Damaged or newer counts are still evidence of use: keep them for someone to recover by hand.
void Counter::setAside(const std::string& kind, const std::string& why) {
    const std::string aside = path_.string() + "." + kind + "-" + std::to_string(clock_.unixSeconds());
    const std::string message = path_.string() + " could not be used (" + why + "); kept as " + aside + ", a new one started";
    std::fprintf(stderr, "everyvoice: %s\n", message.c_str());
    {
        std::lock_guard lock(mutex_);
        setAside_ = message;
    }
    std::error_code ec;
    fs::rename(path_, aside, ec);
    if (ec) throw CountsError("cannot set aside the damaged counts database " + path_.string() + ": " + ec.message());
    // A hot journal belongs to its database: without it a half-written commit cannot be undone.
    for (const char* suffix : {"-journal", "-wal", "-shm"}) {
        const fs::path side = path_.string() + suffix;
        if (fs::exists(side, ec)) fs::rename(side, aside + suffix, ec);
    }
}

void Counter::setPack(std::string packId) {
    std::lock_guard lock(mutex_);
    pack_ = std::move(packId);
}

void Counter::add(Event e, const EventContext& ctx, std::int64_t n) {
    const std::int64_t hour = hourOf(clock_.unixSeconds());
    std::lock_guard lock(mutex_);
    const KeyView k{hour, e, pack_, ctx.page, ctx.locale, ctx.audience, ctx.detail};
    if (const auto it = tally_.find(k); it != tally_.end()) it->second += n;
    else tally_.emplace(Key{hour, e, pack_, ctx.page, ctx.locale, ctx.audience, ctx.detail}, n);
    ++counted_;
    // A reset ends a visit: commit now rather than within the second (docs/design.md, "Counts are hourly totals").
    if (e == Event::QuickExit || e == Event::IdleReset) {
        flushWanted_ = true;
        wake_.notify_one();
    }
}

bool Counter::flush() {
    std::unique_lock lock(mutex_);
    const std::uint64_t target = counted_;
    if (committed_ >= target) return true;
    // The writer's next attempt takes everything counted before this call.
    const std::uint64_t attempt = started_ + 1;
    flushWanted_ = true;
    wake_.notify_one();
    flushed_.wait(lock, [&] { return finished_ >= attempt; });
    return committed_ >= target;
}

std::string Counter::lastError() const {
    std::lock_guard lock(mutex_);
    return error_;
}

std::string Counter::setAsideWarning() const {
    std::lock_guard lock(mutex_);
    if (memoryOnly_.empty() || setAside_.empty()) return setAside_ + memoryOnly_;
    return setAside_ + "; " + memoryOnly_;
}

void Counter::simulateFullDisk(int maxPages) {
    std::lock_guard lock(mutex_);
    pageLimit_ = maxPages;
}

void Counter::run() {
    Tally batch; // taken from tally_, kept across failed commits
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait_for(lock, kCommitEvery, [&] { return stop_ || flushWanted_; });
        flushWanted_ = false;
        const bool last = stop_;
        if (batch.empty()) {
            batch.swap(tally_); // tally_ gets the old, empty table with its buckets
        } else {
            for (const auto& [key, n] : tally_) batch[key] += n;
            tally_.clear();
        }
        const std::uint64_t covers = counted_, attempt = ++started_;
        const int limit = std::exchange(pageLimit_, -1);
        lock.unlock();

        std::string error;
        if (limit >= 0 && db_) {
            const std::string pragma = "PRAGMA max_page_count=" + std::to_string(limit > 0 ? limit : kNoPageLimit);
            sqlite3_exec(db_, pragma.c_str(), nullptr, nullptr, nullptr);
        }
        const bool ok = batch.empty() || commit(batch, error);
        if (ok) batch.clear();

        lock.lock();
        finished_ = attempt;
        if (ok) committed_ = covers;
        error_ = std::move(error);
        flushed_.notify_all();
        if (last) return;
    }
}

// One transaction for the whole batch. On failure nothing is written and the caller keeps it.
bool Counter::commit(const Tally& batch, std::string& error) {
    if (!db_) {
        try {
            open();
        } catch (const CountsError& e) {
            error = e.what();
            return false;
        }
        std::lock_guard lock(mutex_);
        memoryOnly_.clear();
    }
    int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    const auto run = [&](sqlite3_stmt* st, const Key& key, const std::int64_t* n) {
        const std::string_view event = eventName(key.event);
        sqlite3_bind_int64(st, 1, key.hour);
        sqlite3_bind_text(st, 2, event.data(), static_cast<int>(event.size()), SQLITE_STATIC);
        sqlite3_bind_text(st, 3, key.pack.data(), static_cast<int>(key.pack.size()), SQLITE_STATIC);
        sqlite3_bind_text(st, 4, key.page.data(), static_cast<int>(key.page.size()), SQLITE_STATIC);
        sqlite3_bind_text(st, 5, key.locale.data(), static_cast<int>(key.locale.size()), SQLITE_STATIC);
        sqlite3_bind_text(st, 6, key.audience.data(), static_cast<int>(key.audience.size()), SQLITE_STATIC);
        sqlite3_bind_text(st, 7, key.detail.data(), static_cast<int>(key.detail.size()), SQLITE_STATIC);
        if (n) sqlite3_bind_int64(st, 8, static_cast<sqlite3_int64>(*n));
        int r = sqlite3_step(st);
        if (r == SQLITE_DONE) r = SQLITE_OK;
        sqlite3_reset(st);
        return r;
    };
    for (auto it = batch.begin(); rc == SQLITE_OK && it != batch.end(); ++it) {
        const auto& [key, n] = *it;
        rc = run(upsert_, key, &n);
        if (rc == SQLITE_OK && n <= 0) rc = run(dropEmpty_, key, nullptr);
    }
    if (rc == SQLITE_OK) rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return true;

    error = "cannot write the counts database " + path_.string() + ": " + sqlite3_errmsg(db_) +
            " (counts kept in memory, retrying)";
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    if (isDamage(rc)) {
        closeDatabase();
        try {
            setAside("corrupt", sqlite3_errstr(rc));
        } catch (const CountsError& e) {
            error = e.what();
        }
    }
    return false;
}

} // namespace ev
