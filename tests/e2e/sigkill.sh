#!/usr/bin/env bash
# Durability: a kiosk under --monkey killed with SIGKILL at random moments, 8 times. After each
# kill the counts database passes integrity_check and its total never goes down.
. "$(dirname "$0")/lib.sh"
RANDOM=${SIGKILL_SEED:-11}
previous=0
for round in $(seq 8); do
  "$KIOSK" --pack "$PACK" --state-dir "$WORK/state" --window 360x640 --monkey 1000000 --seed "$round" >/dev/null 2>&1 &
  pid=$!
  sleep "$(( RANDOM % 3 + 1 )).$(( RANDOM % 10 ))"
  kill -0 "$pid" 2>/dev/null || fail "round $round: the kiosk stopped by itself"
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  [ "$(sqlite3 state/counts.sqlite 'pragma integrity_check')" = ok ] || fail "round $round: database damaged"
  total=$(sqlite3 state/counts.sqlite 'select coalesce(sum(n), 0) from counts')
  [ "$total" -ge "$previous" ] || fail "round $round: total went down from $previous to $total"
  echo "round $round: killed, integrity ok, total $total"
  previous=$total
done
[ "$previous" -gt 0 ] || fail "nothing was ever committed before a kill"
[ -z "$(ls state | grep -E 'corrupt|newer')" ] || fail "a database was set aside: $(ls state)"
echo "sigkill: 8 kills, database intact each time, totals never went down ($previous events)"
