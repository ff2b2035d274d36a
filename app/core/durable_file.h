#pragma once
// Writing files so that a power cut or a kill leaves either the old file or the new one whole:
// data and folder entries are fsync'd before anything relies on them.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace ev {

struct FileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Copies from into to (created or truncated) and fsyncs to. Throws FileError, one line.
void copyDurably(const std::filesystem::path& from, const std::filesystem::path& to);

// Replaces file with text: written to a temporary file beside it, fsync'd, renamed over it,
// and the folder fsync'd. Throws FileError, one line.
void replaceDurably(const std::filesystem::path& file, const std::string& text);

// Makes renames and new entries in dir durable. Throws FileError, one line.
void syncFolder(const std::filesystem::path& dir);

} // namespace ev
