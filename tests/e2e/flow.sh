#!/usr/bin/env bash
# A whole visit through the real kiosk: every screen drawn, the help screen readable, and the
# counts of what was used (never of who) committed.
. "$(dirname "$0")/lib.sh"
kiosk --window 1080x1920 --script "$SOURCE_DIR/tests/e2e/full_flow.evscript" || fail "full flow script"
for png in 0*.png; do "$PNG_CHECK" "$png" 1080x1920 || fail "$png is blank or the wrong size"; done
[ "$(ls 0*.png | wc -l)" = 10 ] || fail "expected 10 screenshots, got $(ls 0*.png)"
cmp -s 05-page.png 06-page-scrolled.png && fail "dragging the page did not scroll it"

# The numbers a resident copies down must be readable, so read them as a person would: OCR.
tesseract 07-help.png help -l eng >/dev/null 2>&1 || fail "tesseract could not read the help screen"
grep -q "0800 1111" help.txt || fail "help screen: 0800 1111 not readable (OCR: $(tr '\n' ' ' <help.txt))"
grep -q "0808 800 5000" help.txt || fail "help screen: 0808 800 5000 not readable"
# A card opens its service alone: the number larger, the code a phone reads from further away.
tesseract 08-signpost.png signpost -l eng >/dev/null 2>&1
grep -q "0800 1111" signpost.txt || fail "Childline's own screen: 0800 1111 not readable (OCR: $(tr '\n' ' ' <signpost.txt))"
[ "$(zbarimg -q --raw 08-signpost.png)" = https://www.childline.org.uk ] || fail "Childline's own screen: its QR code does not read"
tesseract 09-neutral.png neutral -l eng >/dev/null 2>&1
if grep -Eiq "abuse|help|safe|child|exit" neutral.txt; then fail "the neutral screen gives the subject away: $(cat neutral.txt)"; fi

expect_count() { [ "$(count "$1")" = "$2" ] || fail "$1 counted $(count "$1") times, expected $2"; }
expect_count session_start 1
expect_count language_selected 1
expect_count audience_selected 2
expect_count page_view 3
expect_count help_view 1
expect_count signpost_view 1
# The three national services' QR codes, counted once for the one visit to the help screen
# (coming back from Childline's own screen is the same visit), and Childline's large one.
expect_count qr_shown 4
[ "$(sqlite3 state/counts.sqlite "select group_concat(detail) from (select detail from counts where event = 'qr_shown' order by detail)")" = childline,nspcc,stopitnow ] ||
  fail "qr_shown should name childline, nspcc and stopitnow"
expect_count quick_exit 1
# Home after reading asked the end-of-visit questions: one answered, the other skipped.
tesseract 08b-questions.png questions -l eng >/dev/null 2>&1
grep -q "who you could talk to" questions.txt || fail "the end-of-visit question is not readable (OCR: $(tr '\n' ' ' <questions.txt))"
expect_count visit_answer 1
[ "$(sqlite3 state/counts.sqlite "select detail || '|' || locale || '|' || audience || '|' || page from counts where event = 'visit_answer'")" = 'know_who:yes|en|parent|' ] ||
  fail "visit_answer should be know_who:yes, in English, for a parent, on no page"
[ "$(sqlite3 state/counts.sqlite 'select count(*) from counts where hour*3600 > strftime("%s","now") + 3600')" = 0 ] ||
  fail "a count is stamped in the future"
echo "flow: 10 screens drawn, help numbers and a service's own screen readable, counts committed"
