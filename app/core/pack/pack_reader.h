#pragma once
// Opens an .evpack (one SQLite file, see docs/pack-format.md) read-only and loads it whole.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/pack/content.h"

namespace ev {

// The newest pack schema this build can read and the one the pack tool writes; a pack with a
// higher major version is refused. 2 added the audience "teen", which a kiosk reading up to 1
// would refuse as unknown, and several neutral items per locale; 3 added session plans, whose
// tables a kiosk reading up to 2 does not know. Packs of schema 1 and 2 still load.
inline constexpr int kPackSchemaVersion = 3;

struct PackError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A pack id names files (packs/<id>-<version>.evpack) and log lines: 1 to 64 of
// A-Z a-z 0-9 . _ -, not starting with '.'.
bool validPackId(std::string_view id);

// Throws PackError with a one-line reason a person can act on (missing file, not a pack,
// corrupt, newer schema, missing required table or row).
Pack readPack(const std::filesystem::path& file);

} // namespace ev
