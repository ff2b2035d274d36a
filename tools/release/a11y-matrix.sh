#!/usr/bin/env bash
# Accessibility matrix (docs/accessibility.md): every service screen and the help screen, in
# every language, at every text size, in both themes, portrait and landscape.
#  1. Measured: ui_tests' [numbers] and [ink] checks (the text engine's ink boxes of every
#     number and web address inside its card and the screen; no glyph cut by a clip) over the
#     default pack, every language, size and orientation.
#  2. Read: every phone number of every service screen by OCR (tesseract) at every text size
#     in both themes, portrait, in every language: all its digits on screen, as dialled.
# Prints one line per failure and a total; exits 1 on any failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${EV_BUILD_DIR:-$root/build}
kiosk=$build/app/everyvoice-kiosk
pack=$build/content/default.evpack
if [ -z "${DISPLAY:-}" ]; then exec "$root/tools/xvfb.sh" bash "$0" "$@"; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0

"$build/tests/ui/ui_tests" "[numbers],[ink]" || failures=$((failures + 1))

locales=$(sqlite3 "$pack" 'select tag from locales order by position')
services=$(sqlite3 "$pack" 'select distinct signpost from signpost_phones order by signpost')
shots=0
for l in $locales; do
  for size in 0 1 2; do
    for theme in standard contrast; do
      {
        echo "tap nav:display"
        echo "tap display:size$size"
        [ "$theme" = contrast ] && echo "tap display:contrast"
        echo "key escape"
        echo "screenshot shot.png"
      } > matrix.evscript
      for s in $services; do
        timeout 120 "$kiosk" --pack "$pack" --state-dir "$work/state" --window 1080x1920 --locale "$l" \
          --goto "signpost:$s" --script matrix.evscript > /dev/null 2>&1 || { echo "FAIL $l $s size $size $theme: kiosk"; failures=$((failures + 1)); continue; }
        shots=$((shots + 1))
        # High contrast draws light on black: OCR reads it inverted as well as it reads dark on light.
        tesseract shot.png - -l eng 2>/dev/null > ocr.txt
        while IFS= read -r number; do
          grep -qF "$number" ocr.txt || { echo "FAIL $l $s size $size $theme: OCR did not read $number"; failures=$((failures + 1)); }
        done < <(sqlite3 "$pack" "select phone from signpost_phones where signpost = '$s' order by position")
      done
    done
  done
done
echo "a11y-matrix: $shots service screens read by OCR, $failures failures"
[ "$failures" -eq 0 ]
