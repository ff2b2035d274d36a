#!/usr/bin/env bash
# Counts that cannot be stored never keep the safeguarding content off the screen: with the
# state folder under a file, counts.sqlite a folder, a link to /dev/null, or a counts table
# of another shape, the kiosk starts, shows its pages, keeps counts in memory (or sets the
# database aside) and the admin screen says so. Each of these once stopped the kiosk.
. "$(dirname "$0")/lib.sh"

# starts NAME STATE-DIR: the kiosk starts and reaches a page, and says why counts are in memory.
starts() {
  local name=$1 state=$2
  printf 'tap start\ntap lang:en\ntap audience:child\nexpect nav:back\nscreenshot page.png\n' > page.evscript
  timeout 120 "$KIOSK" --pack "$PACK" --state-dir "$state" --window 540x960 --script page.evscript 2>log.txt ||
    fail "$name: the kiosk did not start: $(cat log.txt)"
  "$PNG_CHECK" page.png 540x960
  echo "ok: $name: $(grep -m1 'counts' log.txt || true)"
}

: > a-file
starts "state folder under a file" "$WORK/a-file/state"
grep -q "kept in memory only" log.txt || fail "state folder under a file: not said: $(cat log.txt)"
# A read-only state folder: state_readonly.sh (made read-only for root too).

mkdir -p folder/counts.sqlite
starts "counts.sqlite is a folder" "$WORK/folder"
grep -q "not a regular file; counts are kept in memory only" log.txt || fail "folder: not said: $(cat log.txt)"
# The admin screen says it too.
pin() { echo "hold attract:title 5"; for d in 2 4 6 8; do echo "tap pin:$d"; done; echo "tap pin:ok"; }
printf '2468\n' | "$KIOSK" --state-dir "$WORK/folder" --set-admin-pin 2>/dev/null
{ pin; echo "expect admin:export"; echo "screenshot admin.png"; } > admin.evscript
timeout 120 "$KIOSK" --pack "$PACK" --state-dir "$WORK/folder" --window 1080x1920 --script admin.evscript 2>log.txt ||
  fail "admin with counts in memory: $(cat log.txt)"
text=$(tesseract admin.png stdout -l eng 2>/dev/null | tr '\n' ' ')
[[ $text == *"kept in memory only"* ]] || fail "the admin screen does not say counts are in memory: $text"

mkdir -p devnull && ln -s /dev/null devnull/counts.sqlite
starts "counts.sqlite links to /dev/null" "$WORK/devnull"
[ -L devnull/counts.sqlite ] || fail "the link was replaced"

mkdir -p wrong && sqlite3 wrong/counts.sqlite "create table counts(x); pragma user_version = 2"
starts "a counts table of another shape" "$WORK/wrong"
ls wrong/counts.sqlite.corrupt-* >/dev/null 2>&1 || fail "the wrong-shaped database was not set aside"
[ "$(sqlite3 wrong/counts.sqlite 'pragma integrity_check')" = ok ] || fail "no new counts database"
echo "state fallback: the kiosk starts whatever the counts database is"

# No pack at all (none stored, the default pack missing beside the binary): the kiosk still
# starts, on the help numbers built into it. Once it refused to start.
mkdir -p nopack/bin && cp "$KIOSK" nopack/bin/
timeout 120 nopack/bin/everyvoice-kiosk --state-dir "$WORK/nopack/state" --window 1080x1920 --screenshot help.png 2>log.txt ||
  fail "no pack: the kiosk did not start: $(cat log.txt)"
grep -q "showing the help numbers built into the kiosk" log.txt || fail "no pack: not said: $(cat log.txt)"
text=$(tesseract help.png stdout -l eng 2>/dev/null | tr '\n' ' ')
for number in "0800 1111" "0808 800 5000"; do
  [[ $text == *"$number"* ]] || fail "no pack: $number is not on the help screen: $text"
done
echo "state fallback: with no pack the built-in help numbers show"
