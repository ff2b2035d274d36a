#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang-14, AddressSanitizer and UBSan into
# build-fuzz/ and runs each for a bounded time. New inputs go to build-fuzz/corpus/<target>;
# a crash leaves its input in build-fuzz/crashes/<target>/ and makes the run fail. Fix it,
# then copy the input into tests/fuzz/<target>/ so the replay test keeps it fixed.
# Usage: tools/fuzz.sh [seconds per target [target...]]   (default 60 s, every target)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${EV_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-60}
case $seconds in '' | *[!0-9]*) echo "usage: tools/fuzz.sh [seconds per target [target...]]" >&2; exit 2 ;; esac
targets=(markdown page_file pack_reader ui_strings ogg_audio plan_source)
if [ $# -gt 1 ]; then
  shift
  for t in "$@"; do
    [ -f "$root/tests/fuzz/$t.cpp" ] || { echo "fuzz: no target '$t' (targets: ${targets[*]})" >&2; exit 2; }
  done
  targets=("$@")
fi
"$root/tools/deps.sh" fuzz

CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DEV_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" --target "${targets[@]/#/fuzz_}"

failed=()
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t" "$build/crashes/$t"
  echo "== $t: ${seconds}s"
  # The first corpus folder receives new inputs; the seeds in the source tree are only read.
  if ! ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions="$root/tests/fuzz/lsan.supp" UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/crashes/$t/" "$build/corpus/$t" "$root/tests/fuzz/$t" 2>"$build/$t.log"; then
    failed+=("$t")
    grep -E 'ERROR|SUMMARY|Test unit written' "$build/$t.log" | head -5 >&2
  fi
  grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$build/$t.log" | sed "s/^/  /" || true
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashes in ${failed[*]}; inputs in $build/crashes/ and logs in $build/*.log" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${seconds}s each, no crash"
