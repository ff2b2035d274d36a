#!/usr/bin/env bash
# everyvoice-pack handout, checked with tools we did not write: pdftotext reads back each
# plan's title and every phone number of its end signposts; the pages rendered by pdftoppm and
# read by tesseract (en, bn, ur, pa: Latin, Bengali, Nastaliq and Gurmukhi around the numbers)
# show every number; zbarimg decodes each QR code to its service's web address. What is
# expected comes from the pack itself, through sqlite3. SCREENSHOT_DIR keeps the PNG pages.
set -euo pipefail
export OMP_THREAD_LIMIT=1 # tesseract: one thread a page is faster on a shared machine
: "${PACK_TOOL:?}" "${PACK:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
shots=${SCREENSHOT_DIR:-$WORK/shots}
mkdir -p "$shots"

plans=$(sqlite3 "$PACK" 'select id from plans order by id')
[ "$(echo "$plans" | wc -w)" -ge 3 ] || fail "the default pack has fewer than 3 plans: $plans"

# The confirmed phone numbers and web addresses of a plan's end signposts, one a line.
numbers() {
  sqlite3 "$PACK" "select p.phone from plan_signposts ps join signposts s on s.id = ps.signpost
    join signpost_phones p on p.signpost = s.id where ps.plan = '$1'
    and (s.verify = 0 or (s.verify_fields != '' and instr(s.verify_fields, 'phones') = 0)) order by ps.position, p.position"
}
urls() {
  sqlite3 "$PACK" "select 'https://www.' || s.web from plan_signposts ps join signposts s on s.id = ps.signpost
    where ps.plan = '$1' and s.web != ''
    and (s.verify = 0 or (s.verify_fields != '' and instr(s.verify_fields, 'web') = 0)) order by s.web"
}

for plan in $plans; do
  for l in en bn ur pa; do
    pdf=$WORK/$plan-$l.pdf
    "$PACK_TOOL" handout "$PACK" --plan "$plan" --locale "$l" -o "$pdf" >/dev/null || fail "$plan $l: handout exited with $?"
    pdfinfo "$pdf" | grep -q 'Page size: *595.* x 841.* pts (A4)' || fail "$plan $l: not A4"
    # pdftotext marks the direction of each line of a right-to-left page (U+202A-U+202E).
    text=$(pdftotext "$pdf" - | perl -CSD -pe 's/[\x{202A}-\x{202E}\x{2066}-\x{2069}]//g')
    # The plan's title, in the language it is shown in (English until it is translated). Read in
    # the order it was written (-raw) and without spaces: pdftotext cannot put the letters of
    # Nastaliq, set on a sloping baseline, back into lines.
    title=$(sqlite3 "$PACK" "select title from plan_text where plan = '$plan' and locale in ('$l', 'en') order by locale = '$l' desc limit 1")
    written=$(pdftotext -raw "$pdf" - | perl -CSD -pe 's/[\x{202A}-\x{202E}\x{2066}-\x{2069}\s]//g')
    [[ $written == *"${title// /}"* ]] || fail "$plan $l: pdftotext does not read the title '$title'"
    while read -r n; do
      grep -qF "$n" <<<"$text" || fail "$plan $l: pdftotext does not read the number $n"
    done < <(numbers "$plan")
    # The website's quick exit reads as advice on paper, in the handout's language, never as the
    # kiosk's "Touch Exit ... this screen". Spaces aside: pdftotext splits some Bengali clusters.
    # (It does not read the Nastaliq font's glyphs back as Urdu letters, so not in ur.)
    [ "$l" = ur ] && continue
    flat=$(tr -d ' \n' <<<"$text")
    for key in handout.exit_title handout.exit_advice; do
      want=$(sqlite3 "$PACK" "select value from strings where locale = '$l' and key = '$key'")
      grep -qF "${want// /}" <<<"$flat" || fail "$plan $l: pdftotext does not read $key '$want'"
    done
    kiosk_hint=$(sqlite3 "$PACK" "select value from strings where locale = '$l' and key = 'audience.exit_hint'")
    ! grep -qF "${kiosk_hint// /}" <<<"$flat" || fail "$plan $l: the handout tells the reader to touch the screen's Exit"
  done
  # Every QR code on the pages decodes to a web address of the plan's signposts, and every
  # such address has one.
  pdftoppm -r 150 -png "$WORK/$plan-en.pdf" "$WORK/qr-$plan"
  decoded=$(zbarimg -q --raw "$WORK"/qr-"$plan"-*.png | sort)
  [ "$decoded" = "$(urls "$plan")" ] || fail "$plan: the QR codes decode to '$decoded', expected '$(urls "$plan")'"
done

# OCR of one plan's pages in four scripts: each number is read off the rendered page, digits
# compared (a reader may drop the spaces in a number). tesseract-ocr-<lang> from Debian, with
# its automatic page layout and again reading the page as one block (either may miss a short
# number standing alone, as "101" read as "1091").
plan=parents-and-carers
for l in en bn ur pa; do
  case $l in en) ocr=eng ;; bn) ocr=ben+eng ;; ur) ocr=urd+eng ;; pa) ocr=pan+eng ;; esac
  pdftoppm -r 300 -png "$WORK/$plan-$l.pdf" "$WORK/ocr-$l"
  read_back=""
  for png in "$WORK"/ocr-"$l"-*.png; do
    for psm in 3 6; do read_back+=$(tesseract "$png" - -l "$ocr" --psm $psm 2>/dev/null | tr -d ' ')$'\n'; done
    pdftoppm -r 60 -png -f "$(basename "$png" .png | sed 's/.*-0*//')" -l "$(basename "$png" .png | sed 's/.*-0*//')" \
      "$WORK/$plan-$l.pdf" "$shots/handout-$plan-$l"
  done
  while read -r n; do
    grep -qF "${n// /}" <<<"$read_back" || fail "$plan $l: OCR ($ocr) does not read the number $n"
  done < <(numbers "$plan")
done

# Bad input: a clear message and no file.
out=$("$PACK_TOOL" handout "$PACK" --plan no-such-plan --locale en -o "$WORK/x.pdf" 2>&1) && fail "an unknown plan was accepted"
grep -q "has no plan 'no-such-plan' (it has: " <<<"$out" || fail "unknown plan: $out"
out=$("$PACK_TOOL" handout "$PACK" --plan "$plan" --locale xx -o "$WORK/x.pdf" 2>&1) && fail "an unknown language was accepted"
grep -q "has no language 'xx'" <<<"$out" || fail "unknown language: $out"
[ ! -e "$WORK/x.pdf" ] || fail "a refused handout left a file"
echo "handouts of $(echo "$plans" | wc -w) plans in en, bn, ur and pa: titles, numbers and QR codes read back"
