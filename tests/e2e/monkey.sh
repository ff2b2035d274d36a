#!/usr/bin/env bash
# 20,000 random taps, drags, keys and waits: no crash, no hang, and counts that add up.
. "$(dirname "$0")/lib.sh"
kiosk --window 540x960 --monkey 20000 --seed 7 || fail "monkey run exited with $?"
[ "$(sqlite3 state/counts.sqlite 'pragma integrity_check')" = ok ] || fail "counts database damaged"
starts=$(count session_start)
[ "$starts" -gt 0 ] || fail "the monkey never started a session"
echo "monkey: 20000 steps, $starts sessions, $(count quick_exit) quick exits, $(count idle_reset) idle resets"
