#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk with the default pack in a window.
# Extra arguments go to the kiosk, e.g. tools/run.sh --platform glfw --window 1920x1080
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/deps.sh" run
"$root/tools/build.sh"
exec "${EV_BUILD_DIR:-$root/build}/app/everyvoice-kiosk" "$@"
