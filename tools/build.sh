#!/usr/bin/env bash
# Configures and builds into build/ (or $EV_BUILD_DIR). Used by run.sh, test.sh and bench.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${EV_BUILD_DIR:-$root/build}
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${EV_BUILD_TYPE:-RelWithDebInfo} >/dev/null
cmake --build "$build" -j"$jobs"
