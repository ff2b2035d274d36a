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

# Staff lengthen the limit where people read slowly; the prompt still gives its full time.
rm -rf state
printf 'tap start\ntap lang:en\nwait 179\nexpect nav:exit\nwait 1\nexpect idle:continue\nwait 44\nexpect idle:continue\nwait 1\nexpect start\n' > slow.evscript
kiosk --window 540x960 --idle-limit 180 --prompt-time 45 --script slow.evscript || fail "--idle-limit 180 --prompt-time 45"
set +e
"$KIOSK" --pack "$PACK" --state-dir "$WORK/state" --prompt-time 10 --screenshot x.png 2>/dev/null
[ $? -eq 2 ] || fail "a prompt shorter than 20 s (WCAG 2.2.1) was accepted"
set -e
echo "idle: staff settings for a slower venue behave"
