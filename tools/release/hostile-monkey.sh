#!/usr/bin/env bash
# 100,000 monkey events under AddressSanitizer + UBSan (the asan preset, build-asan/) with a
# hostile inbox beside it: a FIFO named like a signature, 3,000 junk files, a 100 GB sparse
# file, links to /dev/zero and to a secret, a folder, and new junk dropped in every second
# while the monkey runs. Passes when the kiosk exits 0 with no sanitizer report, its counts
# database passes integrity_check, and the state folder stays small.
# The test suite's fast sample is tests/e2e/hostile_inbox.sh.
# Usage: tools/release/hostile-monkey.sh [events]   (default 100000)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
events=${1:-100000}
build=${EV_ASAN_BUILD_DIR:-$root/build-asan}
cmake --preset asan -S "$root" >/dev/null
cmake --build "$build" -j2 --target everyvoice-kiosk default_pack
work=$(mktemp -d)
trap 'kill "${dropper:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
mkdir -p inbox state
cp "$build/content/default.evpack" inbox/a-fifo.evpack
mkfifo inbox/a-fifo.evpack.minisig
cp "$build/content/default.evpack" inbox/b-zero.evpack
ln -s /dev/zero inbox/b-zero.evpack.minisig
truncate -s 100G inbox/c-huge.evpack
for i in $(seq 1000 3999); do printf 'junk %s\n' "$i" >"inbox/junk-$i.evpack"; done
echo secret >secret
ln -s "$work/secret" inbox/secret.evpack
mkdir inbox/folder.evpack
(for i in $(seq 1 100000); do printf 'late %s\n' "$i" >"inbox/late-$i.evpack"; sleep 1; done) &
dropper=$!

start=$(date +%s)
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$root/tools/xvfb.sh" env LIBGL_ALWAYS_SOFTWARE=1 SDL_AUDIODRIVER=dummy \
  "$build/app/everyvoice-kiosk" --pack "$build/content/default.evpack" --state-dir state --inbox inbox \
  --window 360x640 --monkey "$events" --seed 13 >out.txt 2>log.txt || {
  echo "hostile-monkey: the kiosk exited $?" >&2
  grep -E 'ERROR|runtime error|SUMMARY' log.txt | head -5 >&2
  exit 1
}
seconds=$(( $(date +%s) - start ))
! grep -qE 'AddressSanitizer|runtime error' log.txt || { echo "hostile-monkey: sanitizer report in the log" >&2; exit 1; }
[ "$(sqlite3 state/counts.sqlite 'pragma integrity_check')" = ok ] || { echo "hostile-monkey: counts damaged" >&2; exit 1; }
kb=$(du -sk state | cut -f1)
[ "$kb" -lt 20000 ] || { echo "hostile-monkey: the state folder grew to $kb KB" >&2; exit 1; }
quick=$(sqlite3 state/counts.sqlite "select coalesce(sum(n),0) from counts where event='quick_exit'")
refused=$(grep -c 'packs: refused' log.txt || true)
echo "hostile-monkey: $events events in ${seconds} s under ASan/UBSan, $quick quick exits, $refused inbox files refused, state folder $kb KB, no sanitizer report"
