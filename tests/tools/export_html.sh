#!/usr/bin/env bash
# everyvoice-pack export-html, checked with tools we did not write: every file through
# html-validate (npm), pages rendered by Debian's Chromium and checked by png_check, the quick
# exit played in Chromium; session plans' pages checked against the pack. The default pack, tests/tools/fixtures/rtl (Urdu, a stale
# translation, a signpost to verify) and tests/core/fixtures/content/media (an image and a
# narration) are exported. SCREENSHOT_DIR keeps the screenshots.
set -euo pipefail
: "${PACK_TOOL:?}" "${PACK:?}" "${PNG_CHECK:?}" "${SOURCE_DIR:?}" "${NPM_DIR:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
shots=${SCREENSHOT_DIR:-$WORK/shots}
mkdir -p "$shots"

# html-validate from the npm registry, once per build tree; 9.x runs on Debian 12's Node 18.
validator="$NPM_DIR/node_modules/.bin/html-validate"
[ -x "$validator" ] || npm install --prefix "$NPM_DIR" --no-audit --no-fund html-validate@9.7.1 >/dev/null
"$validator" --version >/dev/null || fail "html-validate did not install"

chrome() { # chrome ARGS... : headless Chromium with a fresh profile, nothing fetched
  local profile
  profile=$(mktemp -d "$WORK/profile.XXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>/dev/null
}

fixture="$SOURCE_DIR/tests/tools/fixtures"
"$PACK_TOOL" build "$fixture/rtl" -o "$WORK/rtl.evpack" --locales "$fixture/locales" >/dev/null 2>&1 ||
  fail "cannot build the fixture pack"

for name in default rtl; do
  pack=$PACK
  [ "$name" = rtl ] && pack=$WORK/rtl.evpack
  site=$WORK/site-$name
  "$PACK_TOOL" export-html "$pack" -o "$site" >/dev/null || fail "$name: export-html exited with $?"

  # Every page, screen and language the pack has, and nothing else.
  locales=$(sqlite3 "$pack" 'select tag from locales order by position')
  pages=$(sqlite3 "$pack" 'select id from pages order by id')
  plans=$(sqlite3 "$pack" 'select id from plans order by id')
  expected=2
  for l in $locales; do
    for f in index help topics-child topics-teen topics-parent topics-community; do
      [ -f "$site/$l/$f.html" ] || fail "$name: no $l/$f.html"
      expected=$((expected + 1))
    done
    for p in $pages; do
      [ -f "$site/$l/page-$p.html" ] || fail "$name: no $l/page-$p.html"
      expected=$((expected + 1))
    done
    for p in $plans; do
      [ -f "$site/$l/plan-$p.html" ] || fail "$name: no $l/plan-$p.html"
      grep -qF "<a href=\"plan-$p.html\"" "$site/$l/index.html" || fail "$name: $l/index.html does not link to plan $p"
      expected=$((expected + 1))
    done
  done
  files=$(find "$site" -name '*.html' | sort)
  [ "$(echo "$files" | wc -l)" -eq "$expected" ] || fail "$name: $(echo "$files" | wc -l) HTML files, expected $expected"

  # shellcheck disable=SC2086
  (cd "$site" && "$validator" $files) || fail "$name: html-validate found problems"

  for l in $locales; do
    dir=ltr
    case $l in ur | ar | fa | he) dir=rtl ;; esac
    for f in "$site/$l"/*.html; do
      grep -q "<html lang=\"$l\" dir=\"$dir\">" "$f" || fail "$f: not <html lang=\"$l\" dir=\"$dir\">"
    done
    grep -q "hreflang=\"$l\"" "$site/index.html" || fail "$name: index.html does not list $l"
  done
  for f in $files; do
    [ "$f" = "$site/neutral.html" ] && continue
    grep -q 'href="#main"' "$f" && grep -q '<main id="main">' "$f" || fail "$f: no skip link to main"
    grep -Eq '<a id="exit" class="exit" href="(\.\./)?neutral.html">' "$f" || fail "$f: no quick exit link"
  done
  ! grep -q '<a ' "$site/neutral.html" || fail "$name: the neutral page links somewhere"
  ! grep -q '<script' "$site/neutral.html" || fail "$name: the neutral page has a script"
  neutral=$(sqlite3 "$pack" "select title from neutral where locale = (select value from meta where key = 'default_locale')")
  grep -qF "<h1>$neutral</h1>" "$site/neutral.html" || fail "$name: neutral.html does not show '$neutral'"

  # Nothing is fetched from anywhere: no scheme-relative or http(s) src/href, no CSS url().
  # (Links to the services' own sites are not fetched.)
  ! grep -rEq 'src="(https?:)?//|<link [^>]*href="(https?:)?//' "$site" || fail "$name: the site fetches from another site"
  ! grep -rEq 'href="(https?:)?//' "$site" --exclude=help.html || fail "$name: a page other than the help cards links to another site"
  ! grep -Eq 'url\(|@import' "$site/style.css" || fail "$name: the stylesheet fetches something"

  # Help cards: every confirmed number as a tel: link showing it as in the pack; a card to
  # verify shows no contact detail.
  # A signpost's numbers are shown unless they are to verify: all of them (verify_fields empty) or by name.
  sqlite3 -separator '|' "$pack" "select s.id, p.phone from signposts s join signpost_phones p on p.signpost = s.id
      where s.verify = 0 or (s.verify_fields <> '' and instr(' ' || s.verify_fields || ' ', ' phones ') = 0)" |
    while IFS='|' read -r id phone; do
      digits=$(echo "$phone" | tr -cd '0-9+')
      for l in $locales; do
        grep -qF "<a href=\"tel:$digits\" dir=\"ltr\">${phone// /\&nbsp;}</a>" "$site/$l/help.html" ||
          fail "$name: $l/help.html has no tel: link for $id $phone"
      done
    done
  # Web addresses are links to the service's site over https.
  sqlite3 -separator '|' "$pack" "select id, web from signposts where web != '' and (verify = 0 or (verify_fields <> '' and instr(' ' || verify_fields || ' ', ' web ') = 0))" |
    while IFS='|' read -r id web; do
      for l in $locales; do
        grep -qF "<p class=\"web\"><a href=\"https://$web\" dir=\"ltr\">$web</a></p>" "$site/$l/help.html" ||
          fail "$name: $l/help.html has no link to $web for $id"
      done
    done
  for id in $(sqlite3 "$pack" "select id from signposts where verify = 1 and verify_fields = ''"); do
    for l in $locales; do
      card=$(awk -v id="sp-$id" 'index($0, "aria-labelledby=\"" id "\"") {on = 1} on {print} on && /<\/section>/ {exit}' "$site/$l/help.html")
      [ -n "$card" ] || fail "$name: $l/help.html has no card for $id"
      ! echo "$card" | grep -Eq 'tel:|class="web"' || fail "$name: $l/help.html shows contact details of $id, which is to verify"
    done
  done
done

# English names inside other languages: the services' names and the site's own, as lang="en"
# (and isolated, so "Stop It Now!" keeps its "!" at the end on an Urdu page).
site=$WORK/site-default
grep -qF '<h2 id="sp-stopitnow"><bdi lang="en">Stop It Now!</bdi></h2>' "$site/ur/help.html" || fail "ur: Stop It Now! is not marked English"
grep -qF '<bdi lang="en">Childline</bdi>' "$site/pl/help.html" || fail "pl: Childline is not marked English"
grep -qF '<a class="brand" href="index.html" lang="en" dir="ltr">' "$site/so/index.html" || fail "so: the site's name is not marked English"
! grep -qF '<bdi lang="en">' "$site/en/help.html" || fail "en: English marked inside English"

# At 320 CSS pixels wide (WCAG 1.4.10 reflow) no page of any language scrolls sideways: every
# page in a 320 px frame in Chromium, its width measured by Chromium's own layout.
{
  echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>reflow</title></head><body><script>'
  echo 'var pages = ['
  (cd "$site" && find . -name '*.html' ! -name reflow-check.html | sort | sed 's/.*/"&",/')
  echo '], wide = [], i = 0;'
  cat <<'JS'
function next() {
  if (i === pages.length) { document.body.setAttribute('data-wide', wide.join(' ') || 'none'); return; }
  var f = document.createElement('iframe');
  f.style.width = '320px'; f.style.height = '640px'; f.style.border = '0';
  f.onload = function () {
    var d = f.contentDocument.documentElement;
    if (d.scrollWidth > 320) wide.push(pages[i] + '=' + d.scrollWidth);
    f.remove(); i++; next();
  };
  f.src = pages[i];
  document.body.appendChild(f);
}
next();
JS
  echo '</script></body></html>'
} > "$site/reflow-check.html"
wide=$(chrome --allow-file-access-from-files --virtual-time-budget=120000 --dump-dom "file://$site/reflow-check.html" |
  sed -n 's/.*data-wide="\([^"]*\)".*/\1/p')
rm "$site/reflow-check.html"
[ "$wide" = none ] || fail "pages wider than 320 px: ${wide:-no answer from Chromium}"

# Printed, a help page keeps the numbers and drops the bar and the exit button.
chrome --no-pdf-header-footer --print-to-pdf="$WORK/help.pdf" "file://$site/en/help.html" >/dev/null
printed=$(pdftotext "$WORK/help.pdf" -)
[[ $printed == *"0800 1111"* && $printed == *"childline.org.uk"* && $printed != *"Exit"* ]] ||
  fail "the printed help page: $printed"

# The fixture's Urdu page is stale: the English page with the Urdu note, marked as English.
site=$WORK/site-rtl
stale_note=$(sed -n 's/^stale = "\(.*\)"$/\1/p' "$fixture/locales/ur.toml")
grep -qF "<p class=\"note\">$stale_note</p>" "$site/ur/page-staying-safe.html" || fail "stale Urdu page has no note"
grep -q '<h1 lang="en" dir="ltr">Staying safe &amp; well</h1>' "$site/ur/page-staying-safe.html" || fail "stale Urdu page does not show the English title as English"
! grep -q 'آپ کا جسم آپ کا ہے' "$site/ur/page-staying-safe.html" || fail "stale Urdu text is shown"
grep -q '<h1>کسی سے بات کرنا</h1>' "$site/ur/page-talking.html" || fail "current Urdu translation is not shown"
grep -q '<bdi dir="ltr">0800 1111</bdi>' "$site/ur/page-talking.html" || fail "a number in Urdu text is not kept left to right"
# Text from the pack is escaped; Markdown becomes elements.
grep -qF 'A tag typed as text stays text: &lt;b&gt;.' "$site/en/page-staying-safe.html" || fail "text is not escaped"
grep -qF '<a href="page-talking.html"><strong>talk</strong> to someone</a>' "$site/en/page-staying-safe.html" || fail "a page link did not become one <a>"
grep -qF '<h2>Who to tell</h2>' "$site/en/page-staying-safe.html" || fail "a ### heading after the title did not become <h2>"

# A session plan's page: its length, question and answers, each step's page (a link) and
# discussion prompt, and the plan's services; never the facilitator's notes (those are for the
# facilitator, not the public). A plan not translated into Polish is the English, with a note.
plan=$WORK/site-default/en/plan-young-people.html
sqlite3 -separator '|' "$PACK" "select page, position from plan_steps where plan = 'young-people' order by position" |
  while IFS='|' read -r page position; do
    grep -qF "<a href=\"page-$page.html\">" "$plan" || fail "the plan's step $position does not link to page $page"
    prompt=$(sqlite3 "$PACK" "select prompt from plan_step_text where plan = 'young-people' and locale = 'en' and position = $position")
    grep -qF "<span>$prompt</span>" "$plan" || fail "the plan's step $position has no prompt '$prompt'"
    notes=$(sqlite3 "$PACK" "select notes from plan_step_text where plan = 'young-people' and locale = 'en' and position = $position" | head -1)
    ! grep -qF "${notes:0:40}" "$plan" || fail "the facilitator's notes of step $position are on the public page"
  done
grep -qF '<li>Length in minutes, about: 40</li>' "$plan" || fail "the plan's length is not shown"
grep -qF "<p>$(sqlite3 "$PACK" "select question from plan_text where plan = 'young-people' and locale = 'en'")</p>" "$plan" ||
  fail "the plan's question is not shown"
grep -qF '<a href="help.html#sp-childline">Childline</a>' "$plan" || fail "the plan's services are not linked"
# A title too long for a browser tab (77 characters in Portuguese) is cut short in <title>.
grep -qF '<title>Manter as crianças seguras: uma sessão para grupos comunitários e…</title>' \
  "$WORK/site-default/pt/plan-community-and-faith-groups.html" || fail "a long title is not cut short in <title>"
if [ "$(sqlite3 "$PACK" "select count(*) from plan_text where plan = 'young-people' and locale = 'pl' and stale = 0")" = 0 ]; then
  grep -qF "<p class=\"note\">$(sed -n 's/^untranslated = "\(.*\)"$/\1/p' "$SOURCE_DIR/locales/pl.toml")</p>" "$WORK/site-default/pl/plan-young-people.html" ||
    fail "the English plan on the Polish site has no note"
fi
printed=$(chrome --no-pdf-header-footer --print-to-pdf="$WORK/plan.pdf" "file://$plan" >/dev/null && pdftotext "$WORK/plan.pdf" -)
[[ $printed == *"Who are some adults you could tell?"* && $printed != *"Exit"* ]] || fail "the printed plan: $printed"

# Images and narration: the default pack's drawing as an <img> with its alt text and size; the
# media fixture's recording (made here with espeak-ng and oggenc) as <audio> on the English
# page only, since it reads the English text; every file copied as it is.
grep -qF '<img src="../media/trusted-adults.png" alt="A drawing of a child in the middle of a circle of five grown-ups they could tell." width="960" height="600">' \
  "$WORK/site-default/en/page-people-you-can-tell.html" || fail "no <img> with alt text on the default pack's page"
cmp -s "$WORK/site-default/media/trusted-adults.png" "$SOURCE_DIR/content/default/assets/trusted-adults.png" ||
  fail "the default pack's image was not copied as it is"
cp -r "$SOURCE_DIR/tests/core/fixtures/content/media" "$WORK/media"
{ espeak-ng -w "$WORK/narration.wav" "You can tell a grown-up you trust." &&
  oggenc -Q "$WORK/narration.wav" -o "$WORK/media/assets/narration.ogg"; } || fail "cannot record the narration"
"$PACK_TOOL" build "$WORK/media" -o "$WORK/media.evpack" --locales "$SOURCE_DIR/locales" >/dev/null 2>&1 ||
  fail "cannot build the media fixture"
"$PACK_TOOL" export-html "$WORK/media.evpack" -o "$WORK/site-media" >/dev/null || fail "media: export-html exited with $?"
# shellcheck disable=SC2046
(cd "$WORK/site-media" && "$validator" $(find . -name '*.html' | sort)) || fail "media: html-validate found problems"
grep -qF '<audio controls preload="none" src="../media/narration.ogg" aria-label="Listen"></audio>' "$WORK/site-media/en/page-picture.html" ||
  fail "media: no <audio> for the English narration"
! grep -q '<audio' "$WORK/site-media/pl/page-picture.html" || fail "media: the English recording is on the Polish page"
cmp -s "$WORK/site-media/media/narration.ogg" "$WORK/media/assets/narration.ogg" || fail "media: the recording was not copied as it is"

# Rendered by Chromium, as a person would see it.
shoot() { # shoot NAME FILE
  chrome --screenshot="$shots/$1.png" --window-size=1080,1920 "file://$2" >/dev/null || fail "$1: chromium exited with $?"
  "$PNG_CHECK" "$shots/$1.png" 1080x1920 || fail "$1: blank screenshot"
}
shoot default-page "$WORK/site-default/en/page-$(sqlite3 "$PACK" 'select id from pages order by id limit 1').html"
shoot default-help "$WORK/site-default/en/help.html"
shoot default-image "$WORK/site-default/en/page-people-you-can-tell.html"
shoot ur-page "$site/ur/page-talking.html"
shoot ur-help "$site/ur/help.html"
shoot default-plan "$WORK/site-default/en/plan-parents-and-carers.html"

# The quick exit, played in Chromium: a click, and Shift 3 times with each press within 5 s
# of the last, go to the neutral page; any other key, or a longer pause, starts again.
# (Virtual time lets the 5 s timers run at once.)
site=$WORK/site-default
neutral=$(sed -n 's/<h1>\(.*\)<\/h1>/\1/p' "$site/neutral.html")
help=$(sed -n 's/<h1>\(.*\)<\/h1>/\1/p' "$site/en/help.html")
[ -n "$neutral" ] && [ -n "$help" ] || fail "no <h1> in neutral.html or en/help.html"
probe() { # probe NAME WANT SCRIPT: plays SCRIPT on en/help.html; WANT is the <h1> it must end on
  local page="$site/en/probe-$1.html" got
  sed "s#</body>#<script>function key(k) { document.dispatchEvent(new KeyboardEvent('keydown', {key: k})); }\n$3</script>\n</body>#" \
    "$site/en/help.html" > "$page"
  got=$(chrome --virtual-time-budget=20000 --dump-dom "file://$page" | sed -n 's/.*<h1>\(.*\)<\/h1>.*/\1/p' | head -1)
  [ "$got" = "$2" ] || fail "quick exit, $1: ended on '$got', expected '$2'"
}
probe click "$neutral" "document.getElementById('exit').click();"
probe shift3 "$neutral" "key('Shift'); key('Shift'); key('Shift');"
probe shift3-paced "$neutral" "key('Shift'); setTimeout(function () { key('Shift'); setTimeout(function () { key('Shift'); }, 4500); }, 4500);"
probe other-key "$help" "key('Shift'); key('Shift'); key('a'); key('Shift');"
probe too-slow "$help" "key('Shift'); key('Shift'); setTimeout(function () { key('Shift'); }, 5200);"
probe held "$help" "key('Shift'); document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Shift', repeat: true})); key('a');"
echo "export-html: $(find "$WORK"/site-* -name '*.html' | wc -l) files valid; screenshots and quick exit checked"
