#include "core/pack/pack_sqlite.h"

#include <sqlite3.h>

namespace ev::sql {

namespace {

[[noreturn]] void fail(sqlite3* db, int rc) {
    throw Error(rc & 0xFF, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

} // namespace

Db::Db(const std::filesystem::path& file, int flags) {
    const int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const Error e(rc & 0xFF, db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        sqlite3_close(db_);
        throw e;
    }
    sqlite3_extended_result_codes(db_, 0);
}

Db::~Db() { sqlite3_close(db_); }

void Db::exec(const char* sql) {
    if (const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); rc != SQLITE_OK) fail(db_, rc);
}

Stmt::Stmt(Db& db, const char* sql) : db_(db) {
    if (const int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr); rc != SQLITE_OK) fail(db.handle(), rc);
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

// A bind after stepping starts the statement over, so one prepared insert serves every row.
void Stmt::restartIfStepped() {
    if (!stepped_) return;
    sqlite3_reset(stmt_);
    stepped_ = done_ = false;
}

Stmt& Stmt::bind(int index, std::string_view text) {
    restartIfStepped();
    const int rc = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(db_.handle(), rc);
    return *this;
}

Stmt& Stmt::bind(int index, std::int64_t value) {
    restartIfStepped();
    if (const int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(db_.handle(), rc);
    return *this;
}

Stmt& Stmt::bind(int index, std::span<const std::uint8_t> blob) {
    restartIfStepped();
    // A zero-length blob with a null pointer would bind NULL, which NOT NULL refuses.
    static const std::uint8_t none = 0;
    const void* data = blob.empty() ? &none : blob.data();
    const int rc = sqlite3_bind_blob64(stmt_, index, data, blob.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(db_.handle(), rc);
    return *this;
}

bool Stmt::step() {
    if (done_) restartIfStepped();
    stepped_ = true;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    done_ = true;
    if (rc != SQLITE_DONE) fail(db_.handle(), rc);
    return false;
}

void Stmt::run() {
    while (step()) {
    }
}

std::string_view Stmt::view(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string_view();
}

std::int64_t Stmt::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::vector<std::uint8_t> Stmt::blob(int column) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    return p ? std::vector<std::uint8_t>(p, p + sqlite3_column_bytes(stmt_, column)) : std::vector<std::uint8_t>();
}

} // namespace ev::sql
