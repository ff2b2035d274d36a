#!/usr/bin/env bash
# Staff's way in, on the real kiosk: the PIN set from stdin, the title held 5 s, the PIN typed
# on the keypad, counts exported to a folder and checked against the database, a read-only
# folder refused with the counts kept, and the kiosk closed with the PIN (exit 0).
. "$(dirname "$0")/lib.sh"
db=state/counts.sqlite

# --- --set-admin-pin ---------------------------------------------------------------------------
for bad in "" "123" "123456789" "12a4" "0000 1"; do
  set +e
  printf '%s\n' "$bad" | "$KIOSK" --state-dir "$WORK/state" --set-admin-pin >out.txt 2>err.txt
  code=$?
  set -e
  [ "$code" = 1 ] || fail "--set-admin-pin '$bad': exit $code"
  [ "$(wc -l <err.txt)" = 1 ] || fail "--set-admin-pin '$bad': expected one line, got: $(cat err.txt)"
done
[ ! -e state/admin-pin ] || fail "a bad PIN was stored"
printf '2580\n' | "$KIOSK" --state-dir "$WORK/state" --set-admin-pin 2>/dev/null || fail "--set-admin-pin 2580"
[ "$(stat -c %a state/admin-pin)" = 600 ] || fail "admin-pin is mode $(stat -c %a state/admin-pin)"
grep -q 2580 state/admin-pin && fail "the PIN is stored in the clear"
grep -q '^\$argon2id\$' state/admin-pin || fail "admin-pin is not an Argon2id hash: $(cat state/admin-pin)"
echo "ok: --set-admin-pin stores a hash, mode 0600, and refuses bad PINs"

# --- a visit, then staff export and close ------------------------------------------------------
pin() { for d in 2 5 8 0; do echo "tap pin:$d"; done; echo "tap pin:ok"; }
{
  printf 'tap start\ntap lang:en\ntap audience:parent\ntap nav:exit\nwait 91\n'
  echo "hold attract:title 4.9"   # not long enough: a tap that starts
  echo "expect lang:en"
  echo "goto attract"
  echo "hold attract:title 5"
  echo "expect pin:ok"
  pin
  echo "expect admin:export"
  echo "tap admin:export"
  echo "tap admin:quit"
  pin
  echo "wait 1"
  echo "expect never-reached" # the kiosk has closed before this line
} > staff.evscript
mkdir -p usb
kiosk --window 540x960 --export-dir "$WORK/usb" --script staff.evscript >out.txt 2>err.txt ||
  fail "staff script: exit $? ($(cat err.txt))"
grep -q "never-reached" err.txt && fail "the kiosk did not close with the PIN"
csv=$(ls usb/*.csv 2>/dev/null | head -1)
[ -n "$csv" ] || fail "nothing exported to usb/: $(cat err.txt)"
[ "$(head -1 "$csv")" = "# everyvoice-counts v1" ] || fail "export: first line $(head -1 "$csv")"
[ "$(tail -n +3 "$csv" | awk -F, '{s += $11} END {print s}')" = "$(sqlite3 "$db" 'select sum(n) from counts')" ] ||
  fail "export: totals differ from the database"
[ "$(tail -n +3 "$csv" | awk -F, '$5 == "session_start" {s += $11} END {print s}')" = \
  "$(sqlite3 "$db" "select sum(n) from counts where event = 'session_start'")" ] || fail "export: session_start differs"
[ "$(sqlite3 "$db" "select sum(n) from counts where event = 'session_start'")" = 2 ] ||
  fail "expected two session starts (the visit and the 4.9 s hold)"
echo "ok: title held 5 s, PIN typed, counts exported to the chosen folder, kiosk closed with the PIN"

# --- a wrong PIN keeps the admin screen shut ---------------------------------------------------
{ echo "hold attract:title 5"; for d in 1 1 1 1; do echo "tap pin:$d"; done; echo "tap pin:ok"; echo "expect admin:export"; } > wrong.evscript
set +e
kiosk --window 540x960 --script wrong.evscript >out.txt 2>err.txt
code=$?
set -e
[ "$code" = 1 ] && grep -q 'expected "admin:export"' err.txt || fail "a wrong PIN opened the admin screen (exit $code: $(cat err.txt))"
echo "ok: a wrong PIN does not open the admin screen"

# --- "Still there?" on the admin screen: whoever answers types the PIN again -------------------
{ echo "goto admin"; pin; echo "expect admin:export"; echo "wait 91"; echo "expect idle:continue"
  echo "tap idle:continue"; echo "expect pin:ok"; echo "screenshot after-idle.png"; echo "expect admin:export"; } > idle.evscript
set +e
kiosk --window 540x960 --script idle.evscript >out.txt 2>err.txt
code=$?
set -e
[ "$code" = 1 ] && grep -q 'expected "admin:export"' err.txt ||
  fail "I'm still here reopened the admin screen without the PIN (exit $code: $(cat err.txt))"
"$PNG_CHECK" after-idle.png 540x960
echo "ok: Still there? answered on the admin screen asks for the PIN again"

# --- a read-only folder: a message, nothing written, counts kept -------------------------------
before=$(sqlite3 "$db" 'select sum(n) from counts')
mkdir -p ro
if [ "$(id -u)" -eq 0 ]; then
  mount -t tmpfs -o ro tmpfs ro || fail "cannot mount a read-only tmpfs (needed as root)"
  trap 'umount "$WORK/ro" 2>/dev/null; rm -rf "$WORK"' EXIT
else
  chmod 0555 ro
fi
# A script's goto (like --goto) asks for the PIN as the hold does.
{ echo "goto admin"; pin; echo "tap admin:export"; } > ro.evscript
kiosk --window 540x960 --export-dir "$WORK/ro" --script ro.evscript >out.txt 2>err.txt || fail "read-only export: exit $?"
grep -Eq "Not exported: .*(Read-only|Permission).*counts are kept" err.txt ||
  fail "no message saying why for a read-only folder: $(cat err.txt)"
[ -z "$(ls -A ro)" ] || fail "something was written into the read-only folder: $(ls -A ro)"
[ "$(sqlite3 "$db" 'select sum(n) from counts')" = "$before" ] || fail "counts changed after a failed export"

# A damaged counts database is set aside (kept, never deleted) and the admin screen says so.
mkdir -p damaged
printf 'this is not an SQLite database' > damaged/counts.sqlite
printf 'goto admin\nscreenshot damaged.png\n' > damaged.evscript
timeout 120 "$KIOSK" --pack "$PACK" --state-dir "$WORK/damaged" --window 1080x1920 --script damaged.evscript >/dev/null 2>&1 ||
  fail "kiosk with a damaged counts database"
ls damaged/counts.sqlite.corrupt-* >/dev/null 2>&1 || fail "the damaged database was not kept aside"
tesseract damaged.png damaged -l eng >/dev/null 2>&1 || fail "tesseract could not read the admin screen"
grep -q "Warning" damaged.txt || fail "the admin screen does not warn of the set-aside database: $(tr '\n' ' ' <damaged.txt)"
echo "admin: PIN, hold to open, keypad, export, close and the set-aside warning all behave"
