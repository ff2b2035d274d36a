#pragma once
// Writing files so that a power cut or a kill leaves either the old file or the new one whole:
// data and folder entries are fsync'd before anything relies on them.
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/atomic_file.h" // FileError: one error type for every file this module writes

namespace ev {

// Copies from into to (created or truncated) and fsyncs to. Throws FileError, one line.
void copyDurably(const std::filesystem::path& from, const std::filesystem::path& to);

// As copyDurably, for a file someone else put there (the pack inbox): only a regular file is
// opened (never through a symlink, never waiting on a FIFO or a device), and one larger than
// maxBytes is refused before a byte is copied. Throws FileError, one line.
void copyUntrusted(const std::filesystem::path& from, const std::filesystem::path& to, std::uintmax_t maxBytes);

// The whole of a small regular file (a key, a signature), opened without waiting on a FIFO or
// a device; larger than maxBytes is refused. Throws FileError, one line.
std::string readSmallFile(const std::filesystem::path& file, std::uintmax_t maxBytes);

// Makes renames and new entries in dir durable. Throws FileError, one line.
void syncFolder(const std::filesystem::path& dir);

} // namespace ev
