#!/usr/bin/env bash
# Installs what is missing, builds, puts everyvoice-pack in ~/.local/bin, and starts the kiosk with the default pack in a window.
# Extra arguments go to the kiosk, e.g. tools/run.sh --platform glfw --window 1920x1080
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/deps.sh" run
"$root/tools/build.sh"
# The comms team's tool by its plain name too (~/.local/bin is on PATH in Debian's default
# login profile once it exists); tools/everyvoice-pack works whatever the PATH.
mkdir -p "$HOME/.local/bin" && ln -sf "$root/tools/everyvoice-pack" "$HOME/.local/bin/everyvoice-pack"
exec "${EV_BUILD_DIR:-$root/build}/app/everyvoice-kiosk" "$@"
