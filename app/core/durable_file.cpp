#include "core/durable_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace ev {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& file, int err) {
    throw FileError("cannot " + what + " " + file.string() + ": " + std::strerror(err));
}

// Owns a file descriptor so every early exit closes it.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
    // close() reports late write errors (NFS, some USB file systems); they must not be lost.
    void closeChecked(const fs::path& file) {
        const int f = fd;
        fd = -1;
        if (::close(f) != 0) fail("write", file, errno);
    }
};

void writeAll(int fd, const char* data, std::size_t size, const fs::path& file) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write", file, errno);
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

// Opens a regular file to read without following a final symlink (when noFollow) and without
// blocking on a FIFO or a device (O_NONBLOCK), then checks with fstat what was opened, so a
// file swapped between a look and the open cannot slip through. Returns its size.
std::uintmax_t openRegular(Fd& fd, const fs::path& file, std::uintmax_t maxBytes, bool noFollow) {
    fd.fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | (noFollow ? O_NOFOLLOW : 0));
    if (fd.fd < 0) {
        if (errno == ELOOP) throw FileError("cannot read " + file.string() + ": it is a symbolic link");
        fail("read", file, errno);
    }
    struct stat st{};
    if (::fstat(fd.fd, &st) != 0) fail("read", file, errno);
    if (!S_ISREG(st.st_mode))
        throw FileError("cannot read " + file.string() + ": " + (S_ISDIR(st.st_mode) ? "a folder" : "not a regular file"));
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > maxBytes)
        throw FileError("cannot copy " + file.string() + ": " + std::to_string(size) + " bytes, more than the limit of " +
                        std::to_string(maxBytes));
    return size;
}

// Copies in to out, at most limit bytes: a file that grows while it is copied is refused.
void copyAll(int in, const fs::path& from, int out, const fs::path& to, std::uintmax_t limit) {
    std::vector<char> buf(1 << 16);
    std::uintmax_t total = 0;
    for (;;) {
        const ssize_t n = ::read(in, buf.data(), buf.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("read", from, errno);
        }
        if (n == 0) break;
        total += static_cast<std::uintmax_t>(n);
        if (total > limit) throw FileError("cannot copy " + from.string() + ": it grew past the limit while being copied");
        writeAll(out, buf.data(), static_cast<std::size_t>(n), to);
    }
}

void copyFd(int in, const fs::path& from, const fs::path& to, std::uintmax_t limit) {
    Fd out{::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
    if (out.fd < 0) fail("create", to, errno);
    copyAll(in, from, out.fd, to, limit);
    if (::fsync(out.fd) != 0) fail("write", to, errno);
    out.closeChecked(to);
}

} // namespace

void copyDurably(const fs::path& from, const fs::path& to) {
    Fd in{::open(from.c_str(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0) fail("read", from, errno);
    copyFd(in.fd, from, to, UINTMAX_MAX);
}

void copyUntrusted(const fs::path& from, const fs::path& to, std::uintmax_t maxBytes) {
    Fd in{-1};
    openRegular(in, from, maxBytes, true);
    copyFd(in.fd, from, to, maxBytes);
}

std::string readSmallFile(const fs::path& file, std::uintmax_t maxBytes) {
    Fd in{-1};
    const std::uintmax_t size = openRegular(in, file, maxBytes, false);
    std::string text;
    text.reserve(size);
    std::vector<char> buf(1 << 14);
    for (;;) {
        const ssize_t n = ::read(in.fd, buf.data(), buf.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("read", file, errno);
        }
        if (n == 0) break;
        if (text.size() + static_cast<std::size_t>(n) > maxBytes) throw FileError("cannot read " + file.string() + ": it grew past the limit while being read");
        text.append(buf.data(), static_cast<std::size_t>(n));
    }
    return text;
}

void syncFolder(const fs::path& dir) {
    Fd d{::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (d.fd < 0) fail("open folder", dir, errno);
    if (::fsync(d.fd) != 0) fail("sync folder", dir, errno);
}

} // namespace ev
