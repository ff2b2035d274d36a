#!/usr/bin/env bash
# The kiosk tells systemd it is ready after its first frame and then pings the watchdog from
# its main loop, through libsystemd's sd_notify. No systemd here: a Python datagram socket
# stands in as NOTIFY_SOCKET. SIGTERM (what systemd sends to stop the unit) ends it with exit 0.
set -euo pipefail
: "${KIOSK:?}" "${PACK:?}"
if [ -z "${DISPLAY:-}" ]; then exec "$(dirname "$0")/../../tools/xvfb.sh" --screen 1280x1024 bash "$0" "$@"; fi
work=$(mktemp -d)
trap 'kill "${listener:-}" "${kiosk:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
python3 - "$work/notify" "$work/heard" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(0.5)
end = time.time() + 60
with open(sys.argv[2], "w", buffering=1) as out:
    while time.time() < end:
        try:
            out.write(s.recv(4096).decode().replace("\n", " ") + "\n")
        except socket.timeout:
            pass
PY
listener=$!
for _ in $(seq 50); do [ -S "$work/notify" ] && break; sleep 0.1; done
NOTIFY_SOCKET=$work/notify WATCHDOG_USEC=1000000 "$KIOSK" --pack "$PACK" --state-dir "$work/state" --window 540x960 \
  2>"$work/err.txt" &
kiosk=$!
sleep 5
kill -0 "$kiosk" || fail "the kiosk stopped: $(cat "$work/err.txt")"
grep -q '^READY=1' "$work/heard" || fail "no READY=1: $(cat "$work/heard")"
pings=$(grep -c '^WATCHDOG=1' "$work/heard" || true)
# Every 0.5 s (half of WATCHDOG_USEC) while idle, for about 4 s after the first frame.
[ "$pings" -ge 5 ] || fail "only $pings watchdog pings in 5 s"
echo "ok: READY=1, then $pings watchdog pings from an idle kiosk in 5 s"
kill -TERM "$kiosk"
for _ in $(seq 50); do kill -0 "$kiosk" 2>/dev/null || break; sleep 0.1; done
kill -0 "$kiosk" 2>/dev/null && fail "still running 5 s after SIGTERM"
set +e
wait "$kiosk"
code=$?
set -e
kiosk=
[ "$code" = 0 ] || fail "exit $code after SIGTERM"
echo "ok: SIGTERM ends it with exit 0"
