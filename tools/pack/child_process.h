#pragma once
// Child processes for preview: the kiosk once per language, and an Xvfb server to draw in.
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace evpack {

// Starts argv[0] (found on PATH if it has no slash) with the environment plus `env`, its
// output going to `log` (appended; "" keeps ours). Throws std::runtime_error if it cannot.
pid_t spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            const std::filesystem::path& log = {});

// Waits for a child; its exit status, or 128 + signal like a shell.
int waitFor(pid_t pid);

// A private X server (Xvfb) of the given size, stopped on destruction. Needs no display of
// the user's, shows no window on it, and gives every run the same screen.
class VirtualDisplay {
public:
    VirtualDisplay(int width, int height); // throws std::runtime_error if Xvfb cannot start
    ~VirtualDisplay();
    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;
    const std::string& name() const { return name_; } // ":N", for DISPLAY

private:
    pid_t pid_ = -1;
    std::string name_;
};

// The first of these that exists as an executable file, if any.
std::optional<std::filesystem::path> firstExecutable(const std::vector<std::filesystem::path>& candidates);

// Whether a program is on PATH.
bool onPath(const std::string& program);

} // namespace evpack
