#!/usr/bin/env bash
# The package's systemd units pass `systemd-analyze verify` (syntax, known keys, commands that
# exist), and a unit with a wrong key does not: the check can fail. The programs are the build's,
# put where the units name /usr/bin's.
set -euo pipefail
: "${KIOSK:?}" "${SOURCE_DIR:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cage=$(command -v cage || echo /bin/true) # cage is in tools/deps.sh package, not test
for f in "$SOURCE_DIR"/packaging/systemd/everyvoice-*.service "$SOURCE_DIR"/packaging/systemd/everyvoice-*.timer; do
  sed -e "s#/usr/bin/everyvoice-kiosk#$KIOSK#g" -e "s#/usr/share/everyvoice/hub-merge#$SOURCE_DIR/packaging/hub-merge#g" \
      -e "s#/usr/bin/cage#$cage#g" "$f" >"$work/$(basename "$f")"
done
cd "$work"
out=$(systemd-analyze verify --man=no ./everyvoice-*.service ./everyvoice-*.timer 2>&1) || { echo "$out"; exit 1; }
[ -z "$out" ] || { echo "FAIL: systemd-analyze verify says:"; echo "$out"; exit 1; }
echo "ok: $(ls everyvoice-* | wc -l) units verify"
sed 's/^WatchdogSec=/WatchdogSecs=/' everyvoice-kiosk.service >broken.service
bad=$(systemd-analyze verify --man=no ./broken.service 2>&1 || true)
grep -q "WatchdogSecs" <<<"$bad" || { echo "FAIL: a misspelt key passed: $bad"; exit 1; }
echo "ok: a misspelt key is caught"
# The kiosk's sandbox: systemd-analyze's exposure score stays "OK" or better (1.1 when written).
score=$(systemd-analyze security --offline=yes ./everyvoice-kiosk.service 2>&1 | sed -n 's/.*exposure level for everyvoice-kiosk.service: \([0-9.]*\).*/\1/p')
awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 2.0) }' || { echo "FAIL: exposure score '$score' above 2.0"; exit 1; }
echo "ok: exposure score $score"
