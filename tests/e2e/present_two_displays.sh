#!/usr/bin/env bash
# Present mode with a projector: two displays on one X screen, as a laptop with a projector has
# them (Xorg's dummy driver, two RandR outputs: the laptop 1280x720 at the left, the projector
# 1920x1080 beside it; SDL2 reports one display per output). --present --fullscreen, with no
# --presenter-window, must put the presenter view (notes, prompt, clock) filling the laptop and
# the room's view filling the projector, and the notes must never be on the room's window.
# Needs root for Xorg (skipped, 77, where it cannot start).
. "$(dirname "$0")/lib.sh"

n=70
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
cat > xorg.conf <<'CONF'
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 256000
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 5.0 - 1000.0
  VertRefresh 5.0 - 200.0
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual 3200 1080
  EndSubSection
EndSection
CONF
Xorg ":$n" -config "$WORK/xorg.conf" -noreset -nolisten tcp -logfile "$WORK/xorg.log" >/dev/null 2>&1 &
xorg=$!
trap 'kill $xorg 2>/dev/null; wait $xorg 2>/dev/null; rm -rf "$WORK"' EXIT
export DISPLAY=":$n"
for _ in $(seq 50); do xrandr >/dev/null 2>&1 && break; sleep 0.1; done
xrandr >/dev/null 2>&1 || { echo "present_two_displays: skipped, Xorg with the dummy driver did not start ($(tail -1 "$WORK/xorg.log" 2>/dev/null))"; exit 77; }
xrandr --addmode DUMMY1 1920x1080
xrandr --output DUMMY0 --mode 1280x720 --pos 0x0 --output DUMMY1 --mode 1920x1080 --pos 1280x0
# The new layout reaches a new client a moment later (SDL2 once found one display).
for _ in $(seq 50); do [ "$(xrandr --listactivemonitors | head -1)" = "Monitors: 2" ] && break; sleep 0.1; done
sleep 0.5

# The plan's first page has notes; the kiosk stays up 3 s while its windows are looked at.
plan=parents-and-carers
cat > two.evscript <<'SCRIPT'
key right
screenshot room.png
sleep 3
SCRIPT
kiosk --present --plan "$plan" --fullscreen --script two.evscript >kiosk.log 2>&1 &
k=$!
sleep 1.5
for _ in $(seq 40); do [ -f room-presenter.png ] && break; sleep 0.1; done
xwininfo -root -tree >windows.txt
[ -z "${KEEP_DIR:-}" ] || cp windows.txt room*.png "$KEEP_DIR"/ # to look at
wait $k || fail "the kiosk failed: $(cat kiosk.log)"
geometry() { grep -F "\"$1\": (" windows.txt | grep -o '[0-9]*x[0-9]*+[0-9]*+[0-9]*' | head -1; }
[ "$(geometry 'Every Voice')" = 1920x1080+1280+0 ] || fail "the room's window is at '$(geometry 'Every Voice')', not filling the projector (1920x1080+1280+0)"
[ "$(geometry 'Every Voice: presenter')" = 1280x720+0+0 ] || fail "the presenter window is at '$(geometry 'Every Voice: presenter')', not filling the laptop (1280x720+0+0)"
"$PNG_CHECK" room.png 1920x1080
"$PNG_CHECK" room-presenter.png 1280x720

# The notes of the first page by OCR: on the laptop, and none of their words on the projector.
notes=$(sqlite3 "$PACK" "select notes from plan_step_text where plan = '$plan' and locale = 'en' and position = 0")
[ -n "$notes" ] || fail "the first step of $plan has no notes to look for"
room=$(tesseract room.png - -l eng 2>/dev/null | tr -s ' \n' ' ')
laptop=$(tesseract room-presenter.png - -l eng 2>/dev/null | tr -s ' \n' ' ')
words=$(tr -cs 'A-Za-z' '\n' <<<"$notes" | awk 'length($0) >= 7' | sort -u)
seen=0 leaked=""
for w in $words; do
  grep -qiw "$w" <<<"$laptop" && seen=$((seen + 1))
  grep -qiw "$w" <<<"$room" && leaked+=" $w"
done
total=$(wc -w <<<"$words")
[ "$seen" -ge $((total / 2)) ] || fail "the presenter window shows $seen of the notes' $total long words"
title=$(sqlite3 "$PACK" "select p.title from plan_steps s join page_text p on p.page = s.page and p.locale = 'en' where s.plan = '$plan' and s.position = 0")
grep -qF "$title" <<<"$room" || fail "the projector does not show the first page, '$title': $room"
# A word of the notes may also be a word of the page; none may be on the projector that is not.
for w in $leaked; do grep -qiw "$w" <<<"$(sqlite3 "$PACK" "select markdown from page_text where locale = 'en'")" || fail "the notes' word '$w' is on the projector"; done
echo "present on two displays: the presenter view fills the laptop, the room's the projector; $seen of $total words of the notes on the laptop, none on the projector"
