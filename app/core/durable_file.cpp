#include "durable_file.h"

#include <fcntl.h>
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

} // namespace

void copyDurably(const fs::path& from, const fs::path& to) {
    Fd in{::open(from.c_str(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0) fail("read", from, errno);
    Fd out{::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
    if (out.fd < 0) fail("create", to, errno);
    std::vector<char> buf(1 << 16);
    for (;;) {
        const ssize_t n = ::read(in.fd, buf.data(), buf.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("read", from, errno);
        }
        if (n == 0) break;
        writeAll(out.fd, buf.data(), static_cast<std::size_t>(n), to);
    }
    if (::fsync(out.fd) != 0) fail("write", to, errno);
    out.closeChecked(to);
}

void replaceDurably(const fs::path& file, const std::string& text) {
    const fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".tmp-" + std::to_string(::getpid()));
    {
        Fd out{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
        if (out.fd < 0) fail("create", tmp, errno);
        writeAll(out.fd, text.data(), text.size(), tmp);
        if (::fsync(out.fd) != 0) fail("write", tmp, errno);
        out.closeChecked(tmp);
    }
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail("replace", file, err);
    }
    syncFolder(file.parent_path());
}

void syncFolder(const fs::path& dir) {
    Fd d{::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (d.fd < 0) fail("open folder", dir, errno);
    if (::fsync(d.fd) != 0) fail("sync folder", dir, errno);
}

} // namespace ev
