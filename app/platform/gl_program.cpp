#include "platform/gl_program.h"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>

#include <cstdint>
#include <cstring>

#include "core/atomic_file.h"
#include "core/durable_file.h"

namespace ev::platform {

namespace {

// The cache file: this header, then the driver's binary.
struct Header {
    char magic[8];           // kMagic
    std::uint64_t source;    // sourceHash() of the program it holds
    std::uint32_t format;    // the driver's binary format
    std::uint32_t size;      // bytes of binary that follow
};
constexpr char kMagic[8] = {'E', 'V', 'G', 'L', 'P', 'R', 'G', '1'};
// A kept binary is a few kilobytes (5.5 KB under Mesa 22); anything far larger is not ours.
constexpr std::uintmax_t kMaxCacheBytes = 1 << 20;

// FNV-1a over everything that decides the program: a kiosk with other shaders never loads
// this one's binary.
std::uint64_t sourceHash(const ProgramSource& s) {
    std::uint64_t h = 14695981039346656037ull;
    const auto add = [&h](const char* text) {
        for (const char* c = text; *c; ++c) h = (h ^ static_cast<unsigned char>(*c)) * 1099511628211ull;
        h = (h ^ 0xFFu) * 1099511628211ull; // ends each piece, so "ab"+"c" differs from "a"+"bc"
    };
    add(s.vertex);
    add(s.fragment);
    for (const auto& [location, name] : s.attributes) {
        add(name);
        add(std::to_string(location).c_str());
    }
    return h;
}

bool binariesOffered() {
    GLint formats = 0;
    glGetIntegerv(GL_NUM_PROGRAM_BINARY_FORMATS, &formats);
    return glGetError() == GL_NO_ERROR && formats > 0;
}

bool linked(GLuint program) {
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    return ok == GL_TRUE;
}

// The kept program, or 0. The driver checks the binary is its own (Mesa: its build and a
// checksum) and refuses it otherwise.
GLuint load(const std::filesystem::path& cache, std::uint64_t source) {
    std::string bytes;
    try {
        bytes = readSmallFile(cache, kMaxCacheBytes);
    } catch (const FileError&) {
        return 0; // none yet, or not a file we can read
    }
    Header h{};
    if (bytes.size() < sizeof h) return 0;
    std::memcpy(&h, bytes.data(), sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.source != source || h.size != bytes.size() - sizeof h)
        return 0;
    const GLuint program = glCreateProgram();
    glProgramBinary(program, h.format, bytes.data() + sizeof h, static_cast<GLsizei>(h.size));
    if (glGetError() == GL_NO_ERROR && linked(program)) return program;
    glDeleteProgram(program);
    return 0;
}

void keep(GLuint program, const std::filesystem::path& cache, std::uint64_t source) {
    GLint size = 0;
    glGetProgramiv(program, GL_PROGRAM_BINARY_LENGTH, &size);
    if (size <= 0 || static_cast<std::uintmax_t>(size) > kMaxCacheBytes - sizeof(Header)) return;
    std::string bytes(sizeof(Header) + static_cast<std::size_t>(size), '\0');
    GLenum format = 0;
    GLsizei written = 0;
    glGetProgramBinary(program, size, &written, &format, bytes.data() + sizeof(Header));
    if (glGetError() != GL_NO_ERROR || written != size) return;
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.source = source;
    h.format = format;
    h.size = static_cast<std::uint32_t>(size);
    std::memcpy(bytes.data(), &h, sizeof h);
    try {
        std::filesystem::create_directories(cache.parent_path());
        writeFileAtomically(cache, bytes);
    } catch (const std::exception&) {
        // A state folder that cannot be written: the next start compiles again.
    }
}

std::string compileError(GLuint shader, const char* stage) {
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return {};
    char log[512] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    return std::string("the UI's ") + stage + " shader did not compile: " + log;
}

GLuint compile(GLenum stage, const char* text) {
    const GLuint shader = glCreateShader(stage);
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    return shader;
}

} // namespace

LinkedProgram linkProgram(const ProgramSource& source, const std::filesystem::path& cache) {
    const std::uint64_t hash = sourceHash(source);
    const bool binaries = !cache.empty() && binariesOffered();
    if (binaries)
        if (const GLuint program = load(cache, hash)) return {program, true, {}};

    const GLuint vertex = compile(GL_VERTEX_SHADER, source.vertex);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, source.fragment);
    std::string error = compileError(vertex, "vertex");
    if (error.empty()) error = compileError(fragment, "fragment");
    GLuint program = glCreateProgram();
    if (error.empty()) {
        glAttachShader(program, vertex);
        glAttachShader(program, fragment);
        for (const auto& [location, name] : source.attributes) glBindAttribLocation(program, location, name);
        if (binaries) glProgramParameteri(program, GL_PROGRAM_BINARY_RETRIEVABLE_HINT, GL_TRUE);
        glLinkProgram(program);
        if (!linked(program)) {
            char log[512] = {};
            glGetProgramInfoLog(program, sizeof log, nullptr, log);
            error = std::string("the UI's shaders did not link: ") + log;
        }
        glDetachShader(program, vertex);
        glDetachShader(program, fragment);
    }
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    if (!error.empty()) {
        glDeleteProgram(program);
        return {0, false, error};
    }
    if (binaries) keep(program, cache, hash);
    return {program, false, {}};
}

} // namespace ev::platform
