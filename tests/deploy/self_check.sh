#!/usr/bin/env bash
# everyvoice-kiosk --check on the real binary: a kiosk set up as docs/deployment.md says passes
# with one line per check; without a PIN it exits 1 and says so; --config's keys are used and a
# bad key is refused with FILE:LINE; --export-outbox writes a counts file that merges, again and
# again, to the same result.
set -euo pipefail
: "${KIOSK:?}" "${PACK:?}" "${PACK_TOOL:?}"
if [ -z "${DISPLAY:-}" ]; then exec "$(dirname "$0")/../../tools/xvfb.sh" --screen 1280x1024 bash "$0" "$@"; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p state keys
minisign -G -W -p keys/comms.pub -s keys/comms.sec >/dev/null
cat >kiosk.toml <<TOML
state_dir = "state"
venue = "Test Library"
idle_limit = 120
inbox = "inbox"
outbox = "outbox"
trusted_keys = "keys"
TOML
mkdir -p inbox outbox

set +e
"$KIOSK" --config kiosk.toml --pack "$PACK" --check >nopin.txt 2>&1
code=$?
set -e
cat nopin.txt
[ "$code" = 1 ] || fail "--check without a PIN exited $code"
grep -q '^FAIL pin: ' nopin.txt || fail "no FAIL pin line"
for name in gl fonts pack "trusted keys" "state folder" counts clock audio; do
  grep -Eq "^(ok  |WARN|FAIL) $name: " nopin.txt || fail "no line for $name"
done

printf '2580\n' | "$KIOSK" --config kiosk.toml --set-admin-pin 2>/dev/null
[ -e state/admin-pin ] || fail "--set-admin-pin did not use the config's state_dir"
"$KIOSK" --config kiosk.toml --pack "$PACK" --check >good.txt 2>&1 || { cat good.txt; fail "--check failed on a set-up kiosk"; }
grep -q '^ok   trusted keys: 1 in .*keys' good.txt || fail "the config's trusted_keys folder was not used: $(cat good.txt)"
grep -q '^ok   fonts: ' good.txt || fail "fonts: $(grep fonts good.txt)"
[ "$(wc -l <good.txt)" = 9 ] || fail "expected 9 lines: $(cat good.txt)"
echo "ok: --check passes on a set-up kiosk, fails without a PIN"

# The venue and the outbox come from kiosk.toml.
printf 'tap Touch to start\ntap lang:en\n' >visit.evscript
"$KIOSK" --config kiosk.toml --pack "$PACK" --script visit.evscript --window 540x960 2>/dev/null
grep -Eq "^venue = ['\"]Test Library['\"]" state/kiosk.toml || fail "venue not taken from the config: $(cat state/kiosk.toml)"
"$KIOSK" --config kiosk.toml --export-outbox 2>/dev/null
ls outbox/everyvoice-counts-*.csv >/dev/null || fail "no export in the outbox"
first=$(ls outbox)
"$KIOSK" --config kiosk.toml --export-outbox 2>/dev/null
[ "$(ls outbox)" = "$first" ] || fail "a second export made another file: $(ls outbox)"
"$PACK_TOOL" counts merge outbox/*.csv outbox/*.csv -o merged.csv >/dev/null
diff <(tail -n +2 "outbox/$first") <(tail -n +2 merged.csv) >/dev/null || fail "merging an export with itself changed it"
grep -q 'Test Library' merged.csv || fail "the venue is not on the exported rows"
echo "ok: --export-outbox writes one file per kiosk, and merging it again changes nothing"

printf 'venue = "x"\nidle_limt = 120\n' >bad.toml
set +e
"$KIOSK" --config bad.toml --check >bad.txt 2>&1
code=$?
set -e
[ "$code" = 1 ] || fail "a bad config exited $code"
grep -q 'bad.toml:2: unknown key .idle_limt.' bad.txt || fail "bad config message: $(cat bad.txt)"
echo "ok: a misspelt key in kiosk.toml is refused with its line"
