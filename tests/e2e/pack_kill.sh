#!/usr/bin/env bash
# A kiosk killed (kill -9) at random moments while it takes in a new pack always starts again
# with a whole pack: the one it showed or the new one, never the built-in fallback once a
# stored pack exists, and never none.
. "$(dirname "$0")/pack_lib.sh"
new_pack 2
printf 'poll_seconds = 1\n' > state/updates.toml
shown=1
seed=${PACK_KILL_SEED:-$$}
RANDOM=$seed
for round in 1 2 3 4 5 6 7 8; do
  next=$((shown + 1))
  cp new/default-2.evpack "new/round.evpack"
  sqlite3 new/round.evpack "update meta set value='$next' where key='pack_version'"
  minisign -S -s comms.key -m new/round.evpack -t "everyvoice pack=default version=$next" >/dev/null
  mv new/round.evpack "new/default-$next.evpack"
  mv new/round.evpack.minisig "new/default-$next.evpack.minisig"
  drop "new/default-$next.evpack"
  "$KIOSK" --state-dir state --inbox inbox --window 540x960 2>"run-$round.txt" &
  pid=$!
  # Start-up takes about half a second and the first look in the inbox comes a second later.
  sleep "$((RANDOM % 2)).$((RANDOM % 10))$((RANDOM % 10))"
  kill -9 $pid
  wait $pid 2>/dev/null || true
  "$KIOSK" --state-dir state --window 540x960 --goto admin --screenshot "after-$round.png" 2>"after-$round.txt" ||
    fail "round $round (seed $seed): no start after the kill: $(cat "after-$round.txt")"
  "$PNG_CHECK" "after-$round.png" || fail "round $round: blank screen after the kill"
  line=$(grep "showing pack" "after-$round.txt") || fail "round $round: $(cat "after-$round.txt")"
  version=$(sed -n 's/.*showing pack default version \([0-9]*\) from.*/\1/p' <<<"$line")
  [ "$version" = "$shown" ] || [ "$version" = "$next" ] ||
    fail "round $round (seed $seed): showed version $version, expected $shown or $next: $line"
  if [ "$shown" -gt 1 ] || [ "$version" -gt 1 ]; then
    [[ $line == *"the pack store"* ]] || fail "round $round (seed $seed): fell back to the built-in pack: $line"
  fi
  ls state/packs/.[!.]* >/dev/null 2>&1 && fail "round $round: leftovers in the store after a start: $(ls -a state/packs)"
  echo "round $round: killed after $(grep -c . "run-$round.txt") log lines; restarted with version $version"
  shown=$version
done
[ "$shown" -gt 1 ] || fail "no round got as far as accepting a pack (seed $seed)"
echo "pack kill: 8 kills, each restart showed the pack before the kill or the new one (last: version $shown)"
