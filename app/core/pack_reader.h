#pragma once
// Opens an .evpack (one SQLite file, see docs/pack-format.md) read-only and loads it whole.
#include <filesystem>
#include <stdexcept>
#include <string>

#include "content.h"

namespace ev {

// The newest pack schema this build can read; a pack with a higher major version is refused.
inline constexpr int kPackSchemaVersion = 1;

struct PackError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Throws PackError with a one-line reason a person can act on (missing file, not a pack,
// corrupt, newer schema, missing required table or row).
Pack readPack(const std::filesystem::path& file);

} // namespace ev
