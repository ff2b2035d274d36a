#pragma once
// Helpers shared by the pack tests: temporary folders, files, and running the real
// command-line tools (everyvoice-pack, minisign, sqlite3) as a comms officer would, and
// readPack as a kiosk would.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/pack_reader.h"

namespace evtest {

namespace fs = std::filesystem;

inline const fs::path kFixtures = fs::path(EV_SOURCE_DIR) / "tests/core/fixtures";

struct Run {
    int status;
    std::string output; // stdout and stderr
};

inline std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

inline Run run(const std::string& command) {
    Run r{-1, ""};
    FILE* p = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) r.output.append(buf, n);
    const int status = pclose(p);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

inline Run tool(const std::string& args) { return run(quote(EV_PACK_TOOL) + " " + args); }

inline std::string readFile(const fs::path& f) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void writeFile(const fs::path& f, const std::string& text) {
    std::ofstream(f, std::ios::binary) << text;
}

// sqlite3's answer to one query, trimmed.
inline std::string sqlite(const fs::path& db, const std::string& sql) {
    Run r = run("sqlite3 -readonly " + quote(db.string()) + " " + quote(sql));
    REQUIRE(r.status == 0);
    while (!r.output.empty() && (r.output.back() == '\n' || r.output.back() == ' ')) r.output.pop_back();
    return r.output;
}

// The 1-based line of the first line of file that contains needle.
inline int lineOf(const fs::path& file, const std::string& needle) {
    std::istringstream in(readFile(file));
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
        if (line.find(needle) != std::string::npos) return n;
    FAIL("no '" << needle << "' in " << file);
    return 0;
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

struct TempDir {
    fs::path path;
    TempDir() {
        static int n = 0;
        path = fs::temp_directory_path() / ("ev-pack-tests-" + std::to_string(getpid()) + "-" + std::to_string(n++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, ec); // a test may have made it read-only
        fs::remove_all(path, ec);
    }
};

} // namespace evtest
