// Replacing a file whole (core/atomic_file.h): what a writer killed before its rename left.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <string>

#include "core/atomic_file.h"
#include "process.h"

namespace fs = std::filesystem;
using namespace evtest;

TEST_CASE("writeFileAtomically removes the temporaries of writers killed mid-write, and only theirs") {
    TempDir dir;
    const fs::path file = dir.path / "ui-program.bin";
    const pid_t gone = endedProcessId();
    const auto temporary = [&](const std::string& name, pid_t pid) {
        return dir.path / ("." + name + ".tmp-" + std::to_string(pid) + "-a1B2c3");
    };
    writeFile(temporary("ui-program.bin", gone), "half a program");
    writeFile(temporary("ui-program.bin", getppid()), "a running writer's"); // ctest's, alive
    writeFile(dir.path / ".ui-program.bin.tmp-12ab", "not a process id");
    writeFile(temporary("other.bin", gone), "another file's");

    ev::writeFileAtomically(file, "the program");

    CHECK(readFile(file) == "the program");
    CHECK_FALSE(fs::exists(temporary("ui-program.bin", gone)));
    CHECK(fs::exists(temporary("ui-program.bin", getppid())));
    CHECK(fs::exists(dir.path / ".ui-program.bin.tmp-12ab"));
    CHECK(fs::exists(temporary("other.bin", gone)));
    // Its own temporary is gone too: the folder holds the file and the three kept above.
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 4);
}
