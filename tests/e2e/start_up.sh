#!/usr/bin/env bash
# Start-up: --bench-first-frame names each start step and its time (tools/bench.sh prints the
# breakdown), and Mesa's shader cache is kept in the state folder, so that a kiosk whose
# service user has no home compiles its shaders once, not at every start.
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
echo "start_up: steps timed, shader cache kept in the state folder"

# A cache folder the environment names is Mesa's to use, and the state folder stays as it was.
MESA_SHADER_CACHE_DIR="$WORK/theirs" timeout 120 "$KIOSK" --pack "$PACK" --state-dir "$WORK/state2" \
  --window 540x960 --bench-first-frame >/dev/null
[ -n "$(find "$WORK/theirs" -type f 2>/dev/null)" ] || fail "MESA_SHADER_CACHE_DIR from the environment was not used"
[ ! -e "$WORK/state2/shader-cache" ] || fail "the state folder got a shader cache although the environment named one"
echo "start_up: MESA_SHADER_CACHE_DIR from the environment wins"
