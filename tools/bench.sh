#!/usr/bin/env bash
# Prints the performance figures recorded in docs/performance.md, measured on this machine
# under Xvfb with Mesa llvmpipe at 1080x1920. Medians of several runs, ratios within one run.
# The peer is Debian's Chromium in kiosk mode showing export-html's site of the same pack:
# what a council would otherwise deploy (docs/performance.md says how each figure is taken).
# Usage: tools/bench.sh [runs]   (default 7 runs for the first-frame figures)
set -eEuo pipefail
# Any failure names the step that broke, its line and command, instead of ending the run in
# silence; failures inside $(...) count too (inherit_errexit).
shopt -s inherit_errexit
step="start"
trap 'echo "bench.sh: step \"$step\" failed at line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR
fail() { echo "bench.sh: step \"$step\" failed: $*" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
build=${EV_BUILD_DIR:-$root/build}
runs=${1:-7}
step="installing packages (tools/deps.sh bench)"
"$root/tools/deps.sh" bench
step="building (tools/build.sh)"
"$root/tools/build.sh" >/dev/null
if [ -z "${DISPLAY:-}" ]; then
  exec "$root/tools/xvfb.sh" --screen 1080x1920 "$0" "$@"
fi
export LIBGL_ALWAYS_SOFTWARE=1
kiosk="$build/app/everyvoice-kiosk"
pack="$build/content/default.evpack"
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# first_frame CMD...: ms from starting CMD to its first finished frame, median of $runs runs.
# The kiosk's start steps (--bench-first-frame) are appended to $state/start-steps, with
# exec_to_main (exec and dynamic linking) from when this script started it.
first_frame() {
  for _ in $(seq "$runs"); do
    local t0 out
    t0=$(date +%s%N)
    out=$("$@")
    awk -v t0="$t0" '/^main_at_ns/ {printf "start_step exec_to_main %.2f\n", ($2 - t0) / 1e6} /^start_step/' \
      <<<"$out" >> "$state/start-steps"
    echo $(( ($(awk '/^first_frame_at_ns/ {print $2}' <<<"$out") - t0) / 1000 ))
  done | median | awk '{printf "%.1f", $1/1000}'
}

step="first frame"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
echo "renderer: $(glxinfo -B 2>/dev/null | awk -F': ' '/OpenGL renderer/ {print $2}' || echo unknown)"

: > "$state/start-steps"
bare=$(first_frame "$build/tests/bench/bench_bare_window" 1080 1920)
ours=$(first_frame "$kiosk" --pack "$pack" --state-dir "$state" --window 1080x1920 --bench-first-frame)
echo "first frame: bare SDL2+GL window ${bare} ms, kiosk ${ours} ms, ratio $(awk -v a="$ours" -v b="$bare" 'BEGIN {printf "%.2f", a/b}') (budget 1.25)"
# Steps in the order they ran; counts_open, pack_open_verify and fonts_thread run on a second thread
# alongside window_gl_context.
echo "start-up steps of the kiosk, ms, medians of $runs runs:"
awk '!seen[$2]++ {print $2}' "$state/start-steps" | while read -r s; do
  printf '  %-20s %8s\n' "$s" "$(awk -v s="$s" '$2 == s {print $3}' "$state/start-steps" | median)"
done

step="frame build (frame_bench)"
frame=$("$build/tests/bench/frame_bench" "$pack" | head -1)
echo "frame build: $frame"
page=$(echo "$frame" | awk '{print $2}')
for l in ur bn; do echo "frame build: $("$build/tests/bench/frame_bench" "$pack" "$l" | head -1)"; done
"$build/tests/bench/frame_bench" "$pack" | tail -n +2 # the tours, the visit and its end
step="language switch with GL (switch_bench)"
"$build/tests/bench/switch_bench" "$pack" "$runs" | sed -n '1,3p;/^switch all/,$p'

# Opening and verifying a pack with 20 MB of media (budget 100 ms): the default pack with two
# recordings of random bytes added (loaded, not decoded; a pack holds no value over 16 MB),
# signed with minisign as the comms team signs.
step="pack open and verify"
big="$state/big.evpack"
cp "$pack" "$big"
sqlite3 "$big" "insert into media values ('bench-1.ogg', 'audio/ogg', randomblob(10000000));
                insert into media values ('bench-2.ogg', 'audio/ogg', randomblob(10000000))"
minisign -G -W -p "$state/bench.pub" -s "$state/bench.key" >/dev/null
version=$(sqlite3 "$big" "select value from meta where key = 'pack_version'")
for p in "$big" "$pack"; do
  cp "$p" "$state/signed.evpack"
  minisign -S -s "$state/bench.key" -m "$state/signed.evpack" -t "everyvoice pack=default version=$version" >/dev/null
  "$build/tests/bench/pack_open" "$state/signed.evpack" "$state/bench.pub"
done

# The comms team's tools on the default pack: build (budget 2 s) and preview (budget 60 s).
step="pack build and preview"
t0=$(date +%s%N)
"$build/tools/pack/everyvoice-pack" build "$root/content/default" -o "$state/built.evpack" >/dev/null 2>&1
t1=$(date +%s%N)
"$build/tools/pack/everyvoice-pack" preview "$state/built.evpack" -o "$state/preview" >/dev/null 2>&1
t2=$(date +%s%N)
echo "pack build: $(( (t1 - t0) / 1000000 )) ms (budget 2000); preview of every screen in every language: $(( (t2 - t1) / 1000000 )) ms (budget 60000), $(find "$state/preview" -name '*.png' | wc -l) PNGs"

locale=$(echo "$frame" | sed -n 's/^page [^ ]* (\([^,]*\),.*/\1/p')

# tree PID: "pid ticks pss_kib" for PID and every process below it (Chromium is many).
tree() {
  # A process can end between the glob and the read: cat then fails, which is no error here.
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v root="$1" '{
      # Fields after the command name, which may hold spaces: state ppid ... utime stime
      rest = substr($0, match($0, /\) [A-Za-z] /) + 4); split(rest, f, " ")
      parent[$1] = f[1]; ticks[$1] = f[11] + f[12]
    } END {
      keep[root] = 1
      for (changed = 1; changed;) { changed = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } }
      for (p in keep) if (p in ticks) print p, ticks[p] }' |
    while read -r p t; do
      echo "$p $t $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)"
    done
}
sum() { awk -v col="$1" '{s += $col} END {print s + 0}'; }
hz=$(getconf CLK_TCK)

# resident NAME PID: PSS 4 s after start, then CPU over 10 s with nothing happening.
resident() {
  sleep 4
  local pss before after
  pss=$(tree "$2" | sum 3)
  before=$(tree "$2" | sum 2)
  sleep 10
  after=$(tree "$2" | sum 2)
  echo "$1 $((pss / 1024)) $((after - before))"
}
percent() { awk -v t="$1" -v hz="$hz" 'BEGIN {printf "%.2f", 100 * t / hz / 10}'; }

step="kiosk memory and idle CPU"
"$kiosk" --pack "$pack" --state-dir "$state" --window 1080x1920 --goto "page:$page" --locale "$locale" &
pid=$!
read -r _ kiosk_pss kiosk_ticks < <(resident kiosk "$pid")
kill "$pid"
wait "$pid" 2>/dev/null || true
echo "memory: PSS $kiosk_pss MiB after opening page $page"
echo "idle: $(percent "$kiosk_ticks")% of a core over 10 s on a page (budget 0.1%; $kiosk_ticks ticks of 1/$hz s)"

# The peer. First paint: the site's language list (the kiosk's first screen is its attract
# screen) with one line added that logs Chromium's own first-contentful-paint time as wall
# time (performance.timeOrigin + startTime) to its log; less the moment it was started.
step="peer: export-html"
site="$state/site"
"$build/tools/pack/everyvoice-pack" export-html "$pack" -o "$site" >/dev/null
sed 's#</head>#<script>new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { if (e.name === "first-contentful-paint") console.log("first_paint_at_ms " + (performance.timeOrigin + e.startTime)); }); }).observe({type: "paint", buffered: true});</script></head>#' \
  "$site/index.html" > "$site/bench-first-paint.html"
chromium_kiosk() { # chromium_kiosk URL LOG: starts it in the background; $! is its pid
  local profile
  profile=$(mktemp -d "$state/chromium.XXXX")
  chromium --kiosk --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-quic --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 "$1" 2>"$2" &
}
stop() { # stop PID: the browser and whatever it started
  local pids
  pids=$(tree "$1" | awk '{print $1}')
  kill $pids 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
step="peer: Chromium first paint"
chromium_runs=$(( runs < 5 ? runs : 5 ))
chromium_first=$(for _ in $(seq "$chromium_runs"); do
  log=$(mktemp "$state/log.XXXX")
  t0=$(date +%s%N)
  chromium_kiosk "file://$site/bench-first-paint.html" "$log"
  cpid=$!
  for _ in $(seq 300); do grep -q first_paint_at_ms "$log" && break; sleep 0.1; done
  grep -q first_paint_at_ms "$log" || fail "Chromium logged no first paint within 30 s; its log: $(tail -5 "$log")"
  grep -o 'first_paint_at_ms [0-9.]*' "$log" | head -1 | awk -v t0="$t0" '{printf "%.1f\n", $2 - t0 / 1e6}'
  stop "$cpid"
done | median)
step="peer: Chromium memory and idle CPU"
chromium_kiosk "file://$site/$locale/page-$page.html" "$state/chromium-page.log"
cpid=$!
read -r _ chromium_pss chromium_ticks < <(resident chromium "$cpid")
stop "$cpid"
echo "peer, same pack: Chromium $(chromium --version 2>/dev/null | awk '{print $2}') --kiosk on export-html's site; page $locale/$page"
printf '  %-34s %12s %12s %8s\n' "" kiosk chromium ratio
printf '  %-34s %9s ms %9s ms %7sx  (budget: kiosk at least 5x sooner)\n' "first paint (start screen)" "$ours" "$chromium_first" \
  "$(awk -v a="$chromium_first" -v b="$ours" 'BEGIN {printf "%.1f", a / b}')"
printf '  %-34s %8s MiB %8s MiB %7sx  (budget: kiosk at most a quarter)\n' "PSS, all processes, on the page" "$kiosk_pss" "$chromium_pss" \
  "$(awk -v a="$chromium_pss" -v b="$kiosk_pss" 'BEGIN {printf "%.1f", a / b}')"
printf '  %-34s %10s%% %10s%%\n' "CPU over 10 idle s, % of a core" "$(percent "$kiosk_ticks")" "$(percent "$chromium_ticks")"

step="counts (counts_bench)"
"$build/tests/bench/counts_bench"

# Export, merge and report of a year of hourly counts from 50 kiosks (budget 5 s each for
# export and report; export is timed over all 50 kiosks together).
step="counts export, merge and report"
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
# The report sums as it reads: its peak RSS should not grow with the file.
report_kib=$(/usr/bin/time -f %M "$build/tools/pack/everyvoice-pack" report "$year/all.csv" -o "$year/dashboard.html" 2>&1 >/dev/null)
t3=$(date +%s%N)
echo "counts files: $made; export of all 50 $(ms "$t0" "$t1") ms (budget 5000), merge $(ms "$t1" "$t2") ms," \
     "report $(ms "$t2" "$t3") ms (budget 5000, peak RSS $((report_kib / 1024)) MiB) from $(du -m "$year/all.csv" | cut -f1) MB"
