#!/usr/bin/env bash
# The checks too slow for every CI run (full screen matrices, long soaks, 100,000-event monkeys,
# package installs in a clean root): run before a release, after tools/test.sh passes.
# Each check is a script in tools/release/, run in name order against the build in build/
# (or $EV_BUILD_DIR); a check that fails does not stop the others. Record what they print,
# with the date and the machine, in docs/release-checks.md.
# Usage: tools/release-check.sh [NAME-PATTERN]   e.g. tools/release-check.sh soak
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export EV_BUILD_DIR=${EV_BUILD_DIR:-$root/build}
"$root/tools/deps.sh" test
"$root/tools/build.sh"
pattern=${1:-}
failed=()
ran=0
for check in "$root"/tools/release/*.sh; do
  [ -e "$check" ] || continue
  name=$(basename "$check" .sh)
  [[ -z "$pattern" || "$name" == *"$pattern"* ]] || continue
  echo "== $name"
  start=$(date +%s)
  if bash "$check"; then status=passed; else status=FAILED; failed+=("$name"); fi
  echo "== $name $status in $(( $(date +%s) - start )) s"
  ran=$((ran + 1))
done
echo "$((ran - ${#failed[@]})) passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
