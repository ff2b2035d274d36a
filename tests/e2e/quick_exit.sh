#!/usr/bin/env bash
# The quick exit: the Exit button, and Shift pressed 3 times with each press within 5 s of
# the last; any other key in between resets the count.
. "$(dirname "$0")/lib.sh"

cat > button.evscript <<'SCRIPT'
tap start
tap lang:en
tap audience:child
expect Exit
tap Exit
screenshot neutral.png
SCRIPT
kiosk --window 1080x1920 --script button.evscript || fail "exit button script"
"$PNG_CHECK" neutral.png 1080x1920
[ "$(count quick_exit)" = 1 ] || fail "Exit button: quick_exit counted $(count quick_exit) times"

# "Still there?" hides the screen but not the exit: a tap on it is the quick exit at once.
rm -rf state
cat > idle.evscript <<'SCRIPT'
tap start
tap lang:en
tap audience:child
wait 90
expect idle:continue
tap nav:exit
expect neutral:item
SCRIPT
kiosk --window 1080x1920 --script idle.evscript || fail "the Exit button over Still there?"
[ "$(count quick_exit)" = 1 ] || fail "Exit over Still there?: quick_exit counted $(count quick_exit) times"
[ "$(count idle_reset)" = 0 ] || fail "Exit over Still there? counted an idle reset"

rm -rf state
cat > shift.evscript <<'SCRIPT'
tap start
tap lang:en
key shift
wait 4.9
key shift
wait 4.9
key shift
SCRIPT
kiosk --script shift.evscript || fail "shift script"
[ "$(count quick_exit)" = 1 ] || fail "Shift x3 within 5 s each: quick_exit counted $(count quick_exit) times"

rm -rf state
cat > no-exit.evscript <<'SCRIPT'
tap start
tap lang:en
key shift
key shift
key a
key shift
wait 6
key shift
key shift
expect nav:exit
SCRIPT
kiosk --script no-exit.evscript || fail "interrupted Shift presses left the flow"
[ "$(count quick_exit)" = 0 ] || fail "interrupted Shift presses made a quick exit"
echo "quick exit: button and Shift x3 behave"
