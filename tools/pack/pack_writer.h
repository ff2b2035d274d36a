#pragma once
// Writes an .evpack (docs/pack-format.md) from a checked content folder.
#include <filesystem>
#include <string>

#include "source.h"

namespace evpack {

// The UTC day for meta.built_at: SOURCE_DATE_EPOCH if set (reproducible builds), else today.
std::string buildDay();

// Writes into a temporary file beside out, then renames it over out, so a kiosk or a copy
// never sees half a pack. Throws std::runtime_error with a one-line reason.
void writePack(const Source& src, const std::filesystem::path& out, const std::string& builtAt);

} // namespace evpack
