#!/usr/bin/env bash
# Runs a command with DISPLAY set to a private Xvfb server that lives as long as the command.
# Usage: tools/xvfb.sh [--screen WIDTHxHEIGHT] COMMAND [ARGS...]
#   --screen: the screen's size in pixels; default 1920x1920, room for a 1080x1920 portrait
#   window and a 1920x1080 landscape one. 24-bit colour.
# -noreset: by default Xvfb resets whenever its last client disconnects, and refuses a client
# that connects during the reset. A test's kiosk is often the only client, so the next kiosk
# to start could find no display at all (CI, 2026-12-05: two end-to-end tests, "no display
# found"); a bare XOpenDisplay loop is refused 7-15% of the time, and every connection after
# a reset waits about 40 ms for it. With -noreset the server keeps serving between clients.
set -euo pipefail
screen=1920x1920
if [ "${1:-}" = --screen ]; then screen=${2:?usage: tools/xvfb.sh [--screen WxH] COMMAND [ARGS...]}; shift 2; fi
[ $# -gt 0 ] || { echo "usage: tools/xvfb.sh [--screen WxH] COMMAND [ARGS...]" >&2; exit 2; }
exec xvfb-run -a -s "-screen 0 ${screen}x24 -noreset" "$@"
