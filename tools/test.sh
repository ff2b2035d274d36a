#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: unit tests, UI tests on a headless
# ImGui context, and end-to-end tests of the real kiosk under Xvfb (CI has no display).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${EV_BUILD_DIR:-$root/build}
"$root/tools/deps.sh" test
"$root/tools/build.sh"
cd "$build"
# One X server for the whole run; the end-to-end tests find it through DISPLAY.
exec "$root/tools/xvfb.sh" ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)" "$@"
