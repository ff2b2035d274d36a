#!/usr/bin/env bash
# The NSPCC and Stop It Now! numbers at the largest text size, read back by OCR (tesseract)
# from the real kiosk's screen in portrait: every digit is there, in a left-to-right and a
# right-to-left language. tests/ui/test_numbers.cpp measures every language, size and
# orientation; tools/release/a11y-matrix.sh reads every language by OCR.
. "$(dirname "$0")/lib.sh"
printf 'tap nav:display\ntap display:size2\nkey escape\nscreenshot shot.png\n' > largest.evscript
window=1080x1920
for l in en ur; do
  for s in "nspcc:0808 800 5000" "stopitnow:0808 1000 900"; do
    id=${s%%:*} number=${s#*:}
    kiosk --window "$window" --locale "$l" --goto "signpost:$id" --script largest.evscript || fail "$l $id: kiosk exited with $?"
    tesseract shot.png - -l eng 2>/dev/null > ocr.txt
    grep -q "$number" ocr.txt || fail "$l $id $window at the largest size: OCR did not read '$number' but: $(grep -o '[0-9][0-9 ]*[0-9]' ocr.txt | tr '\n' '|')"
  done
done
echo "numbers: NSPCC and Stop It Now! read whole at the largest size in en and ur"
