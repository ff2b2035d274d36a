#!/usr/bin/env bash
# Present mode from the command line, as a partner runs it: a whole session plan driven by the
# keys of a presentation clicker with a screenshot per step, the room's show of hands and the
# session record, all read back from the counts database with sqlite3. Also: no idle reset in
# an hour without a touch, the quick exit, the blank screen and the notes.
. "$(dirname "$0")/lib.sh"
db=state/counts.sqlite
plan=parents-and-carers
q() { sqlite3 -cmd '.timeout 5000' "$db" "$1"; }

# --- the whole plan, a screenshot per step -----------------------------------------------
# Before the talk, the room's show of hands (tests/ui/test_present.cpp taps Record twice at one
# point; here the button has given way to what was recorded); then Next
# until the deck runs out, which opens the session record; an hour passes on one step.
{
  echo "expect hands:very:plus5"
  for _ in 1 2; do echo "tap hands:very:plus5"; done
  echo "tap hands:very:minus1"
  echo "tap hands:a-little:plus5"
  echo "tap hands:not-yet:plus1"
  echo "tap hands:save"
  echo "expect hands:undo"
  for i in $(seq -w 1 150); do
    echo "screenshot step-$i.png"
    echo "key right"
    [ "$i" = 005 ] && echo "wait 3600"
  done
  echo "expect record:save"
  echo "screenshot record.png"
} > plan.evscript
kiosk --window 1280x720 --present --plan "$plan" --script plan.evscript >/dev/null || fail "the plan's script"
record=$(md5sum < record.png)
steps=0
for f in step-*.png; do
  [ "$(md5sum < "$f")" = "$record" ] && break
  "$PNG_CHECK" "$f" 1280x720 || fail "$f is not a screen"
  steps=$((steps + 1))
done
[ "$steps" -ge 10 ] || fail "the plan has only $steps steps"
[ "$(for f in $(ls step-*.png | head -n "$steps"); do md5sum < "$f"; done | sort -u | wc -l)" = "$steps" ] ||
  fail "two steps look the same"
echo "ok: $steps steps of $plan, each its own screen, then the session record"

[ "$(count page_view)" = 0 ] || fail "presented pages counted as a resident's page_view"
[ "$(count idle_reset)" = 0 ] || fail "an idle reset while presenting"
[ "$(count session_start)" = 0 ] || fail "a visit counted"
pages=$(grep -o '^page = "[^"]*"' "$SOURCE_DIR/content/default/plans/$plan/plan.toml" | cut -d'"' -f2 | sort -u)
[ "$(q "select group_concat(page, ' ') from (select page from counts where event = 'page_presented' order by page)")" = \
  "$(sort -u <<<"$pages" | paste -sd' ')" ] || fail "page_presented: $(q "select page, n from counts where event = 'page_presented'")"
[ "$(q "select count(*) from counts where event = 'page_presented' and (detail <> '$plan' or n <> 1 or locale <> 'en')")" = 0 ] ||
  fail "page_presented rows: $(q "select page, locale, detail, n from counts where event = 'page_presented'")"
[ "$(q "select group_concat(detail || '=' || n, ' ') from (select detail, n from counts where event = 'room_answer' order by detail)")" = \
  "$plan:before:a-little=5 $plan:before:not-yet=1 $plan:before:very=9" ] ||
  fail "room answers: $(q "select detail, n from counts where event = 'room_answer'")"
echo "ok: page_presented once per page with the plan's id, the show of hands with n = hands, no page_view, no idle reset"

# --- the session record: recorded once, Undo takes it back --------------------------------
record_script() {
  cat <<EOF
expect record:save
tap record:parent
tap record:community
tap record:lang:bn
tap record:plus10
tap record:plus10
tap record:plus5
tap record:save
expect record:undo
screenshot recorded.png
$1
EOF
}
rm -rf state
record_script "" > record.evscript
kiosk --window 1920x1080 --goto "record:$plan" --script record.evscript >/dev/null || fail "record script"
[ "$(q "select locale || '|' || audience || '|' || detail || '|' || n from counts where event = 'facilitated_session'")" = \
  "en+bn|parent+community|25/$plan|1" ] || fail "session record: $(q "select * from counts")"
rm -rf state
record_script "tap record:undo" > undo.evscript
kiosk --window 1920x1080 --goto "record:$plan" --script undo.evscript >/dev/null || fail "undo script"
[ "$(q "select count(*) from counts where event = 'facilitated_session'")" = 0 ] || fail "Undo left $(q "select * from counts")"
echo "ok: Record counts one session of 25, in en+bn, for parent+community, with the plan; Undo removes it"

# --- blank, notes, quick exit ----------------------------------------------------------------
rm -rf state
printf 'key right\nkey b\nscreenshot blank.png\nkey right\nexpect present:next\nkey n\nexpect present:notes\nscreenshot notes.png\nkey shift\nkey shift\nkey shift\nexpect neutral:item\n' > keys.evscript
kiosk --window 1920x1080 --present --plan "$plan" --script keys.evscript >/dev/null || fail "blank, notes and exit"
"$PNG_CHECK" blank.png 1920x1080 2>/dev/null && fail "the blank screen shows something"
[ "$(count quick_exit)" = 1 ] || fail "Shift x3 did not exit"
echo "ok: B blanks the screen and a key brings it back, N shows the notes, Shift x3 leaves for the neutral screen"

# --- the presenter view: a second window (forced onto one screen here) ----------------------
rm -rf state
printf 'key right\nkey n\nscreenshot room.png\n' > presenter.evscript
kiosk --window 1280x720 --present --plan "$plan" --presenter-window 1024x640 --script presenter.evscript >/dev/null ||
  fail "presenter view"
"$PNG_CHECK" room.png 1280x720 || fail "the room's window"
"$PNG_CHECK" room-presenter.png 1024x640 || fail "the presenter window"
tesseract room-presenter.png - -l eng 2>/dev/null | grep -q "Before you start" || fail "the notes are not in the presenter window"
tesseract room.png - -l eng 2>/dev/null | grep -q "Before you start" && fail "the notes are on the room's screen"
echo "ok: the presenter window shows the notes; the room's screen does not, N or not"
