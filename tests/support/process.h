#pragma once
// Helpers any test may use: temporary folders, files, and running a command as a person
// would at a shell (its output and exit status).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace evtest {

namespace fs = std::filesystem;

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

inline std::string readFile(const fs::path& f) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void writeFile(const fs::path& f, const std::string& text) {
    std::ofstream(f, std::ios::binary) << text;
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

// The id of a process that has ended: a child that exits at once. Its id stays free for a
// while (Linux hands out ids in turn), like that of a writer killed part way.
inline pid_t endedProcessId() {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) _exit(0);
    REQUIRE(waitpid(pid, nullptr, 0) == pid);
    return pid;
}

} // namespace evtest
