#!/usr/bin/env bash
# 20,000 random taps, drags, keys and waits: no crash, no hang, and counts that add up.
. "$(dirname "$0")/lib.sh"
# A small window: the monkey exercises logic and GL alike, and llvmpipe is slow per pixel.
KIOSK_TIMEOUT=600 kiosk --window 360x640 --monkey 20000 --seed 7 || fail "monkey run exited with $?"
[ "$(sqlite3 state/counts.sqlite 'pragma integrity_check')" = ok ] || fail "counts database damaged"
starts=$(count session_start)
[ "$starts" -gt 0 ] || fail "the monkey never started a session"
[ "$(count quick_exit)" -gt 0 ] || fail "the monkey never used the quick exit"
[ "$(count idle_reset)" -gt 0 ] || fail "the monkey never waited long enough for an idle reset"
echo "monkey: 20000 steps, $starts sessions, $(count quick_exit) quick exits, $(count idle_reset) idle resets"
