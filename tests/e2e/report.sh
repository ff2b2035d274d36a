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
      if (h == 15) print id[k], venue[k], date, h, "idle_reset", "default", "", "", "", "", "<10"
    }
  }
}' > made-up.csv
"$PACK_TOOL" counts merge kiosk.csv made-up.csv -o all.csv >/dev/null || fail "merge"
html=$out/dashboard.html
"$PACK_TOOL" report all.csv -o "$html" >/dev/null || fail "report"

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
[ "$(grep -c '<table class="sr"><caption>' "$html")" = "$figures" ] || fail "a chart without its table"
for h in "Activity to raise awareness of child sexual abuse" "Activity per week per venue" Languages Audiences \
         "Most-read pages" "Help and signpost views" "QR take-aways" "Quick exits" "Facilitated sessions" "Feedback from residents"; do
  grep -q "<h[23]>$h</h[23]>" "$html" || fail "no heading '$h'"
done
# Figures the page states, against the counts file (awk, not our code): visits started.
visits=$(awk -F, 'NR > 2 && $5 == "session_start" {s += $11} END {print s}' all.csv)
grep -q ">Visits started at a kiosk</th><td>$(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$visits")</td>" "$html" || fail "the summary does not say $visits visits"
grep -q 'small (each &lt;10)' "$html" || fail "suppressed idle_reset cells are not shown apart"

# Drawn by a browser we did not write.
shot=$out/dashboard.png
profile=$(mktemp -d)
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --screenshot="$shot" --window-size=1200,2000 \
  "file://$html" >chromium.log 2>&1 || fail "chromium failed: $(tail -5 chromium.log)"
rm -rf "$profile"
"$PNG_CHECK" "$shot" 1200x2000 || fail "the dashboard screenshot looks blank"
echo "report: $figures charts with tables, headings in order, self-contained, drawn by Chromium"
