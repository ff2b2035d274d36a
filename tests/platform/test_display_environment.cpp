// What the kiosk tells the window and GL libraries through the environment before it starts
// its threads (platform/display_environment.h).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "platform/display_environment.h"

namespace fs = std::filesystem;

namespace {

// The variables a test sets, put back as they were when it ends.
class SavedEnvironment {
public:
    SavedEnvironment() {
        for (const char* name : kNames)
            if (const char* v = std::getenv(name)) saved_[index(name)] = v;
    }
    ~SavedEnvironment() {
        for (const char* name : kNames) {
            const auto& v = saved_[index(name)];
            if (v) setenv(name, v->c_str(), 1);
            else unsetenv(name);
        }
    }

private:
    static constexpr const char* kNames[] = {"XCOMPOSEFILE", "MESA_SHADER_CACHE_DIR", "DBUS_SESSION_BUS_ADDRESS",
                                             "XDG_RUNTIME_DIR"};
    static std::size_t index(const char* name) {
        for (std::size_t i = 0; i < std::size(kNames); ++i)
            if (std::string(kNames[i]) == name) return i;
        return 0;
    }
    std::optional<std::string> saved_[std::size(kNames)];
};

std::optional<std::string> get(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}

fs::path freshFolder(const std::string& name) {
    const fs::path p = fs::temp_directory_path() / ("ev-display-env-" + name);
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

} // namespace

TEST_CASE("display environment: no compose table, whatever the environment named", "[environment]") {
    SavedEnvironment saved;
    setenv("XCOMPOSEFILE", "/home/someone/.XCompose", 1);
    ev::platform::setDisplayEnvironment("/var/lib/everyvoice");
    CHECK(get("XCOMPOSEFILE") == "/dev/null");
}

TEST_CASE("display environment: Mesa's shader cache, and the UI's program, in the state folder unless the environment names one",
          "[environment]") {
    SavedEnvironment saved;
    unsetenv("MESA_SHADER_CACHE_DIR");
    CHECK(ev::platform::setDisplayEnvironment("/var/lib/everyvoice") == "/var/lib/everyvoice/shader-cache");
    CHECK(get("MESA_SHADER_CACHE_DIR") == "/var/lib/everyvoice/shader-cache");
    setenv("MESA_SHADER_CACHE_DIR", "/srv/cache", 1);
    CHECK(ev::platform::setDisplayEnvironment("/var/lib/everyvoice") == "/srv/cache");
    CHECK(get("MESA_SHADER_CACHE_DIR") == "/srv/cache");
}

TEST_CASE("display environment: D-Bus is not started for the kiosk alone, and a session bus is kept",
          "[environment]") {
    SavedEnvironment saved;
    const fs::path runtime = freshFolder("runtime");

    // No bus anywhere: what dbus-launch would start, nothing listens on.
    unsetenv("DBUS_SESSION_BUS_ADDRESS");
    unsetenv("XDG_RUNTIME_DIR");
    ev::platform::setDisplayEnvironment("/var/lib/everyvoice");
    CHECK(get("DBUS_SESSION_BUS_ADDRESS") == "disabled:");

    unsetenv("DBUS_SESSION_BUS_ADDRESS");
    setenv("XDG_RUNTIME_DIR", runtime.c_str(), 1);
    ev::platform::setDisplayEnvironment("/var/lib/everyvoice");
    CHECK(get("DBUS_SESSION_BUS_ADDRESS") == "disabled:"); // a runtime folder with no bus in it

    // A user session's bus, found where D-Bus looks for it: left for SDL to find.
    unsetenv("DBUS_SESSION_BUS_ADDRESS");
    std::ofstream(runtime / "bus").put('\n');
    ev::platform::setDisplayEnvironment("/var/lib/everyvoice");
    CHECK_FALSE(get("DBUS_SESSION_BUS_ADDRESS").has_value());

    setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus", 1);
    unsetenv("XDG_RUNTIME_DIR");
    ev::platform::setDisplayEnvironment("/var/lib/everyvoice");
    CHECK(get("DBUS_SESSION_BUS_ADDRESS") == "unix:path=/run/user/1000/bus");
    fs::remove_all(runtime);
}
