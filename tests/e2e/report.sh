#!/usr/bin/env bash
# The dashboard: made from a real kiosk's export merged with eight weeks of three made-up
# venues, checked as HTML (self-contained, headings in order, a table behind every chart)
# and drawn by headless Chromium. SCREENSHOT_DIR, if set, keeps the page and its picture.
. "$(dirname "$0")/lib.sh"
: "${PACK_TOOL:?PACK_TOOL must name everyvoice-pack}"
command -v chromium >/dev/null || fail "chromium is not installed (tools/deps.sh test)"
out=${SCREENSHOT_DIR:-$WORK}
mkdir -p "$out"

kiosk --window 540x960 --script "$SOURCE_DIR/tests/e2e/full_flow.evscript" >/dev/null || fail "journey script"
"$PACK_TOOL" counts export --state-dir state -o kiosk.csv >/dev/null || fail "export"

# Eight weeks from 2025-01-06 (a Monday) at three venues, every event, counts that vary.
awk -v OFS=, 'BEGIN {
  print "# everyvoice-counts v1"; print "kiosk_id,venue,date,hour,event,pack,page,locale,audience,detail,count"
  split("0123456789abcdef0123456789abcdef 11111111111111111111111111111111 22222222222222222222222222222222", id, " ")
  split("Barking Library|Dagenham Heathway Children'\''s Centre|Valence Library", venue, "|")
  split("en bn ur pl ro lt pa so yo pt", loc, " "); split("child parent community", aud, " ")
  split("signs-to-notice what-is-child-sexual-abuse people-you-can-tell online-safety-for-families sunrise-hub", page, " ")
  split("childline nspcc stop-it-now sunrise-hub", sign, " ")
  for (k = 1; k <= 3; k++) for (d = 0; d < 56; d++) {
    date = strftime("%Y-%m-%d", 1736121600 + d * 86400, 1)
    for (h = 9; h < 17; h += 2) {
      s = (d * 7 + h * 3 + k * 5) % 11 + k * (d % 7 < 5 ? 3 : 1)
      print id[k], venue[k], date, h, "session_start", "default", "", "", "", "", s
      print id[k], venue[k], date, h, "language_selected", "default", "", loc[(d + h + k) % 10 + 1], "", "", s
      print id[k], venue[k], date, h, "audience_selected", "default", "", "", aud[(d + h) % 3 + 1], "", s
      print id[k], venue[k], date, h, "page_view", "default", page[(d + k) % 5 + 1], loc[(d * h) % 10 + 1], aud[h % 3 + 1], "", 2 * s
      print id[k], venue[k], date, h, "help_view", "default", "", "en", aud[h % 3 + 1], "", s % 4 + 1
      print id[k], venue[k], date, h, "signpost_view", "default", "", "en", aud[h % 3 + 1], sign[(d + h) % 4 + 1], s % 3 + 1
      print id[k], venue[k], date, h, "qr_shown", "default", "", "en", aud[h % 3 + 1], sign[(d + k) % 4 + 1], s % 2 + 1
      print id[k], venue[k], date, h, "feedback", "default", page[(d + h) % 5 + 1], "en", aud[h % 3 + 1], (s % 5 ? "helpful" : "not_helpful"), s % 3 + 1
      print id[k], venue[k], date, h, "audio_played", "default", page[(d + h) % 5 + 1], "bn", "parent", "", s % 2 + 1
      if ((d + h + k) % 9 == 0) print id[k], venue[k], date, h, "quick_exit", "default", "", "", "", "", 1
      if (d % 14 == k && h == 11) print id[k], venue[k], date, h, "facilitated_session", "default", "", "pl", aud[k], 12 + k, 1
      if (d % 14 == k && h == 11) print id[k], venue[k], date, h, "page_presented", "default", page[(d + k) % 5 + 1], "pl", "", "parents-and-carers", 1
      if (h == 15) print id[k], venue[k], date, h, "idle_reset", "default", "", "", "", "", "<10"
    }
  }
}' > made-up.csv
"$PACK_TOOL" counts merge kiosk.csv made-up.csv -o all.csv >/dev/null || fail "merge"
html=$out/dashboard.html
"$PACK_TOOL" report all.csv -o "$html" --figures all-figures.csv >/dev/null || fail "report"

# Self-contained: no scripts, no external fetches, no web fonts.
grep -Eiq '<script|<link|<iframe|<img|@import|@font-face|url\(|https?://' "$html" && fail "the page fetches or runs something"
grep -q '<html lang="en">' "$html" || fail "no lang on <html>"
# Headings in order: one h1 first, and never a jump of more than one level down.
grep -o '<h[1-6]' "$html" | tr -d '<h' | awk 'NR == 1 && $1 != 1 {exit 1} $1 > prev + 1 && NR > 1 {exit 1} {prev = $1}' ||
  fail "headings out of order: $(grep -o '<h[1-6]' "$html" | tr '\n' ' ')"
[ "$(grep -c '<h1>' "$html")" = 1 ] || fail "expected one h1"
# A table behind every chart, and the chart itself hidden from screen readers.
figures=$(grep -c '<figure' "$html")
[ "$figures" -ge 10 ] || fail "expected at least 10 charts, found $figures"
[ "$(grep -c '<svg aria-hidden="true"' "$html")" = "$figures" ] || fail "a chart is not hidden from screen readers"
[ "$(grep -Ec '<table class="(sr|shares)"><caption>' "$html")" = "$figures" ] || fail "a chart without its table"
for h in "How much was done: activity to raise awareness of child sexual abuse" "Activity per week per venue" Languages Audiences \
         "Most-read pages" "Help and signpost views" "QR codes shown" "Quick exits" "Facilitated sessions" \
         "How well it was done: feedback from residents" "Per page" "What difference it made"; do
  grep -q "<h[23]>$h</h[23]>" "$html" || fail "no heading '$h'"
done
# Figures the page states, against the counts file (awk, not our code): visits started, as
# published (the raw sum rounded to the nearest 5).
visits=$(awk -F, 'NR > 2 && $5 == "session_start" {s += $11} END {print int((s + 2) / 5) * 5}' all.csv)
grep -q ">Visits started</th><td>$(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$visits")</td>" "$html" || fail "the summary does not say $visits visits"
grep -q 'small (each &lt;10)' "$html" || fail "suppressed idle_reset cells are not shown apart"
# Pages shown to a room are a measure of their own, never added to pages read.
presented=$(awk -F, 'NR > 2 && $5 == "page_presented" {s += $11} END {print int((s + 2) / 5) * 5}' all.csv)
[ "$presented" -ge 10 ] || fail "the made-up counts hold too few page_presented to publish ($presented)"
grep -q ">Pages shown to groups</th><td>$presented</td>" "$html" || fail "the summary does not say $presented pages shown to groups"
grep -q "Pages shown to groups (present mode) per week, per venue" "$html" || fail "no weekly chart of pages shown to groups"

# Drawn by a browser we did not write. shoot PAGE PNG HEIGHT
shoot() {
  local profile
  profile=$(mktemp -d)
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --screenshot="$2" --window-size=1200,"$3" \
    "file://$1" >chromium.log 2>&1 || fail "chromium failed: $(tail -5 chromium.log)"
  rm -rf "$profile"
  "$PNG_CHECK" "$2" 1200x"$3" || fail "the dashboard screenshot $2 looks blank"
}
shoot "$html" "$out/dashboard.png" 2000
echo "report: $figures charts with tables, headings in order, self-contained, drawn by Chromium"

# --- disclosure control after aggregation ------------------------------------------------------
# published FIGURES TABLE ROW COLUMN: one figure as the report published it (sqlite3 reads the CSV).
published() {
  sqlite3 :memory: -cmd ".import --csv $1 f" "select published from f where \"table\" = '$2' and row = '$3' and \"column\" = '$4'"
}
# 214 page views, each in an hour of its own (every row below 10): published as 215, not 0.
awk -v OFS=, 'BEGIN { print "# everyvoice-counts v1"; print "kiosk_id,venue,date,hour,event,pack,page,locale,audience,detail,count"
  for (i = 0; i < 214; i++) print "33333333333333333333333333333333", "Becontree Library", strftime("%Y-%m-%d", 1736121600 + int(i / 24) * 86400, 1), i % 24, "page_view", "default", "signs-to-notice", "en", "parent", "", 1 }' > small.csv
"$PACK_TOOL" report small.csv -o small.html --figures small-figures.csv >/dev/null || fail "report of small rows"
[ "$(published small-figures.csv Summary "Pages read" total)" = 215 ] ||
  fail "214 page views in rows of 1 published as '$(published small-figures.csv Summary "Pages read" total)', not 215"
"$PACK_TOOL" report small.csv -o small.html --figures raw-figures.csv --round 1 --suppress-below 1 >/dev/null || fail "report without control"
[ "$(published raw-figures.csv Summary "Pages read" total)" = 214 ] || fail "--round 1 --suppress-below 1 does not publish the raw 214"
echo "ok: 214 small rows publish as 215 (and as 214 without control)"

# Two scripted kiosks at two venues with a known set of visits, no monkey: 17 visits at one
# (14 in English, 3 in Bengali), 9 at the other.
# Each visit goes Home after its page and answers the end-of-visit questions (or skips them):
# LANG KNOW_WHO LEARNED, "-" for a skip.
visit() {
  printf 'tap start\ntap lang:%s\ntap audience:parent\ntap topic:signs-to-notice\ntap nav:home\n' "$1"
  if [ "$2" = - ]; then printf 'tap question:skip\n'; else printf 'tap question:know_who:%s\ntap question:learned:%s\n' "$2" "$3"; fi
  printf 'expect audience:child\ntap nav:exit\nwait 91\n'
}
{ for i in $(seq 11); do visit en yes yes; done; for i in $(seq 3); do visit en not_sure a_little; done
  for i in $(seq 3); do visit bn - -; done; } > a.evscript
{ for i in $(seq 5); do visit en yes a_little; done; for i in $(seq 4); do visit en no no; done; } > b.evscript
for k in a b; do
  timeout 300 "$KIOSK" --pack "$PACK" --state-dir "$WORK/k$k" --window 540x960 --script $k.evscript >/dev/null || fail "kiosk $k script"
done
sed -i "s/^venue = .*/venue = 'Barking Library'/" ka/kiosk.toml
sed -i "s/^venue = .*/venue = 'Valence Library'/" kb/kiosk.toml
for k in a b; do "$PACK_TOOL" counts export --state-dir k$k -o k$k.csv >/dev/null || fail "export $k"; done
# Two group sessions: at Barking one in English and Bengali for parents and the community
# following a plan, with the room's show of hands before and after (the rows the admin
# screen's group-session record writes); at Valence an older row, a bare head count.
ida=$(awk -F, 'NR == 3 {print $1}' ka.csv) idb=$(awk -F, 'NR == 3 {print $1}' kb.csv) day=$(awk -F, 'NR == 3 {print $3}' ka.csv)
{ head -2 ka.csv
  echo "$ida,Barking Library,$day,2,facilitated_session,default,,en+bn,parent+community,22/online-safety,1"
  echo "$idb,Valence Library,$day,2,facilitated_session,default,,en,parent,15,1"
  for a in "before:yes,12" "before:not_sure,10" "before:no,14" "after:yes,28" "after:not_sure,5" "after:no,3"; do
    echo "$ida,Barking Library,$day,2,room_answer,default,,en+bn,parent+community,online-safety:${a%,*},${a#*,}"
  done; } > room.csv
"$PACK_TOOL" counts merge ka.csv kb.csv room.csv -o two.csv >/dev/null || fail "merge of two kiosks"
two=$out/two-kiosks.html
"$PACK_TOOL" report two.csv -o "$two" --figures two-figures.csv >/dev/null || fail "report of two kiosks"
# The raw sums, by sqlite3 from the two databases; what the page publishes, by sqlite3 from its CSV.
raw() { sqlite3 ka/counts.sqlite "attach 'kb/counts.sqlite' as b; select (select coalesce(sum(n), 0) from counts where event = '$1') + (select coalesce(sum(n), 0) from b.counts where event = '$1')"; }
[ "$(raw session_start)" = 26 ] || fail "the scripts made $(raw session_start) visits, not 26"
checked=0
while IFS='|' read -r label event; do
  n=$(raw "$event") p=$(published two-figures.csv Summary "$label" total)
  if [ "$n" = 0 ]; then want=0; elif [ "$n" -lt 10 ]; then want='[c]'; else want=$(( (n + 2) / 5 * 5 )); fi
  [ "$p" = "$want" ] || fail "$label: raw $n published as '$p', expected $want"
  checked=$((checked + 1))
done <<'LABELS'
Visits started|session_start
Languages chosen|language_selected
"Who am I" answered|audience_selected
Pages read|page_view
Quick exits (events)|quick_exit
QR codes shown|qr_shown
LABELS
[ "$(published two-figures.csv Summary "Visits started" total)" = 25 ] || fail "26 visits not published as 25"
# No withheld figure can be worked out: never exactly one [c] among cells whose total is
# published (a chart's rows against the summary; a venue's weeks against its total; the
# venues' totals against each other). No published figure is below 10 except 0.
lonely=$(sqlite3 :memory: -cmd ".import --csv two-figures.csv f" "
  create view weeks as select * from f where \"table\" <> 'Summary' and \"column\" not in ('total', 'count');
  create view totals as select * from f where \"column\" = 'total' and \"table\" <> 'Summary';
  select w.\"table\" || ' / ' || w.row from weeks w join totals t on t.\"table\" = w.\"table\" and t.row = w.row
    group by w.\"table\", w.row
    having (max(t.published) <> '[c]' and sum(w.published = '[c]') = 1) or (max(t.published) = '[c]' and sum(w.published = '[c]') = 0)
  union all select \"table\" from f where \"table\" <> 'Summary' and \"column\" in ('total', 'count')
    group by \"table\" having sum(published = '[c]') = 1")
[ -z "$lonely" ] || fail "a withheld figure could be worked out by subtraction in: $lonely"
# The same for the tables of shares (answers per audience, language, venue, page; the room's
# hands): across each row (its answers and their total) and down each column (each group and
# everyone), never exactly one [c].
lonely=$(sqlite3 :memory: -cmd ".import --csv two-figures.csv f" "
  create view cells as select * from f where \"table\" in (select \"table\" from f where \"column\" = 'answers')
    and \"column\" not like '% share';
  select \"table\" || ' / ' || row from cells group by \"table\", row having sum(published = '[c]') = 1
  union all select \"table\" || ' / ' || \"column\" from cells group by \"table\", \"column\" having sum(published = '[c]') = 1")
[ -z "$lonely" ] || fail "a withheld answer could be worked out by subtraction in: $lonely"
small=$(sqlite3 :memory: -cmd ".import --csv two-figures.csv f" "select count(*) from f where published glob '[0-9]*' and cast(published as integer) between 1 and 9")
[ "$small" = 0 ] || fail "$small published figures are below 10"
# Bengali (3) is withheld, and English (23) with it: 26 - 23 would give it away.
[ "$(published two-figures.csv "Languages chosen at the start of a visit" "বাংলা · Bangla (bn)" count)" = '[c]' ] || fail "Bengali (3) not withheld"
[ "$(published two-figures.csv "Languages chosen at the start of a visit" "English (en)" count)" = '[c]' ] ||
  fail "English not withheld beside Bengali (secondary suppression)"
# A one-week file names its week once per chart, not at both ends of the axis.
week_labels=$(grep -o '>week of [0-9-]*<' "$two" | sort | uniq -c | awk '{print $1}' | sort -u)
[ "$week_labels" = "$(grep -c 'per week, per venue</figcaption>' "$two")" ] || fail "a one-week chart names its week twice"
# Names, not ids: the page's title from the pack, the language's autonym and English name.
title=$(sqlite3 -readonly "$PACK" "select title from page_text where page = 'signs-to-notice' and locale = 'en'")
[ -n "$title" ] && grep -qF "$(sed 's/&/\&amp;/g' <<<"$title")" "$two" || fail "the page title '$title' is not on the page"
grep -q '<span lang="bn">বাংলা</span> · Bangla (bn)' "$two" || fail "Bengali is not named as বাংলা · Bangla (CLDR English name)"
# The measures of difference against the raw sums (sqlite3 over the databases and the rows
# added): each answer's count is the raw sum rounded, or withheld below 10, the same in every
# table that shows it.
raw_answer() { sqlite3 ka/counts.sqlite "attach 'kb/counts.sqlite' as b; select (select coalesce(sum(n), 0) from counts where event = 'visit_answer' and detail = '$1') + (select coalesce(sum(n), 0) from b.counts where event = 'visit_answer' and detail = '$1')"; }
want() { if [ "$1" = 0 ]; then echo 0; elif [ "$1" -lt 10 ]; then echo '[c]'; else echo $(( ($1 + 2) / 5 * 5 )); fi; }
[ "$(raw_answer know_who:yes)/$(raw_answer know_who:not_sure)/$(raw_answer know_who:no)" = 16/3/4 ] ||
  fail "the scripts answered know_who $(raw_answer know_who:yes)/$(raw_answer know_who:not_sure)/$(raw_answer know_who:no), not 16/3/4"
q='"Do you know who you could talk to now?"'
for by in audience language venue; do
  for a in "Yes|know_who:yes" "Not sure|know_who:not_sure" "No|know_who:no"; do
    p=$(published two-figures.csv "$q, by $by" Everyone "${a%%|*}")
    [ "$p" = "$(want "$(raw_answer "${a#*|}")")" ] || fail "$q by $by: ${a%%|*} published '$p', raw $(raw_answer "${a#*|}")"
  done
  [ "$(published two-figures.csv "$q, by $by" Everyone answers)" = 25 ] || fail "$q by $by: 23 answers not published as 25"
  [ "$(published two-figures.csv "$q, by $by" Everyone "Yes share")" = 60% ] || fail "$q by $by: yes is 15 of 25 published, not 60%"
done
[ "$(published two-figures.csv "$q, by audience" "Parents and carers" "Yes")" = 15 ] || fail "parents' 16 yes not published as 15"
# Barking's 3 "not sure" is withheld, so its 11 "yes" is too: 14 answers less 11 would give it.
[ "$(published two-figures.csv "$q, by venue" "Barking Library" "Yes")" = '[c]' ] || fail "Barking's yes not withheld beside its 3 not sure"
[ "$(published two-figures.csv "$q, by language" "বাংলা · Bangla (bn)" answers)" = '' ] || fail "skipped questions (bn) were counted"
room='Hands raised for each answer, session plan online-safety'
[ "$(published two-figures.csv "$room" "After the session" yes)" = 30 ] || fail "28 hands after not published as 30"
[ "$(published two-figures.csv "$room" "Before the session" answers)" = 35 ] || fail "36 hands before not published as 35"
[ "$(published two-figures.csv "$room" "Before the session" "yes share")/$(published two-figures.csv "$room" "After the session" "yes share")" = 29%/86% ] ||
  fail "the room's yes before and after: not 10 of 35 and 30 of 35"
[ "$(published two-figures.csv Summary "People reached by facilitated sessions" total)" = 35 ] ||
  fail "22 + 15 people reached published as '$(published two-figures.csv Summary "People reached by facilitated sessions" total)', not 35 (a session of two languages counted twice?)"
"$PACK_TOOL" report two.csv -o raw.html --figures two-raw.csv --round 1 --suppress-below 1 >/dev/null || fail "report of two kiosks, raw"
[ "$(published two-raw.csv "Facilitated sessions by language" "English (en)" count)/$(published two-raw.csv "Facilitated sessions by language" "বাংলা · Bangla (bn)" count)" = 2/1 ] ||
  fail "sessions by language: an en+bn session not counted once under each"
[ "$(published two-raw.csv "Facilitated sessions by audience" "Anyone in the community" count)" = 1 ] || fail "sessions by audience: parent+community not split"
[ "$(published two-raw.csv "Facilitated sessions by session plan" "online-safety" count)" = 1 ] || fail "sessions by plan"
[ "$(published two-raw.csv Summary "People reached by facilitated sessions" total)" = 37 ] || fail "people reached, raw, is not 37"
for h in "How much was done: activity to raise awareness of child sexual abuse" "How well it was done: feedback from residents" "What difference it made"; do
  grep -q "<h2>$h</h2>" "$two" || fail "no heading '$h'"
done
shoot "$two" "$out/two-kiosks.png" 6000
cp two-figures.csv "$out/two-kiosks-figures.csv"
echo "ok: two scripted kiosks ($checked summary figures = raw sums rounded), no withheld figure derivable, names from the pack"

# A period and the one before it: four weeks of the made-up venues beside the four before.
"$PACK_TOOL" report made-up.csv -o period.html --figures period.csv --from 2025-02-03 --to 2025-03-02 >/dev/null ||
  fail "report --from --to"
sum_between() { awk -F, -v a="$1" -v b="$2" 'NR > 2 && $5 == "session_start" && $3 >= a && $3 <= b {s += $11} END {print int((s + 2) / 5) * 5}' made-up.csv; }
[ "$(published period.csv Summary "Visits started" total)" = "$(sum_between 2025-02-03 2025-03-02)" ] ||
  fail "--from --to: visits $(published period.csv Summary "Visits started" total), expected $(sum_between 2025-02-03 2025-03-02)"
[ "$(published period.csv Summary "Visits started" "previous period")" = "$(sum_between 2025-01-06 2025-02-02)" ] ||
  fail "previous period: visits $(published period.csv Summary "Visits started" "previous period"), expected $(sum_between 2025-01-06 2025-02-02)"
grep -q 'previous period, 2025-01-06 to 2025-02-02' period.html || fail "the previous period is not named"
[ "$(grep -o '>week of 2025-01-[0-9]*<' period.html | wc -l)" = 0 ] || fail "a week before --from is charted"
echo "ok: --from/--to counts only the period, with the previous period beside it"

# More quick exits than visits at a venue in a week is flagged, not read as behaviour.
{ head -2 small.csv
  echo "44444444444444444444444444444444,Thames View,2025-01-07,10,quick_exit,default,,,,,12"
  echo "44444444444444444444444444444444,Thames View,2025-01-07,10,session_start,default,,,,,3"; } > odd.csv
"$PACK_TOOL" report odd.csv -o odd.html >/dev/null || fail "report of odd.csv"
grep -q 'more quick exits than visits at Thames View, week of 2025-01-06' odd.html || fail "12 quick exits for 3 visits not flagged"
echo "ok: a venue-week with more quick exits than visits is flagged"

# --- every chart carries the suppression ---------------------------------------------------------
# No chart draws a figure its table withholds or does not publish, or a bar for one
# (chart_audit.py reads the SVG with Python's HTML parser and the published figures' CSV).
python3 "$SOURCE_DIR/tests/e2e/chart_audit.py" "$html" all-figures.csv 10 || fail "a chart of the eight-week dashboard shows what its table withholds"
python3 "$SOURCE_DIR/tests/e2e/chart_audit.py" "$two" two-figures.csv 10 || fail "a chart of the two-kiosk dashboard shows what its table withholds"
python3 "$SOURCE_DIR/tests/e2e/chart_audit.py" period.html period.csv 10 || fail "a chart of the period dashboard shows what its table withholds"
# Feedback across charts: one page's 3 "not helpful" beside a published total of answers must
# not be left the only withheld figure among the pages' answers (the summary's total less the
# others would give it, exactly when nothing is rounded).
{ head -2 small.csv
  echo "55555555555555555555555555555555,Castle Point,2025-01-07,10,feedback,default,signs-to-notice,en,parent,helpful,40"
  echo "55555555555555555555555555555555,Castle Point,2025-01-07,10,feedback,default,signs-to-notice,en,parent,not_helpful,3"
  echo "55555555555555555555555555555555,Castle Point,2025-01-07,10,feedback,default,sunrise-hub,en,parent,helpful,30"; } > helpful.csv
"$PACK_TOOL" report helpful.csv -o helpful.html --figures helpful-figures.csv --round 1 >/dev/null || fail "report of helpful.csv"
[ "$(published helpful-figures.csv Summary '"Was this helpful?" answers' total)" = 73 ] || fail "the 73 answers are not published as such"
alone=$(sqlite3 :memory: -cmd ".import --csv helpful-figures.csv f" "select count(*) from f where lower(\"table\") like '%helpful%'
  and \"table\" like '%page%' and \"column\" not like '% share' and published = '[c]'")
[ "$alone" != 1 ] || fail "the 3 'not helpful' answers are the only withheld figure of the pages' answers: 73 less the rest gives them"
python3 "$SOURCE_DIR/tests/e2e/chart_audit.py" helpful.html helpful-figures.csv 10 || fail "a chart of the feedback dashboard shows what its table withholds"
echo "ok: every chart draws only published figures, and no page's feedback can be worked out"
