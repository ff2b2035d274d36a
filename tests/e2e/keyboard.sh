#!/usr/bin/env bash
# The whole visit with a keyboard only (Tab, arrows, Enter, Space), as a visitor who cannot
# use the touch screen would make it; and with one switch, the focus scanning by itself.
. "$(dirname "$0")/lib.sh"
# Tab order on each screen: the bar (back once there is history, home, language, help, exit),
# then the screen's controls in reading order (child, teenager, parent, community on the
# audience screen), then "Text and colour". A screen just opened
# has no focus yet: Tab (or Down) starts at its first control.
cat > keys.evscript <<'SCRIPT'
key enter
expect lang:en
key tab
key tab
key tab
key tab
key tab
key enter
expect audience:parent
key tab
key tab
key tab
key tab
key tab
key tab
key tab
key tab
key space
expect topic:signs-to-notice
key down
key down
key down
key down
key down
key down
key enter
expect nav:back
screenshot keyboard-page.png
key tab
key tab
key tab
key tab
key enter
expect nav:home
screenshot keyboard-help.png
key shift
key shift
key shift
screenshot keyboard-neutral.png
SCRIPT
kiosk --window 1080x1920 --script keys.evscript || fail "keyboard-only visit"
for png in keyboard-*.png; do "$PNG_CHECK" "$png" 1080x1920 || fail "$png blank"; done
expect_count() { [ "$(count "$1")" = "$2" ] || fail "$1 counted $(count "$1") times, expected $2"; }
expect_count session_start 1
expect_count language_selected 1
expect_count audience_selected 1
expect_count page_view 1
expect_count help_view 1
expect_count quick_exit 1
[ "$(sqlite3 state/counts.sqlite "select page from counts where event = 'page_view'")" = what-is-child-sexual-abuse ] ||
  fail "the keyboard opened another page than the first topic"

# One switch: the focus steps every second by itself; Space takes it. Starting, then waiting
# five steps, lands on the first language in the Tab order above.
rm -rf state
printf 'key space\nwait 1\nwait 1\nwait 1\nwait 1\nwait 1\nkey space\nexpect audience:child\n' > scan.evscript
kiosk --window 1080x1920 --scan 1 --script scan.evscript || fail "switch scanning visit"
expect_count language_selected 1
echo "keyboard: a whole visit with keys only, and with one switch"
