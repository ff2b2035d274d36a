#pragma once
// A GL shader program, linked from GLSL or loaded as the binary of the same program kept from
// an earlier start (glProgramBinary: GL 4.1, or GL_ARB_get_program_binary, which Mesa offers).
// Mesa spends 7-8 ms on a process's first GLSL compile whatever its shader cache holds (its
// GLSL compiler starting up); the kept binary loads in half a millisecond (docs/performance.md).
// A GL context must be current.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace ev::platform {

struct ProgramSource {
    const char* vertex = nullptr;
    const char* fragment = nullptr;
    // Bound to these locations before linking, so that a loaded binary has them too.
    std::vector<std::pair<unsigned, const char*>> attributes;
};

struct LinkedProgram {
    unsigned id = 0;        // the GL program; 0 when it could not be made, and error says why
    bool fromCache = false; // loaded from the kept binary
    std::string error;
};

// Loads the binary kept in cache when it holds this source, built by this driver; otherwise
// compiles and links the source and keeps its binary there for the next start. A cache that
// is missing, stale, damaged or cannot be written costs only the compile; an empty path keeps
// nothing. The file is the kiosk's own, beside Mesa's shader cache (the state folder's
// shader-cache, unless the environment names another: platform/display_environment.h).
LinkedProgram linkProgram(const ProgramSource& source, const std::filesystem::path& cache);

} // namespace ev::platform
