#pragma once
// Writing a file so that a reader, a power cut or a full disk never sees half of it: the text
// goes to a temporary file beside the target, is flushed to the disk, then renamed over it.
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace ev {

struct FileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Replaces `target` with `content`. On any failure (a missing, read-only or full folder)
// throws FileError with one line naming the target and the reason, and leaves no temporary
// file and the old target, if any, as it was. mode is the file's permissions: 0644 so staff
// tools can read it, or 0600 for a secret (the admin PIN's hash).
// The temporary is named .TARGET.tmp-PID-XXXXXX: a writer killed before its rename (kill -9,
// a power cut) leaves it behind, and the next write of the same target removes those of
// processes no longer running.
void writeFileAtomically(const std::filesystem::path& target, std::string_view content, unsigned mode = 0644);

// A name beside target for this process's temporary copy of it, .TARGET.tmp-PID-TAG, for a
// writer that makes the file its own way (a pack is written by SQLite; its journal,
// NAME-journal, has the same beginning).
std::filesystem::path temporaryFor(const std::filesystem::path& target, std::string_view tag);

// Removes the temporaries of target (as named above, whatever their tag) left by processes no
// longer running. A running writer's is left alone. writeFileAtomically calls it first.
void removeOrphanedTemporaries(const std::filesystem::path& target);

} // namespace ev
