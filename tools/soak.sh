#!/usr/bin/env bash
# A kiosk's day in minutes: the monkey (taps, drags, keys, the quick exit, waits long enough
# for "Still there?" and idle resets, every language the attract screen offers) drives the
# kiosk while the injected clock advances with each wait, and signed pack updates arrive in
# its inbox during the day. Its resident memory, open file descriptors and counts database
# (with its journal) are sampled from outside (/proc, stat) and fitted against simulated hours
# after warm-up: a kiosk that leaks shows a slope. (The glyph atlas is one bitmap of fixed
# size, so it is inside the memory figure and cannot grow on its own.)
#
#   tools/soak.sh [HOURS] [MAX_RSS_SLOPE_KIB_PER_HOUR]   defaults: 10 hours, 1024 KiB/hour
#
# Prints the figures docs/performance.md records; exits 1 if memory grows faster than the
# limit after warm-up, if descriptors keep growing (the last quarter above the second and a
# slope over half a descriptor an hour: one late first use, such as the audio device the first
# time Listen is tapped, is not a leak), if an update is not accepted, or if the
# kiosk does not exit cleanly. The test suite runs half a simulated hour with the limit "-"
# (CTest "bench: soak (half an hour)"): that is all warm-up (every language's fonts, four
# packs), so there memory is reported, not judged.
set -eEuo pipefail
trap 'echo "soak.sh: failed at line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR
hours=${1:-10}
max_rss_slope=${2:-1024}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${EV_BUILD_DIR:-$root/build}
kiosk=$build/app/everyvoice-kiosk
pack_tool=$build/tools/pack/everyvoice-pack
if [ -z "${DISPLAY:-}" ]; then exec "$root/tools/xvfb.sh" bash "$0" "$@"; fi
export LIBGL_ALWAYS_SOFTWARE=1 SDL_AUDIODRIVER=dummy
work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"

# The monkey waits 4.4 s of simulated time per step on average (6% of steps 1-40 s, 3% of
# steps 60-149 s: platform/monkey_driver.cpp), so this many steps make the day.
steps=$(awk -v h="$hours" 'BEGIN {printf "%d", h * 3600 / 4.4}')

# Four signed updates, versions 2 to 5, from a key the kiosk's state folder trusts.
minisign -G -W -p comms.pub -s comms.key >/dev/null
mkdir -p state/trusted-keys inbox updates
cp comms.pub state/trusted-keys/
cp -r "$root/content" content
cp -r "$root/locales" locales
for v in 2 3 4 5; do
  sed -i "s/^version = .*/version = $v/" content/default/pack.toml
  "$pack_tool" build content/default -o "updates/default-$v.evpack" >build.log 2>&1 || { cat build.log >&2; exit 1; }
  minisign -S -s comms.key -m "updates/default-$v.evpack" -t "everyvoice pack=default version=$v" >/dev/null
done

"$kiosk" --state-dir state --inbox inbox --window 1080x1920 --monkey "$steps" --seed 11 >kiosk.out 2>kiosk.log &
pid=$!
start=$(date +%s%N)
next_update=2
printf 'wall_s\trss_kib\tfds\tcounts_bytes\n' >samples.tsv
n=0
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  fds=$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  db=$( (cat state/counts.sqlite* 2>/dev/null || true) | wc -c)
  now=$(date +%s%N)
  [ -n "$rss" ] && printf '%s\t%s\t%s\t%s\n' "$(( (now - start) / 1000000 ))" "$rss" "$fds" "$db" |
    awk -F'\t' '{printf "%.3f\t%s\t%s\t%s\n", $1 / 1000, $2, $3, $4}' >>samples.tsv
  n=$((n + 1))
  # The next update once the last was accepted (at least 5 s apart), signature last, as
  # `everyvoice-pack publish` does: a short day takes fewer, a long one all four.
  if [ $((n % 10)) -eq 0 ] && [ "$next_update" -le 5 ] &&
     { [ "$next_update" -eq 2 ] || grep -q "accepted default version $((next_update - 1))" kiosk.log; }; then
    cp "updates/default-$next_update.evpack" inbox/
    cp "updates/default-$next_update.evpack.minisig" inbox/
    next_update=$((next_update + 1))
  fi
  sleep 0.5
done
status=0
wait "$pid" || status=$?
wall=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN {printf "%.1f", (e - s) / 1e9}')
[ "$status" -eq 0 ] || { echo "soak: the kiosk exited $status: $(tail -5 kiosk.log)" >&2; exit 1; }

# Simulated hours: the span of hours the counts database holds (read with sqlite3).
span=$(sqlite3 -readonly state/counts.sqlite 'select max(hour) - min(hour) + 1 from counts') # hour: unix time / 3600
accepted=$(grep -c 'accepted default version' kiosk.log || true)
samples=$(($(wc -l <samples.tsv) - 1))
[ "$samples" -ge 10 ] || { echo "soak: only $samples samples" >&2; exit 1; }

# Least-squares slope per simulated hour of each column, over the samples after the first 20%.
fit() { # fit COLUMN
  awk -F'\t' -v col="$1" -v wall="$wall" -v span="$span" 'NR > 1 {t[++n] = $1; y[n] = $col}
    END {
      from = int(n * 0.2) + 1; m = 0
      for (i = from; i <= n; i++) { m++; st += t[i]; sy += y[i]; stt += t[i] * t[i]; sty += t[i] * y[i] }
      slope = (m * sty - st * sy) / (m * stt - st * st)   # per wall second
      printf "%.1f", slope * wall / span                  # per simulated hour
    }' samples.tsv
}
first_last() { awk -F'\t' -v col="$1" 'NR == 2 {f = $col} NR > 1 {l = $col; if ($col > m) m = $col} END {printf "%s -> %s (max %s)", f, l, m}' samples.tsv; }
rss_slope=$(fit 2) fd_slope=$(fit 3) db_slope=$(fit 4)
echo "soak: $steps monkey steps, ${span} simulated hours in ${wall} s, $accepted of $((next_update - 2)) pack updates accepted, $samples samples"
echo "soak: resident memory KiB $(first_last 2), slope after warm-up ${rss_slope} KiB per hour (limit $max_rss_slope)"
echo "soak: open descriptors $(first_last 3), slope ${fd_slope} per hour"
echo "soak: counts database bytes $(first_last 4), slope ${db_slope} bytes per hour (new hours add rows)"
dropped=$((next_update - 2))
# Every update dropped is accepted, but the last may still wait for the next start screen.
[ "$accepted" -ge 1 ] && [ "$accepted" -ge $((dropped - 1)) ] ||
  { echo "soak: FAIL $accepted of $dropped updates accepted: $(grep -E 'refused|accepted' kiosk.log)" >&2; exit 1; }
[ "$max_rss_slope" = - ] || awk -v s="$rss_slope" -v l="$max_rss_slope" 'BEGIN {exit !(s <= l)}' || { echo "soak: FAIL memory grows ${rss_slope} KiB per hour" >&2; exit 1; }
# Descriptors: the last quarter's highest is no more than the second quarter's highest, or
# the fitted slope is under half a descriptor an hour.
awk -F'\t' -v s="$fd_slope" 'NR > 1 {y[++n] = $3} END {for (i = int(n/4)+1; i <= int(n/2); i++) if (y[i] > a) a = y[i]
  for (i = int(3*n/4)+1; i <= n; i++) if (y[i] > b) b = y[i]; exit !(b <= a || s < 0.5)}' samples.tsv ||
  { echo "soak: FAIL open descriptors grow: $(first_last 3), slope ${fd_slope} per hour" >&2; exit 1; }
