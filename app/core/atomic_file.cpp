#include "core/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <string>

namespace ev {

namespace fs = std::filesystem;

namespace {

fs::path folderOf(const fs::path& target) { return target.has_parent_path() ? target.parent_path() : fs::path("."); }
std::string prefixOf(const fs::path& target) { return "." + target.filename().string() + ".tmp-"; }

} // namespace

fs::path temporaryFor(const fs::path& target, std::string_view tag) {
    return folderOf(target) / (prefixOf(target) + std::to_string(::getpid()) + "-" + std::string(tag));
}

void removeOrphanedTemporaries(const fs::path& target) {
    const std::string prefix = prefixOf(target);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folderOf(target), ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix)) continue;
        pid_t pid = 0;
        const char* end = name.data() + name.size();
        const auto [after, err] = std::from_chars(name.data() + prefix.size(), end, pid);
        if (err != std::errc{} || after == end || *after != '-' || pid <= 0 || pid == ::getpid()) continue;
        if (::kill(pid, 0) == 0 || errno != ESRCH) continue;
        ::unlink(entry.path().c_str());
    }
}

void writeFileAtomically(const fs::path& target, std::string_view content, unsigned mode) {
    const fs::path folder = folderOf(target);
    removeOrphanedTemporaries(target);
    std::string temp = temporaryFor(target, "XXXXXX").string();
    const auto failure = [&](const std::string& what, int err) {
        return FileError("cannot write " + target.string() + ": " + what + ": " + std::strerror(err));
    };
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) throw failure("cannot create a file in " + folder.string(), errno);
    const auto abandon = [&](const char* what) {
        const int err = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        return failure(what, err);
    };
    for (std::size_t done = 0; done < content.size();) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = ENOSPC;
            throw abandon("writing");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) throw abandon("setting permissions");
    if (::fsync(fd) != 0) throw abandon("flushing to disk");
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw failure("closing", err);
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw failure("renaming into place", err);
    }
    // The rename itself is durable only once the folder is flushed.
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

} // namespace ev
