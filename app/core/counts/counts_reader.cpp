#include "core/counts/counts_reader.h"

#include <sqlite3.h>

namespace ev {

namespace {

// Opening needs the file to exist: SQLite would otherwise make an empty one, read-only or not.
const std::filesystem::path& existing(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw CountsError(file.string() + ": missing (nothing counted yet, or not a kiosk's state folder)");
    return file;
}

sql::Db open(const std::filesystem::path& file) {
    try {
        // A reader is one thread's: SQLite's locking of the connection is not needed.
        return sql::Db(existing(file), SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
    } catch (const sql::Error& e) {
        throw CountsError(file.string() + ": " + e.what());
    }
}

} // namespace

CountsReader::CountsReader(const std::filesystem::path& file, std::chrono::milliseconds busyWait)
    : file_(file), db_(open(file)) {
    sqlite3_busy_timeout(db_.handle(), static_cast<int>(busyWait.count()));
    try {
        sql::Stmt st(db_, "PRAGMA user_version");
        version_ = st.step() ? static_cast<int>(st.integer(0)) : 0;
    } catch (const sql::Error& e) {
        throw fail(e.what());
    }
    if (version_ < 1) throw fail("not a counts database");
    if (version_ > Counter::kSchemaVersion)
        throw fail("made by a newer kiosk (schema " + std::to_string(version_) + "); use a newer everyvoice-pack");
}

std::string CountsReader::damage() {
    try {
        sql::Stmt st(db_, "PRAGMA quick_check(1)");
        const std::string result = st.step() ? st.text(0) : std::string("no answer");
        if (result == "ok") return {};
        std::string line = file_.string() + " is damaged (" + result + "); the export may lack counts";
        for (char& c : line)
            if (c == '\n') c = ' ';
        return line;
    } catch (const sql::Error& e) {
        return file_.string() + " is damaged (" + e.what() + "); the export may lack counts";
    }
}

} // namespace ev
