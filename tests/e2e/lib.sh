# Shared by the end-to-end tests. Each test runs the real kiosk binary on a real X display
# (tools/test.sh provides one with tools/xvfb.sh) with Mesa's software GL.
set -euo pipefail
: "${KIOSK:?KIOSK must name the everyvoice-kiosk binary}"
: "${PACK:?PACK must name the default .evpack}"
: "${PNG_CHECK:?PNG_CHECK must name the png_check binary}"
if [ -z "${DISPLAY:-}" ]; then
  exec "$(dirname "${BASH_SOURCE[0]}")/../../tools/xvfb.sh" bash "$0" "$@"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

fail() { echo "FAIL: $*" >&2; exit 1; }

# kiosk ARGS...: runs the kiosk with a fresh state folder and a time limit, so a hang fails.
kiosk() { timeout "${KIOSK_TIMEOUT:-120}" "$KIOSK" --pack "$PACK" --state-dir "$WORK/state" "$@"; }

# count EVENT: how many of EVENT the kiosk has committed to its counts database.
count() {
  sqlite3 -cmd '.timeout 5000' "$WORK/state/counts.sqlite" "select coalesce(sum(n),0) from counts where event='$1'"
}
