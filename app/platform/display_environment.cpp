#include "platform/display_environment.h"

#include <cstdlib>
#include <system_error>

namespace ev::platform {

namespace {

bool sessionBusToFind() {
    if (std::getenv("DBUS_SESSION_BUS_ADDRESS")) return true;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::error_code ec;
    return runtime && *runtime && std::filesystem::exists(std::filesystem::path(runtime) / "bus", ec);
}

} // namespace

std::filesystem::path setDisplayEnvironment(const std::filesystem::path& stateDir) {
    setenv("MESA_SHADER_CACHE_DIR", (stateDir / "shader-cache").c_str(), 0);
    setenv("XCOMPOSEFILE", "/dev/null", 1);
    if (!sessionBusToFind()) setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 1);
    return std::getenv("MESA_SHADER_CACHE_DIR");
}

} // namespace ev::platform
