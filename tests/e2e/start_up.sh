#!/usr/bin/env bash
# Start-up: --bench-first-frame names each start step and its time (tools/bench.sh prints the
# breakdown), Mesa's shader cache is kept in the state folder, so that a kiosk whose service
# user has no home compiles its shaders once, not at every start, and a pack checked alongside
# the window is still checked before anything of it is shown.
. "$(dirname "$0")/lib.sh"
out=$(HOME=/nonexistent env -u MESA_SHADER_CACHE_DIR -u XDG_CACHE_HOME \
  timeout 120 "$KIOSK" --pack "$PACK" --state-dir "$WORK/state" --window 540x960 --bench-first-frame)
for step in options pack_open_verify window_gl_context fonts_thread first_layout first_render first_swap; do
  grep -Eq "^start_step $step [0-9]+\.[0-9]+$" <<<"$out" || fail "--bench-first-frame printed no time for $step: $out"
done
main=$(awk '/^main_at_ns/ {print $2}' <<<"$out")
frame=$(awk '/^first_frame_at_ns/ {print $2}' <<<"$out")
[ -n "$main" ] && [ -n "$frame" ] && [ "$frame" -gt "$main" ] || fail "first frame ($frame) not after main ($main)"
[ -n "$(find "$WORK/state/shader-cache" -type f 2>/dev/null)" ] || fail "no shader cache in the state folder"
# The UI's linked program too (platform/gl_program.h), whatever Mesa's cache folder.
[ -s "$WORK/state/shader-cache/ui-program.bin" ] || fail "the UI's shader program was not kept in the state folder"
echo "start_up: steps timed, shader cache and the UI's program kept in the state folder"

# A cache folder the environment names is Mesa's to use, and the state folder stays as it was.
MESA_SHADER_CACHE_DIR="$WORK/theirs" timeout 120 "$KIOSK" --pack "$PACK" --state-dir "$WORK/state2" \
  --window 540x960 --bench-first-frame >/dev/null
[ -n "$(find "$WORK/theirs" -type f 2>/dev/null)" ] || fail "MESA_SHADER_CACHE_DIR from the environment was not used"
[ -s "$WORK/theirs/ui-program.bin" ] || fail "the UI's program is not kept beside the environment's shader cache"
[ ! -e "$WORK/state2/shader-cache" ] || fail "the state folder got a shader cache although the environment named one"
echo "start_up: MESA_SHADER_CACHE_DIR from the environment wins"

# What a start reads and runs (strace, -y names each file read): no compose table (the kiosk
# takes no typed text) and no dbus-launch when there is no session bus to find. Both were
# work for nothing at every start (platform/display_environment.h).
HOME=/nonexistent env -u DBUS_SESSION_BUS_ADDRESS -u XDG_RUNTIME_DIR -u XCOMPOSEFILE \
  strace -f -y -o trace.txt -e trace=execve,read timeout 120 "$KIOSK" --pack "$PACK" --state-dir "$WORK/state" \
  --window 540x960 --bench-first-frame >/dev/null || fail "no start under strace: $(tail -5 trace.txt)"
grep -q 'read([0-9]*</usr/share/fonts/' trace.txt || fail "strace shows no font read: the check below would prove nothing"
! grep -Eq 'read\([0-9]+</usr/share/X11/locale/[^>]*/Compose>, "[^"]' trace.txt ||
  fail "the kiosk read a compose table: $(grep -m1 -E '/Compose>' trace.txt)"
! grep -q 'execve("[^"]*dbus-launch"' trace.txt || fail "the kiosk ran dbus-launch: $(grep -m1 dbus-launch trace.txt)"
echo "start_up: no compose table read, no dbus-launch run"

# The pack is checked on a second thread while the window opens; nothing of it is shown before
# the check ends. A pack in the store, signed, and no pack installed beside the binary: the
# kiosk shows it. The same pack with its title edited after signing (so it still opens as a
# pack): the first screen is the help numbers built into the kiosk, never the edited words.
mkdir -p store/bin store/state/packs store/state/trusted-keys
cp "$KIOSK" store/bin/
minisign -G -W -p store/k.pub -s store/k.key >/dev/null
cp store/k.pub store/state/trusted-keys/k.pub
stored=store/state/packs/default-1.evpack
cp "$PACK" "$stored"
minisign -S -s store/k.key -m "$stored" -t "everyvoice pack=default version=1" >/dev/null
# first_screen PNG: shoots the first screen of the kiosk whose only pack is the stored one.
first_screen() {
  timeout 120 store/bin/everyvoice-kiosk --state-dir "$WORK/store/state" --window 1080x1920 --screenshot "$1" 2>log.txt ||
    fail "stored pack: no screenshot: $(cat log.txt)"
  tesseract "$1" stdout -l eng 2>/dev/null | tr '\n' ' '
}
text=$(first_screen signed.png)
[[ $text == *"Every Voice"* ]] || fail "a signed stored pack is not shown: $text ($(cat log.txt))"
sqlite3 "$stored" "update strings set value = 'Tampered words' where key = 'attract.title'"
out=$(timeout 120 store/bin/everyvoice-kiosk --state-dir "$WORK/store/state" --window 540x960 --bench-first-frame 2>log.txt)
grep -q '^first_frame_at_ns' <<<"$out" || fail "tampered pack: no first frame: $(cat log.txt)"
grep -q "does not match its signature" log.txt || fail "tampered pack: not refused for its signature: $(cat log.txt)"
grep -q "showing the help numbers built into the kiosk" log.txt || fail "tampered pack: not said: $(cat log.txt)"
text=$(first_screen tampered.png)
[[ $text == *"0800 1111"* ]] || fail "tampered pack: the built-in help numbers are not shown: $text"
[[ $text != *"Tampered"* ]] || fail "tampered pack: its edited words were shown: $text"
echo "start_up: a stored pack changed after signing is never shown; the built-in help numbers are"
