// The UI's shader program kept between starts (platform/gl_program.h), on the kiosk's GL
// context: linked from source the first time and kept, loaded the next, and never taken from
// a file that is not this program's binary, damaged, or not a file at all.
#include "platform/gl_program.h"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "gl_window.h"

namespace fs = std::filesystem;
using ev::platform::linkProgram;
using ev::platform::ProgramSource;

namespace {

const ProgramSource kSource{"#version 130\nin vec2 p;\nvoid main() { gl_Position = vec4(p, 0, 1); }\n",
                            "#version 130\nout vec4 c;\nvoid main() { c = vec4(1, 0.5, 0.25, 1); }\n",
                            {{0, "p"}}};

fs::path freshFolder() {
    const fs::path p = fs::temp_directory_path() / "ev-gl-program";
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

bool usable(unsigned program) {
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    return program != 0 && ok == GL_TRUE && glGetAttribLocation(program, "p") == 0;
}

std::uintmax_t sizeOf(const fs::path& p) {
    std::error_code ec;
    return fs::file_size(p, ec);
}

} // namespace

TEST_CASE("gl program: linked and kept at the first start, loaded at the next", "[gl]") {
    GlWindow window;
    const fs::path cache = freshFolder() / "sub" / "ui-program.bin";
    const auto first = linkProgram(kSource, cache);
    REQUIRE(first.error.empty());
    CHECK_FALSE(first.fromCache);
    CHECK(usable(first.id));
    REQUIRE(sizeOf(cache) > 0); // the folder is made when missing
    const auto second = linkProgram(kSource, cache);
    CHECK(second.fromCache);
    CHECK(usable(second.id));
    glDeleteProgram(first.id);
    glDeleteProgram(second.id);
}

TEST_CASE("gl program: another program's binary, a damaged file or a FIFO is compiled past", "[gl]") {
    GlWindow window;
    const fs::path cache = freshFolder() / "ui-program.bin";
    REQUIRE_FALSE(linkProgram(kSource, cache).fromCache);

    SECTION("other shaders") {
        ProgramSource other = kSource;
        other.fragment = "#version 130\nout vec4 c;\nvoid main() { c = vec4(0, 1, 0, 1); }\n";
        const auto p = linkProgram(other, cache);
        CHECK_FALSE(p.fromCache);
        CHECK(usable(p.id));
        CHECK_FALSE(linkProgram(kSource, cache).fromCache); // the file now holds the other program
    }
    SECTION("a damaged binary") {
        std::fstream f(cache, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(40);
        const char junk[64] = {'\x5a'};
        f.write(junk, sizeof junk);
        f.close();
        const auto p = linkProgram(kSource, cache);
        CHECK_FALSE(p.fromCache);
        CHECK(usable(p.id));
        CHECK(linkProgram(kSource, cache).fromCache); // kept again, whole
    }
    SECTION("cut short") {
        fs::resize_file(cache, sizeOf(cache) / 2);
        CHECK_FALSE(linkProgram(kSource, cache).fromCache);
        CHECK(linkProgram(kSource, cache).fromCache);
    }
    SECTION("a FIFO in its place: not waited on") {
        fs::remove(cache);
        REQUIRE(mkfifo(cache.c_str(), 0600) == 0);
        const auto p = linkProgram(kSource, cache);
        CHECK_FALSE(p.fromCache);
        CHECK(usable(p.id));
    }
    SECTION("a folder that cannot be written: compiled at every start") {
        const fs::path nowhere = "/proc/ev-gl-program/ui-program.bin";
        CHECK(usable(linkProgram(kSource, nowhere).id));
        CHECK_FALSE(linkProgram(kSource, nowhere).fromCache);
    }
}

TEST_CASE("gl program: shaders that do not compile are a one-line error, not a crash", "[gl]") {
    GlWindow window;
    ProgramSource broken = kSource;
    broken.fragment = "#version 130\nvoid main() { this is not GLSL }\n";
    const auto p = linkProgram(broken, freshFolder() / "ui-program.bin");
    CHECK(p.id == 0);
    CHECK(p.error.find("fragment shader did not compile") != std::string::npos);
}
