#pragma once
// The few SQLite calls the pack reader and writer share, with errors as exceptions that keep
// SQLite's result code so the reader can tell "corrupt" from "not a database".
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <span>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ev::sql {

struct Error : std::runtime_error {
    Error(int code, const std::string& what) : std::runtime_error(what), code(code) {}
    int code; // SQLite primary result code (SQLITE_CORRUPT, SQLITE_NOTADB, ...)
};

class Db {
public:
    // flags are sqlite3_open_v2 flags.
    Db(const std::filesystem::path& file, int flags);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(const char* sql);
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
};

class Stmt {
public:
    Stmt(Db& db, const char* sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int index, std::string_view text); // index is 1-based, as in SQL
    Stmt& bind(int index, std::int64_t value);
    Stmt& bind(int index, std::span<const std::uint8_t> blob);
    // Runs the statement to its next row; false when done, and the next call starts over.
    bool step();
    void run(); // step() to the end, for statements without rows

    std::string text(int column) const { return std::string(view(column)); } // NULL reads as ""
    std::string_view view(int column) const; // as text(), valid until the next step()
    std::int64_t integer(int column) const;
    std::vector<std::uint8_t> blob(int column) const; // NULL reads as empty

private:
    void restartIfStepped();

    Db& db_;
    sqlite3_stmt* stmt_ = nullptr;
    bool stepped_ = false;
    bool done_ = false;
};

} // namespace ev::sql
