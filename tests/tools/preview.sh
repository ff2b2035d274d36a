#!/usr/bin/env bash
# everyvoice-pack preview: every screen in every language drawn by the real kiosk, each PNG
# accepted by png_check, and a contact sheet html-validate accepts that shows them all; a
# session plan in present mode, screen by screen, in English and Urdu. Runs with no DISPLAY, as
# on a comms officer's machine without one: preview starts its own Xvfb. Plans are drawn only
# when asked (--plans): the default pack's would add about a thousand projector screens, so a
# small plan added to the fixture stands for them.
set -euo pipefail
: "${PACK_TOOL:?}" "${PACK:?}" "${PNG_CHECK:?}" "${SOURCE_DIR:?}" "${NPM_DIR:?}" "${KIOSK:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
unset DISPLAY

validator="$NPM_DIR/node_modules/.bin/html-validate"
[ -x "$validator" ] || npm install --prefix "$NPM_DIR" --no-audit --no-fund html-validate@9.7.1 >/dev/null

fixture="$SOURCE_DIR/tests/tools/fixtures"
"$PACK_TOOL" build "$fixture/rtl" -o "$WORK/rtl.evpack" --locales "$fixture/locales" >/dev/null 2>&1 ||
  fail "cannot build the fixture pack"

for pack in "$PACK" "$WORK/rtl.evpack"; do
  out=$WORK/preview-$(basename "$pack" .evpack)
  "$PACK_TOOL" preview "$pack" -o "$out" --kiosk "$KIOSK" || fail "$pack: preview exited with $?"
  ! ls -d "$out"/*-present 2>/dev/null || fail "$pack: the plans were drawn without --plans"
  expected=2 # attract and neutral, once
  for l in $(sqlite3 "$pack" 'select tag from locales order by position'); do
    for s in languages audience topics-child topics-teen topics-parent topics-community help \
      $(sqlite3 "$pack" "select 'page-' || id from pages order by id"); do
      [ -f "$out/$l/$s.png" ] || fail "$pack: no $l/$s.png"
      expected=$((expected + 1))
    done
  done
  [ -f "$out/_start/attract.png" ] && [ -f "$out/_start/neutral.png" ] || fail "$pack: no attract or neutral screen"
  pngs=$(cd "$out" && find . -name '*.png' | sed 's|^\./||' | sort)
  # The help screen adds a picture per further screenful: help-2.png, ...
  parts=$(echo "$pngs" | grep -Ec '/help-[2-9]\.png$' || true)
  [ "$(echo "$pngs" | wc -l)" -eq $((expected + parts)) ] || fail "$pack: $(echo "$pngs" | wc -l) pictures, expected $expected + $parts"
  for p in $pngs; do
    "$PNG_CHECK" "$out/$p" 1080x1920 >/dev/null || fail "$pack: $p is not a 1080x1920 picture of a screen"
    grep -qF "<img src=\"$p\"" "$out/index.html" || fail "$pack: index.html does not show $p"
  done
  (cd "$out" && "$validator" index.html) || fail "$pack: html-validate found problems in index.html"
done

# The whole help screen: its screenfuls, read back by OCR, show every confirmed number of the
# default pack (the first screenful alone shows only the first cards).
out=$WORK/preview-default
[ -f "$out/en/help-2.png" ] || fail "the help screen was drawn as one screenful"
grep -q 'help: get help now (2 of ' "$out/index.html" || fail "the contact sheet does not number the help screen's parts"
help=$(for f in "$out"/en/help*.png; do tesseract "$f" stdout -l eng 2>/dev/null; done | tr '\n' ' ')
for phone in $(sqlite3 "$PACK" "select replace(p.phone, ' ', '_') from signposts s join signpost_phones p on p.signpost = s.id where s.verify = 0"); do
  [[ $help == *"${phone//_/ }"* ]] || fail "the preview of the help screen does not show ${phone//_/ }: $help"
done
[ -n "${SCREENSHOT_DIR:-}" ] && cp "$out"/en/help*.png "$out/index.html" "$SCREENSHOT_DIR/" || true

# The fixture's Urdu page is drawn right to left and differs from the English one; its
# out-of-date page is the English page with a note, so it differs from English too.
out=$WORK/preview-rtl
! cmp -s "$out/en/page-talking.png" "$out/ur/page-talking.png" || fail "Urdu page drawn like the English one"
! cmp -s "$out/en/page-staying-safe.png" "$out/ur/page-staying-safe.png" || fail "stale Urdu page has no note"
grep -q 'staying-safe: Staying safe &amp; well (translation out of date: shows en)' "$out/index.html" ||
  fail "the contact sheet does not say the Urdu page is out of date"

# --whole-pages: a page four screenfuls long is drawn to its end (its last paragraph read back
# by OCR), a short one stays one picture, and the contact sheet numbers the parts.
cp -r "$fixture" "$WORK/long-src"
mkdir "$WORK/long-src/rtl/pages/long"
{
  printf '+++\ntitle = "A long page"\naudience = ["parent"]\nstatus = "draft"\n+++\n'
  for i in $(seq 1 40); do printf '\nParagraph %s of the long page, with enough words in it to fill a line or two of the screen.\n' "$i"; done
  printf '\nThe last paragraph of the long page.\n'
} > "$WORK/long-src/rtl/pages/long/en.md"
# A plan of one step with a question, in English and Urdu, on the same fixture.
mkdir -p "$WORK/long-src/rtl/plans/demo"
printf 'audience = ["parent"]\nminutes = 20\nsignposts = ["childline"]\n\n[question]\nid = "sure"\nanswers = ["yes", "no"]\n\n[[steps]]\npage = "talking"\n' \
  >"$WORK/long-src/rtl/plans/demo/plan.toml"
printf 'title = "A demonstration plan"\nstatus = "draft"\nquestion = "How sure are you where to get help?"\nanswers = ["Sure", "Not yet"]\n\n[[steps]]\nprompt = "Who could a child talk to?"\nnotes = "Only for the facilitator."\n' \
  >"$WORK/long-src/rtl/plans/demo/en.toml"
stamp=$("$PACK_TOOL" hash "$WORK/long-src/rtl" plan:demo) || fail "hash plan:demo"
printf 'title = "ایک نمونے کا منصوبہ"\nstatus = "draft"\ntranslated_from = "%s"\nquestion = "آپ کو کتنا یقین ہے کہ مدد کہاں سے ملتی ہے؟"\nanswers = ["یقین ہے", "ابھی نہیں"]\n\n[[steps]]\nprompt = "بچہ کس سے بات کر سکتا ہے؟"\nnotes = "صرف سہولت کار کے لیے۔"\n' "$stamp" \
  >"$WORK/long-src/rtl/plans/demo/ur.toml"
"$PACK_TOOL" build "$WORK/long-src/rtl" -o "$WORK/long.evpack" --locales "$WORK/long-src/locales" >/dev/null 2>&1 ||
  fail "cannot build the long fixture pack"
out=$WORK/preview-long
"$PACK_TOOL" preview "$WORK/long.evpack" -o "$out" --kiosk "$KIOSK" --whole-pages --plans || fail "preview --whole-pages --plans exited with $?"
[ -f "$out/en/page-long-3.png" ] || fail "--whole-pages drew the long page as $(ls "$out/en" | grep -c page-long) pictures"
[ ! -f "$out/en/page-talking-2.png" ] || fail "--whole-pages drew the short page more than once"
long=$(for f in $(ls "$out"/en/page-long*.png | sort -V); do tesseract "$f" stdout -l eng 2>/dev/null; done | tr '\n' ' ')
[[ $long == *"The last paragraph of the long page"* ]] || fail "the long page was not drawn to its end: $long"
grep -q 'long: A long page (draft) (2 of ' "$out/index.html" || fail "the contact sheet does not number the page's parts"
grep -q 'not all of it is drawn' "$out/index.html" && fail "the long page was cut"
(cd "$out" && "$validator" index.html) || fail "--whole-pages: html-validate found problems in index.html"

# The plan as present mode shows it on a projector, from its question to the session record,
# in English and in Urdu; never the facilitator's notes.
for l in en ur; do
  plan=$(ls "$out/$l-present"/present-plan-demo*.png 2>/dev/null | sort -V) || fail "no $l-present pictures of the plan"
  [ "$(echo "$plan" | wc -l)" -ge 4 ] || fail "$l: the plan was drawn as $(echo "$plan" | wc -l) pictures"
  for p in $plan; do
    "$PNG_CHECK" "$p" 1920x1080 >/dev/null || fail "$p is not a 1920x1080 picture of a screen"
    grep -qF "<img src=\"$l-present/$(basename "$p")\"" "$out/index.html" || fail "index.html does not show $p"
  done
done
first=$(tesseract "$out/en-present/present-plan-demo.png" stdout -l eng 2>/dev/null | tr '\n' ' ')
[[ $first == *"How sure are you where to get help"* ]] || fail "the plan's first screen is not its question: $first"
en=$(for f in $(ls "$out"/en-present/present-plan-demo*.png | sort -V); do tesseract "$f" stdout -l eng 2>/dev/null; done | tr '\n' ' ')
[[ $en == *"Who could a child talk to"* && $en == *"Record the group session"* ]] || fail "the plan's prompt or the session record is not drawn: $en"
[[ $en != *"Only for the facilitator"* ]] || fail "the facilitator's notes are on the room's screen"
! cmp -s "$out/en-present/present-plan-demo.png" "$out/ur-present/present-plan-demo.png" || fail "the Urdu plan is drawn like the English one"
grep -q 'plan demo: ایک نمونے کا منصوبہ (draft) (1 of ' "$out/index.html" || fail "the contact sheet does not caption the Urdu plan"

# A kiosk that fails is reported, with exit 1; a missing -o is a usage error.
set +e
"$PACK_TOOL" preview "$PACK" -o "$WORK/bad" --kiosk /bin/false 2>"$WORK/err"
rc=$?
"$PACK_TOOL" preview "$PACK" 2>/dev/null
usage=$?
set -e
[ "$rc" -eq 1 ] && grep -q 'exited with 1' "$WORK/err" || fail "a failing kiosk gave exit $rc: $(cat "$WORK/err")"
[ "$usage" -eq 2 ] || fail "preview without -o gave exit $usage, not 2"
echo "preview: every screen of both packs drawn and checked"
