#!/usr/bin/env bash
# Inactivity: "Still there?" after 90 s, at least 20 s to carry on, then back to the start.
. "$(dirname "$0")/lib.sh"
cat > idle.evscript <<'SCRIPT'
tap start
tap lang:en
tap audience:parent
wait 89.5
expect nav:exit
wait 0.5
expect idle:continue
screenshot idle-prompt.png
tap idle:continue
expect nav:exit
wait 90
expect idle:continue
wait 29
expect idle:continue
wait 1
expect start
SCRIPT
kiosk --window 1080x1920 --script idle.evscript || fail "idle script"
"$PNG_CHECK" idle-prompt.png 1080x1920
[ "$(count idle_reset)" = 1 ] || fail "idle_reset counted $(count idle_reset) times, expected 1"
[ "$(count session_start)" = 1 ] || fail "session_start counted $(count session_start) times"
echo "idle: prompt, continue and reset behave"
