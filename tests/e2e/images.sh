#!/usr/bin/env bash
# Images on a page, drawn by the real kiosk: the fixture pack's squares and the default pack's
# drawing show in their own colours; an image damaged in the pack (its bytes cut or emptied
# with sqlite3) leaves the page on screen with the image's alt text, read back by OCR, and no
# crash. SCREENSHOT_DIR, if set, keeps the screenshots for a person to look at.
. "$(dirname "$0")/lib.sh"
: "${PACK_TOOL:?}" "${SOURCE_DIR:?}"
out=${SCREENSHOT_DIR:-$WORK/shots}
mkdir -p "$out"

# The media fixture without its narration (recordings are made by the pack tests).
cp -r "$SOURCE_DIR/tests/core/fixtures/content/media" media
sed -i '/^narration/d' media/pages/picture/en.md
"$PACK_TOOL" build media -o media.evpack --locales "$SOURCE_DIR/locales" >/dev/null 2>&1 ||
  fail "cannot build the media fixture"

shot() { # shot PACK NAME ARGS...: a screenshot of a page, the kiosk's stderr in NAME.log
  local pack=$1 name=$2; shift 2
  PACK=$pack kiosk --window 1080x1920 "$@" --screenshot "$out/$name.png" 2> "$WORK/$name.log" ||
    fail "$name: kiosk exited with $? ($(tail -1 "$WORK/$name.log"))"
}

# The squares (96 x 32) at twice their size, in their own colours.
shot media.evpack squares --goto page:picture
"$PNG_CHECK" "$out/squares.png" 1080x1920 E09A2E || fail "the image's orange square is not on screen"
"$PNG_CHECK" "$out/squares.png" 1080x1920 5B8C5A || fail "the image's green square is not on screen"
shot media.evpack squares-pl --locale pl --goto page:picture
"$PNG_CHECK" "$out/squares-pl.png" 1080x1920 E09A2E || fail "pl: the image is not on screen"

# The default pack's drawing: the child in the middle is orange.
shot "$PACK" default-people --goto page:people-you-can-tell
"$PNG_CHECK" "$out/default-people.png" 1080x1920 E09A2E || fail "the default pack's drawing is not on screen"

for damage in "substr(bytes, 1, 60) || x'DEADBEEF'" "x''"; do
  cp media.evpack damaged.evpack
  sqlite3 damaged.evpack "update media set bytes = $damage where name = 'squares.png'"
  shot damaged.evpack damaged --goto page:picture
  "$PNG_CHECK" "$out/damaged.png" 1080x1920 || fail "damaged ($damage): blank screen"
  if "$PNG_CHECK" "$out/damaged.png" 1080x1920 E09A2E >/dev/null; then fail "damaged ($damage): the image still shows"; fi
  grep -q "everyvoice: image squares.png: .*alt text is shown instead" "$WORK/damaged.log" ||
    fail "damaged ($damage): nothing said on stderr: $(cat "$WORK/damaged.log")"
  tesseract "$out/damaged.png" - -l eng 2>/dev/null | tr '\n' ' ' > ocr.txt
  grep -q "Three coloured squares" ocr.txt || fail "damaged ($damage): no alt text on screen: $(cat ocr.txt)"
  grep -q "They will help you" ocr.txt || fail "damaged ($damage): the rest of the page is missing: $(cat ocr.txt)"
done
echo "ok: images drawn, damaged images show their alt text"
