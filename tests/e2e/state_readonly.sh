#!/usr/bin/env bash
# A read-only state folder (a disk mounted read-only, a damaged card) never keeps the
# safeguarding content off the screen: the kiosk starts, shows every kind of screen, keeps
# counts in memory, and the admin screen says so. Root writes through permission bits, so the
# folder is made read-only for real: a read-only bind mount in a private mount namespace
# (unshare -m), else the kiosk runs as nobody (setpriv) on a folder it does not own. Skipped
# (exit 77) only when neither is possible here.
. "$(dirname "$0")/lib.sh"

state=$WORK/ro shots=$WORK/shots
mkdir -p "$state" "$shots" && chmod 0777 "$shots" # screenshots, written by nobody too
printf '2468\n' | "$KIOSK" --state-dir "$state" --set-admin-pin 2>/dev/null

# run ARGS...: the kiosk with the state folder read-only, by whichever way works here.
if unshare -m sh -c "mount --bind '$state' '$state' && mount -o remount,bind,ro '$state' && ! touch '$state/probe'" 2>/dev/null; then
  how="a read-only bind mount (unshare -m)"
  run() {
    unshare -m sh -c 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"' "$state" \
      timeout 180 "$KIOSK" "$@"
  }
elif [ "$(id -u)" -ne 0 ]; then
  how="a folder without write permission (running as $(id -un))"
  chmod 0555 "$state"
  run() { timeout 180 "$KIOSK" "$@"; }
elif command -v setpriv >/dev/null && setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
  how="a folder nobody may write (setpriv --reuid=nobody)"
  chmod 0755 "$WORK"
  chown -R nobody:nogroup "$state"
  chmod 0555 "$state"
  # The X display's cookie, readable by nobody.
  if [ -n "${XAUTHORITY:-}" ]; then cp "$XAUTHORITY" "$WORK/xauth" && chmod 0644 "$WORK/xauth" && export XAUTHORITY=$WORK/xauth; fi
  cp "$PACK" "$WORK/pack.evpack" && chmod 0644 "$WORK/pack.evpack"
  PACK=$WORK/pack.evpack
  run() { setpriv --reuid=nobody --regid=nogroup --clear-groups timeout 180 "$KIOSK" "$@"; }
else
  echo "SKIP: no way to make a read-only state folder here: unshare -m (mount namespace) is not allowed and setpriv cannot switch to nobody"
  exit 77
fi
echo "read-only state folder by $how"

# Every kind of screen, then the admin screen through the PIN.
screens="attract languages audience topics:parent page:your-body-belongs-to-you help signpost:nspcc"
{
  for s in $screens; do echo "goto $s"; echo "screenshot $shots/${s/:/-}.png"; done
  echo "goto attract"
  echo "hold attract:title 5"
  for d in 2 4 6 8; do echo "tap pin:$d"; done
  echo "tap pin:ok"
  echo "expect admin:export"
  echo "screenshot $shots/admin.png"
} > "$WORK/ro.evscript"
run --pack "$PACK" --state-dir "$state" --window 1080x1920 --script "$WORK/ro.evscript" 2>"$WORK/log.txt" ||
  fail "the kiosk did not start or stopped with a read-only state folder: $(cat "$WORK/log.txt")"
for s in $screens admin; do "$PNG_CHECK" "$shots/${s/:/-}.png" 1080x1920; done
grep -q "counts are kept in memory only" "$WORK/log.txt" || fail "the log does not say counts are in memory: $(cat "$WORK/log.txt")"
text=$(tesseract "$shots/admin.png" stdout -l eng 2>/dev/null | tr '\n' ' ')
[[ $text == *"kept in memory only"* ]] || fail "the admin screen does not say counts are in memory: $text"
[ "$(ls -A "$state")" = admin-pin ] || fail "something was written to the read-only folder: $(ls -A "$state")"
echo "ok: read-only state folder ($how): every screen shown, counts in memory, said on the admin screen"
