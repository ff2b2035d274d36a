#!/usr/bin/env bash
# Every screen of the default pack drawn by the real kiosk, portrait and landscape, on both
# hosts: each screenshot must show a real screen. SCREENSHOT_DIR, if set, keeps them for a
# person to look at.
. "$(dirname "$0")/lib.sh"
out=${SCREENSHOT_DIR:-$WORK/shots}
mkdir -p "$out"

screens=(attract languages audience topics:child topics:teen topics:parent topics:community help signpost:childline questions neutral)
for page in $(sqlite3 "$PACK" 'select id from pages order by id'); do screens+=("page:$page"); done
[ "${#screens[@]}" -ge 20 ] || fail "expected at least 12 pages in the default pack, found ${#screens[@]} screens"

shoot() { # shoot NAME ARGS...
  local name=$1; shift
  kiosk "$@" --screenshot "$out/$name.png" || fail "$name: kiosk exited with $?"
  "$PNG_CHECK" "$out/$name.png" || fail "$name: blank screenshot"
}
for s in "${screens[@]}"; do
  shoot "portrait-${s//:/-}" --window 1080x1920 --goto "$s"
done
for s in attract topics:parent page:what-is-child-sexual-abuse help questions neutral present:topics:parent present:plan:parents-and-carers record; do
  shoot "landscape-${s//:/-}" --window 1920x1080 --goto "$s"
done
shoot glfw-help --platform glfw --window 1080x1920 --goto help
shoot small-page --window 540x960 --goto page:signs-to-notice

# Every language: its topics, a page and the help screen, top and scrolled. Phone numbers are
# never localised, so OCR (which knows only Latin here) must find them as dialled.
locales=$(sqlite3 "$PACK" 'select tag from locales order by position')
printf 'screenshot %s\ndrag 540 1700 540 500\nscreenshot %s\n' help-top.png help-scrolled.png > help.evscript
for l in $locales; do
  for s in topics:parent page:if-a-child-tells-you; do
    shoot "$l-${s//:/-}" --window 1080x1920 --locale "$l" --goto "$s"
  done
  kiosk --window 1080x1920 --locale "$l" --goto help --script help.evscript || fail "$l: help script"
  mv help-top.png "$out/$l-help.png"
  mv help-scrolled.png "$out/$l-help-scrolled.png"
  for png in "$out/$l-help.png" "$out/$l-help-scrolled.png"; do "$PNG_CHECK" "$png" || fail "$png is blank"; done
  cat <(tesseract "$out/$l-help.png" - -l eng 2>/dev/null) <(tesseract "$out/$l-help-scrolled.png" - -l eng 2>/dev/null) > "$WORK/ocr-$l.txt"
  grep -q "0800 1111" "$WORK/ocr-$l.txt" || fail "$l: help screen does not show 0800 1111 readably"
  grep -q "0808 800 5000" "$WORK/ocr-$l.txt" || fail "$l: help screen does not show 0808 800 5000 readably"
  # The three national services' QR codes, together on the first screen, read by zbar.
  zbarimg -q --raw "$out/$l-help.png" 2>/dev/null | sort > "$WORK/qr-$l.txt" || true
  printf '%s\n' https://www.childline.org.uk https://www.nspcc.org.uk https://www.stopitnow.org.uk |
    cmp -s - "$WORK/qr-$l.txt" || fail "$l: help screen QR codes read as: $(tr '\n' ' ' <"$WORK/qr-$l.txt")"
done

# The quick exit is on every flow screen, so a script can find it there.
for s in languages audience topics:child page:people-you-can-tell help signpost:nspcc; do
  printf 'expect nav:exit\nexpect nav:help\n' > expect.evscript
  kiosk --window 1080x1920 --goto "$s" --script expect.evscript || fail "$s: no quick exit or help button"
done
echo "screens: ${#screens[@]} portrait, 5 landscape, GLFW, small window, and 3 screens in each of: $locales"
