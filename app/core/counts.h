#pragma once
// Anonymous engagement counts in SQLite: one row per (hour bucket, event, pack, page, locale,
// audience) with a count, upserted. The UI thread only enqueues; a writer thread commits a
// batch at least once a second, at every flush() and at shutdown.
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "clock.h"
#include "events.h"

namespace ev {

struct CountsError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Counter final : public EventSink {
public:
    // Opens (creating if needed) <stateDir>/counts.sqlite. Throws CountsError if the folder
    // cannot be created or written.
    Counter(const std::filesystem::path& stateDir, const Clock& clock);
    ~Counter() override; // commits everything still queued

    void setPack(std::string packId) ;    // stamped on every later count
    void count(Event e, const EventContext& ctx) override;
    void flush();                         // blocks until everything counted so far is committed

    std::filesystem::path databasePath() const { return path_; }

private:
    struct Pending {
        std::int64_t hour; // Unix time / 3600
        Event event;
        std::string pack;
        EventContext ctx;
    };
    void run();
    void commit(std::vector<Pending>& batch);

    std::filesystem::path path_;
    const Clock& clock_;
    struct sqlite3* db_ = nullptr;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable flushed_;
    std::vector<Pending> queue_;
    std::string pack_;
    std::uint64_t enqueued_ = 0, committed_ = 0;
    bool stop_ = false;
    std::thread writer_;
};

} // namespace ev
