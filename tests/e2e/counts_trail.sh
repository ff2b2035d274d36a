#!/usr/bin/env bash
# No visit's path on disk: a visit whose every step is committed apart, then kill -9, then an
# attacker's read of every file in the state folder. It replays a write-ahead log frame by frame
# and rolls back a journal (as SQLite would), diffing the totals of each state it rebuilds, and
# scans the raw bytes for a second copy of any row. It must recover at most the current totals.
. "$(dirname "$0")/lib.sh"
state=$WORK/state
# Real seconds between steps, so that the writer (once a second) commits each step apart.
cat > visit.evscript <<'SCRIPT'
tap Touch to start
sleep 1.5
tap lang:en
sleep 1.5
tap audience:parent
sleep 1.5
tap topic:if-a-child-tells-you
sleep 1.5
tap nav:back
tap topic:signs-to-notice
sleep 1.5
tap Get help now
sleep 1.5
tap signpost:childline
sleep 1.5
tap nav:exit
sleep 10
sleep 10
SCRIPT
"$KIOSK" --pack "$PACK" --state-dir "$state" --window 540x960 --script visit.evscript >/dev/null 2>&1 &
pid=$!
# The quick exit commits at once; wait for it, then kill the kiosk as a power cut would.
for _ in $(seq 120); do
  [ -f "$state/counts.sqlite" ] &&
    [ "$(sqlite3 -readonly -cmd '.timeout 5000' "$state/counts.sqlite" "select count(*) from counts where event = 'quick_exit'" 2>/dev/null)" = 1 ] && break
  kill -0 "$pid" 2>/dev/null || fail "the kiosk stopped before the visit ended"
  sleep 0.5
done
kill -0 "$pid" 2>/dev/null || fail "the kiosk stopped before the kill"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
echo "files in the state folder after kill -9: $(ls -A "$state" | tr '\n' ' ')"

# What the attacker sees. Copies only: the state folder is evidence.
mkdir -p evidence snaps
cp -a "$state/." evidence/
rows() { sqlite3 "$1" "select event || '/' || page || '/' || locale || '/' || audience || '/' || detail || '=' || n from counts order by 1"; }
be32() { od -An -tu4 --endian=big -j "$2" -N 4 "$1" | tr -d ' '; }
states=0
snapshot() { # FILE: one rebuilt state of the database, legacy header so that sqlite3 reads it alone
  printf '\001\001' | dd of="$1" bs=1 seek=18 conv=notrunc status=none
  states=$((states + 1))
  rows "$1" > "snaps/$states.txt"
}
# 1. The write-ahead log, frame by frame (every frame, whatever its salt), from the database file.
wal=evidence/counts.sqlite-wal
if [ -s "$wal" ]; then
  ps=$(be32 "$wal" 8)
  frames=$(( ($(stat -c %s "$wal") - 32) / (24 + ps) ))
  cp evidence/counts.sqlite replay.db
  for i in $(seq 0 $((frames - 1))); do
    at=$((32 + i * (24 + ps)))
    page=$(be32 "$wal" "$at")
    dd if="$wal" of=replay.db bs=1 skip=$((at + 24)) seek=$(( (page - 1) * ps )) count="$ps" conv=notrunc status=none iflag=skip_bytes,count_bytes oflag=seek_bytes
    if [ "$(be32 "$wal" $((at + 4)))" != 0 ]; then cp replay.db "snap.db"; snapshot snap.db; fi
  done
fi
# 2. A rollback journal left by the kill: SQLite itself rolls it back into the earlier state.
if [ -s evidence/counts.sqlite-journal ]; then
  mkdir -p hot && cp evidence/counts.sqlite evidence/counts.sqlite-journal hot/
  sqlite3 hot/counts.sqlite 'pragma integrity_check' >/dev/null
  cp hot/counts.sqlite snap.db && snapshot snap.db
fi
# 3. The database as SQLite itself reads it now (with its log, if it has one).
mkdir -p now && cp evidence/counts.sqlite* now/
sqlite3 now/counts.sqlite 'pragma wal_checkpoint(truncate)' >/dev/null
cp now/counts.sqlite now.db && snapshot now.db
distinct=$(for f in snaps/*.txt; do md5sum < "$f"; done | sort -u | wc -l)
if [ "$distinct" -gt 1 ]; then
  echo "the attacker rebuilt $distinct states; the visit in order:" >&2
  prev=/dev/null
  for i in $(seq "$states"); do
    comm -13 "$prev" "snaps/$i.txt" | sed 's/=.*//' | sort -u | tr '\n' ' ' >&2; echo >&2
    prev=snaps/$i.txt
  done
  fail "earlier states of the counts are on disk: event order recovered from $distinct states"
fi
echo "ok: replaying every file rebuilds one state only (the current totals)"

# 4. Raw bytes: each row's key (its text columns, stored side by side in the record) appears
# once in all the files together; a second copy is an earlier version of that row, in a log,
# a journal, a freed page or a cell's old space.
pack_id=$(sqlite3 now.db "select distinct pack from counts limit 1")
while IFS='|' read -r key; do
  copies=$(find evidence -type f -exec cat {} + | { grep -aoF -- "$key" || true; } | wc -l)
  [ "$copies" = 1 ] || fail "the row key '$key' is on disk $copies times (earlier versions kept)"
done < <(sqlite3 now.db "select event || pack || page || locale || audience || detail from counts")
echo "ok: every row's key is on disk exactly once in the $(find evidence -type f | wc -l) files of the state folder"

# Durability all the same: the visit survived the kill whole, and the database is sound.
[ "$(sqlite3 "$state/counts.sqlite" 'pragma integrity_check')" = ok ] || fail "database damaged by the kill"
for e in session_start language_selected audience_selected help_view signpost_view quick_exit; do
  [ "$(count "$e")" -ge 1 ] || fail "$e was lost in the kill"
done
[ "$(count page_view)" -ge 2 ] || fail "a page view was lost in the kill"

# Test data never joins real data: a scripted run without --state-dir counts elsewhere.
mkdir -p home
HOME=$WORK/home XDG_STATE_HOME='' TMPDIR=$WORK timeout 120 "$KIOSK" --pack "$PACK" --window 540x960 \
  --script "$SOURCE_DIR/tests/e2e/full_flow.evscript" >/dev/null 2>script.log || fail "a scripted run without --state-dir: $(cat script.log)"
[ ! -e home/.local/state/everyvoice/counts.sqlite ] || fail "a scripted run counted into the real state folder"
ls -d "$WORK"/everyvoice-test-*/counts.sqlite >/dev/null 2>&1 || fail "the scripted run's counts are not in a throwaway folder"
grep -q "counts into $WORK/everyvoice-test-" script.log || fail "the scripted run does not say where it counts"
echo "ok: a scripted run without --state-dir counts into $(basename "$WORK"/everyvoice-test-*), not the real folder"
echo "counts_trail: no earlier state of the counts on disk after a visit and kill -9 (pack $pack_id)"
