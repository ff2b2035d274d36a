#!/usr/bin/env bash
# Every fuzz target (tools/fuzz.sh: libFuzzer, ASan, UBSan) for 10 minutes each. The seeds in
# tests/fuzz/<target>/ include packs holding a view, a trigger, a generated column and a
# 10 MB title (issue 13), which the replay test runs on every CI run.
# Usage: tools/release/fuzz-10min.sh [target...]   (default every target)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/tools/fuzz.sh" "${EV_FUZZ_SECONDS:-600}" "$@"
