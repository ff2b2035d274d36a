#pragma once
// Anonymous engagement counts in SQLite: one row per (hour bucket, event, pack, page, locale,
// audience, detail) with a count, upserted. The UI thread only adds to an in-memory tally; a writer
// thread commits it at least once a second, at every flush() and at shutdown. A commit that
// fails (disk full, I/O error) keeps the tally in memory and is retried a second later.
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "core/clock.h"
#include "core/counts/events.h"

struct sqlite3;
struct sqlite3_stmt;

namespace ev {

struct CountsError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Counter final : public EventSink {
public:
    // The schema, recorded in PRAGMA user_version. Readers (counts export) check the version.
    // hour is the UTC hour bucket as Unix seconds / 3600; a dimension that does not apply is ''
    // (never NULL, so that upserts meet their row). Nothing else is kept: no ids, no times
    // finer than the hour, no order of events (safeguarding rule 2).
    // Version 2 added detail (version 1 databases are migrated in place, detail '').
    static constexpr int kSchemaVersion = 2;
    static constexpr std::string_view kSchema =
        "CREATE TABLE counts(hour INTEGER NOT NULL, event TEXT NOT NULL, pack TEXT NOT NULL, "
        "page TEXT NOT NULL, locale TEXT NOT NULL, audience TEXT NOT NULL, detail TEXT NOT NULL, "
        "n INTEGER NOT NULL, PRIMARY KEY(hour, event, pack, page, locale, audience, detail)) WITHOUT ROWID";

    // Opens (creating if needed) <stateDir>/counts.sqlite, migrating an older schema. A file
    // that is not a database, a damaged one (PRAGMA quick_check) or one whose counts table is
    // of another shape is set aside as counts.sqlite.corrupt-<unix seconds>, and one from a
    // newer kiosk as counts.sqlite.newer-<unix seconds> (never deleted or overwritten), and a
    // new one started; setAsideWarning() then says so. Never throws: when the folder cannot be
    // created, counts.sqlite is not a regular file, or the database cannot be opened or
    // written, counts are kept in memory, retried each second, and setAsideWarning() says so.
    Counter(const std::filesystem::path& stateDir, const Clock& clock);
    ~Counter() override; // commits everything still counted; says on stderr if it cannot

    void setPack(std::string packId); // stamped on every later count
    void add(Event e, const EventContext& ctx, std::int64_t n) override;
    // Blocks until everything counted so far has been tried. True when it is all committed;
    // false when the commit failed and the counts are still held in memory (lastError says why).
    bool flush();
    std::string lastError() const; // why the last commit failed; empty after a good one
    // What was set aside and why, and whether counts are only in memory, for the admin screen;
    // empty when all is well.
    std::string setAsideWarning() const;

    // Tests only: caps the database at this many pages (PRAGMA max_page_count, never below
    // its current size), as a full disk would; 0 lifts the cap. Applied before the next commit.
    void simulateFullDisk(int maxPages);

    std::filesystem::path databasePath() const { return path_; }

private:
    // A count's dimensions. The UI thread looks its tally up with a KeyView, so that counting
    // something already counted this second allocates nothing.
    struct KeyView {
        std::int64_t hour; // Unix time / 3600
        Event event;
        std::string_view pack, page, locale, audience, detail;
    };
    struct Key {
        std::int64_t hour;
        Event event;
        std::string pack, page, locale, audience, detail;
        KeyView view() const { return {hour, event, pack, page, locale, audience, detail}; }
    };
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(const KeyView& k) const;
        std::size_t operator()(const Key& k) const { return (*this)(k.view()); }
    };
    struct KeyEqual {
        using is_transparent = void;
        static bool same(const KeyView& a, const KeyView& b);
        template <class A, class B> bool operator()(const A& a, const B& b) const { return same(view(a), view(b)); }
        static KeyView view(const KeyView& k) { return k; }
        static KeyView view(const Key& k) { return k.view(); }
    };
    // Signed: an Undo counted before its event was committed cancels it here.
    using Tally = std::unordered_map<Key, std::int64_t, KeyHash, KeyEqual>;

    void open();
    void closeDatabase();
    void setAside(const std::string& kind, const std::string& why);
    void run();
    bool commit(const Tally& batch, std::string& error);

    std::filesystem::path path_;
    const Clock& clock_;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* upsert_ = nullptr;
    sqlite3_stmt* dropEmpty_ = nullptr; // a row an Undo brought to zero

    mutable std::mutex mutex_;
    std::condition_variable wake_;    // the writer: a flush is wanted, or stop
    std::condition_variable flushed_; // flush(): a commit attempt finished
    Tally tally_;                     // counted since the writer last took it (UI thread side)
    std::string pack_;
    std::uint64_t counted_ = 0;   // events counted so far
    std::uint64_t started_ = 0, finished_ = 0; // the writer's commit attempts
    std::uint64_t committed_ = 0; // events safely in the database
    std::string error_;
    std::string setAside_;
    std::string memoryOnly_; // why the database could not be opened at start; empty if it was
    int pageLimit_ = -1; // simulateFullDisk request not yet applied; -1 none
    bool flushWanted_ = false;
    bool stop_ = false;
    std::thread writer_;
};

} // namespace ev
