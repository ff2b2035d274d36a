#pragma once
// Helpers shared by the pack tests: running the real command-line tools (everyvoice-pack,
// sqlite3) as a comms officer would, and readPack as a kiosk would.
#include "core/pack/pack_reader.h"
#include "process.h"

namespace evtest {

inline const fs::path kFixtures = fs::path(EV_SOURCE_DIR) / "tests/core/fixtures";

inline Run tool(const std::string& args) { return run(quote(EV_PACK_TOOL) + " " + args); }

// sqlite3's answer to one query, trimmed.
inline std::string sqlite(const fs::path& db, const std::string& sql) {
    Run r = run("sqlite3 -readonly " + quote(db.string()) + " " + quote(sql));
    REQUIRE(r.status == 0);
    while (!r.output.empty() && (r.output.back() == '\n' || r.output.back() == ' ')) r.output.pop_back();
    return r.output;
}

// readPack's one line about a file, or "" when it reads.
inline std::string packError(const fs::path& file) {
    try {
        ev::readPack(file);
    } catch (const ev::PackError& e) {
        return e.what();
    }
    return "";
}

} // namespace evtest
