#pragma once
// A kiosk's counts database opened read-only, while the kiosk may still be writing it. The
// export and the admin screen's totals both read through this.
#include <chrono>
#include <filesystem>
#include <string>

#include "core/counts/counts.h"
#include "core/pack/pack_sqlite.h"

namespace ev {

class CountsReader {
public:
    // Throws CountsError, one line naming the file: missing, not a counts database, or made
    // by a newer kiosk. busyWait: how long a query waits for the writer's commit.
    CountsReader(const std::filesystem::path& file, std::chrono::milliseconds busyWait);

    int schemaVersion() const { return version_; } // 1 or Counter::kSchemaVersion
    sql::Db& db() { return db_; }
    CountsError fail(const std::string& why) const { return CountsError(file_.string() + ": " + why); }
    // What PRAGMA quick_check finds wrong with the file, one line; empty when it passes. An
    // export from a damaged file may lack counts, and must say so.
    std::string damage();

private:
    std::filesystem::path file_;
    sql::Db db_;
    int version_ = 0;
};

} // namespace ev
