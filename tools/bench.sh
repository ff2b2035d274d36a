#!/usr/bin/env bash
# Prints the performance figures recorded in docs/performance.md, measured on this machine
# under Xvfb with Mesa llvmpipe at 1080x1920. Medians of several runs, ratios within one run.
# Usage: tools/bench.sh [runs]   (default 7 runs for the first-frame figures)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${EV_BUILD_DIR:-$root/build}
runs=${1:-7}
"$root/tools/deps.sh" bench
"$root/tools/build.sh" >/dev/null
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1080x1920x24" "$0" "$@"
fi
export LIBGL_ALWAYS_SOFTWARE=1
kiosk="$build/app/everyvoice-kiosk"
pack="$build/content/default.evpack"
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# first_frame CMD...: ms from starting CMD to its first finished frame, median of $runs runs.
first_frame() {
  for _ in $(seq "$runs"); do
    local t0 at
    t0=$(date +%s%N)
    at=$("$@" | awk '/^first_frame_at_ns/ {print $2}')
    echo $(( (at - t0) / 1000 ))
  done | median | awk '{printf "%.1f", $1/1000}'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
echo "renderer: $(glxinfo -B 2>/dev/null | awk -F': ' '/OpenGL renderer/ {print $2}' || echo unknown)"

bare=$(first_frame "$build/tests/bench/bench_bare_window" 1080 1920)
ours=$(first_frame "$kiosk" --pack "$pack" --state-dir "$state" --window 1080x1920 --bench-first-frame)
echo "first frame: bare SDL2+GL window ${bare} ms, kiosk ${ours} ms, ratio $(awk -v a="$ours" -v b="$bare" 'BEGIN {printf "%.2f", a/b}') (budget 1.25)"

frame=$("$build/tests/bench/frame_bench" "$pack" | head -1)
echo "frame build: $frame"
page=$(echo "$frame" | awk '{print $2}')
for l in ur bn; do echo "frame build: $("$build/tests/bench/frame_bench" "$pack" "$l" | head -1)"; done
"$build/tests/bench/frame_bench" "$pack" | tail -1

"$kiosk" --pack "$pack" --state-dir "$state" --window 1080x1920 --goto "page:$page" &
pid=$!
sleep 4
pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks)
sleep 10
after=$(ticks)
kill "$pid"
wait "$pid" 2>/dev/null || true
hz=$(getconf CLK_TCK)
echo "memory: PSS $((pss / 1024)) MiB after opening page $page"
echo "idle: $(awk -v t=$((after - before)) -v hz="$hz" 'BEGIN {printf "%.2f", 100 * t / hz / 10}')% of a core over 10 s on a page (budget 0.1%; $((after - before)) ticks of 1/$hz s)"

"$build/tests/bench/counts_bench"

# Export, merge and report of a year of hourly counts from 50 kiosks (budget 5 s each for
# export and report; export is timed over all 50 kiosks together).
year=$(mktemp -d)
trap 'rm -rf "$state" "$year"' EXIT
made=$("$build/tests/bench/counts_year" "$year/state" 50)
ms() { echo $(( ($2 - $1) / 1000000 )); }
t0=$(date +%s%N)
for d in "$year"/state/kiosk-*; do
  "$build/tools/pack/everyvoice-pack" counts export --state-dir "$d" -o "$year/$(basename "$d").csv" >/dev/null
done
t1=$(date +%s%N)
"$build/tools/pack/everyvoice-pack" counts merge "$year"/kiosk-*.csv -o "$year/all.csv" >/dev/null
t2=$(date +%s%N)
"$build/tools/pack/everyvoice-pack" report "$year/all.csv" -o "$year/dashboard.html" >/dev/null
t3=$(date +%s%N)
echo "counts files: $made; export of all 50 $(ms "$t0" "$t1") ms (budget 5000), merge $(ms "$t1" "$t2") ms," \
     "report $(ms "$t2" "$t3") ms (budget 5000) from $(du -m "$year/all.csv" | cut -f1) MB"
