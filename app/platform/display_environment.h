#pragma once
// What the window and GL libraries are told through the environment. Set first thing, before
// the start's other threads exist: setenv is not safe while another thread reads the
// environment (fontconfig, ICU and Mesa all do).
#include <filesystem>

namespace ev::platform {

// MESA_SHADER_CACHE_DIR: Mesa keeps compiled shaders on disk under the user's cache folder,
//   which a kiosk's service user may not have: then every start compiles the UI's shaders
//   again (150-300 ms of the first frame under llvmpipe; docs/performance.md).
//   STATE-DIR/shader-cache is kept across starts. A folder the environment names wins; Mesa
//   itself does without a cache it cannot write.
// XCOMPOSEFILE: /dev/null, always. Xlib (and xkbcommon on Wayland) read the locale's compose
//   table, some 6,000 lines, when SDL opens its input method: 7 ms of CPU at every start.
//   Compose sequences only build typed text, and the kiosk takes no typed text from anyone
//   (docs/design.md, safeguarding rule 1).
// DBUS_SESSION_BUS_ADDRESS: "disabled:" when there is no session bus to find (the variable
//   unset and no XDG_RUNTIME_DIR/bus), as under a system service or xvfb-run. SDL connects to
//   the session bus as it starts; with none there, D-Bus forks the kiosk to run dbus-launch,
//   which would start a bus for this process alone, where no screen saver or input method
//   listens: 5 ms of every start. A session bus that exists is used as before.
// Returns the shader cache folder in effect, where the UI's linked program is kept too.
std::filesystem::path setDisplayEnvironment(const std::filesystem::path& stateDir);

} // namespace ev::platform
