#!/usr/bin/env bash
# Counts from a real kiosk to the board: a scripted visit leaves only aggregate rows of the
# allowed shape (checked with sqlite3), export writes them with the kiosk's identity, merge
# never double counts, disclosure control suppresses and rounds, and every bad input is one
# FILE:LINE message with exit 1 and nothing half-written.
. "$(dirname "$0")/lib.sh"
: "${PACK_TOOL:?PACK_TOOL must name everyvoice-pack}"
pack() { "$PACK_TOOL" "$@"; }
db=state/counts.sqlite

# --- a visit, then what is in the database ----------------------------------------------
kiosk --window 540x960 --script "$SOURCE_DIR/tests/e2e/full_flow.evscript" >/dev/null || fail "journey script"
[ "$(sqlite3 "$db" "select group_concat(type || ' ' || name) from sqlite_master")" = "table counts" ] ||
  fail "the database holds more than the counts table: $(sqlite3 "$db" .schema)"
[ "$(sqlite3 "$db" "select group_concat(name) from pragma_table_info('counts')")" = \
  "hour,event,pack,page,locale,audience,detail,n" ] || fail "unexpected columns: $(sqlite3 "$db" .schema)"
# The hour is a whole Unix hour: times 3600 it is within a day of now, which seconds or
# milliseconds would not be.
[ "$(sqlite3 "$db" "select count(*) from counts where typeof(hour) <> 'integer'
     or abs(hour * 3600 - strftime('%s','now')) > 86400")" = 0 ] || fail "a row is not stamped with the hour"
[ "$(sqlite3 "$db" "select count(*) from counts where n < 1 or typeof(n) <> 'integer'")" = 0 ] || fail "a row without a count"
# Aggregates, not a log: no two rows share a key, and there are fewer rows than events.
[ "$(sqlite3 "$db" "select count(*) from (select 1 from counts group by hour, event, pack, page, locale, audience, detail having count(*) > 1)")" = 0 ] ||
  fail "a key appears twice"
[ "$(sqlite3 "$db" "select sum(n) - count(*) >= 0 from counts")" = 1 ] || fail "row count check"
# Every value is one of the pack's own ids or a fixed word: nothing a person typed or is.
pages=$(sqlite3 "$PACK" "select id from pages")
signposts=$(sqlite3 "$PACK" "select id from signposts")
# The end-of-visit answers the pack offers, "know_who:yes" a line.
answers=$(sqlite3 "$PACK" "select value from meta where key = 'visit_questions'" |
  awk -F';' '{for (i = 1; i <= NF; i++) {split($i, q, "="); n = split(q[2], a, ","); for (j = 1; j <= n; j++) print q[1] ":" a[j]}}')
while IFS='|' read -r event page locale audience detail; do
  [ -z "$page" ] || grep -qx -- "$page" <<<"$pages" || fail "page '$page' is not in the pack"
  case "$locale" in ''|en|ro|lt|pl|pt|bn|ur|pa|so|yo) ;; *) fail "locale '$locale'" ;; esac
  case "$audience" in ''|child|teen|parent|community) ;; *) fail "audience '$audience'" ;; esac
  # A detail says which service or which answer, from a fixed list; never anything typed.
  case "$event:$detail" in
    *:) ;;
    qr_shown:*|signpost_view:*) grep -qx -- "$detail" <<<"$signposts" || fail "$event names '$detail', not a service in the pack" ;;
    feedback:helpful|feedback:not_helpful) ;;
    visit_answer:*) grep -qx -- "$detail" <<<"$answers" || fail "visit_answer '$detail' is not an answer the pack offers" ;;
    *) fail "$event carries a detail '$detail'" ;;
  esac
done < <(sqlite3 "$db" "select event, page, locale, audience, detail from counts")
grep -Eq "^install_id = '[0-9a-f]{32}'$" state/kiosk.toml || fail "kiosk.toml has no install id: $(cat state/kiosk.toml)"
[ "$(grep -cv '^#' state/kiosk.toml)" = 2 ] || fail "kiosk.toml holds more than id and venue"
id=$(sed -n "s/^install_id = '\(.*\)'$/\1/p" state/kiosk.toml)
echo "ok: the database holds $(sqlite3 "$db" 'select count(*) from counts') aggregate rows of the allowed shape"

# --- export --------------------------------------------------------------------------------
pack counts export --state-dir state -o a1.csv >/dev/null || fail "export"
[ "$(head -1 a1.csv)" = "# everyvoice-counts v1" ] || fail "export: first line $(head -1 a1.csv)"
[ "$(sed -n 2p a1.csv)" = "kiosk_id,venue,date,hour,event,pack,page,locale,audience,detail,count" ] || fail "export: columns"
[ "$(tail -n +3 a1.csv | wc -l)" = "$(sqlite3 "$db" 'select count(*) from counts')" ] || fail "export: one line per row"
[ "$(tail -n +3 a1.csv | cut -d, -f1 | sort -u)" = "$id" ] || fail "export: kiosk_id is not the install id"
[ "$(tail -n +3 a1.csv | awk -F, '{s += $11} END {print s}')" = "$(sqlite3 "$db" 'select sum(n) from counts')" ] ||
  fail "export: totals differ from the database"
# date and hour, as sqlite's own date functions tell them
[ "$(tail -n +3 a1.csv | cut -d, -f3,4 | sort -u)" = \
  "$(sqlite3 "$db" "select distinct date(hour * 3600, 'unixepoch') || ',' || cast(strftime('%H', hour * 3600, 'unixepoch') as integer) from counts")" ] ||
  fail "export: date and hour differ from sqlite's"
ls -A | grep -q '^\.a1' && fail "export left a temporary file"

# The kiosk's venue label goes on every row, quoted as CSV needs.
sed -i "s/^venue = .*/venue = 'Barking Library, \"Learning\" room'/" state/kiosk.toml
pack counts export --state-dir state -o venue.csv >/dev/null || fail "export with a venue"
grep -q "^$id,\"Barking Library, \"\"Learning\"\" room\",20" venue.csv || fail "export: venue not quoted: $(sed -n 3p venue.csv)"
sed -i "s/^venue = .*/venue = 'Barking Library'/" state/kiosk.toml

# Disclosure control: each count checked against the database's.
pack counts export --state-dir state -o s.csv --suppress-below 2 >/dev/null || fail "export --suppress-below"
awk -F, 'NR > 2 && $11 != "<2" && $11 !~ /^[0-9]+$/ {exit 1} NR > 2 && $11 ~ /^[0-9]+$/ && $11 < 2 {exit 1}' s.csv ||
  fail "--suppress-below 2 left a count below 2"
[ "$(grep -c ',<2$' s.csv)" = "$(sqlite3 "$db" 'select count(*) from counts where n < 2')" ] || fail "--suppress-below 2: wrong cells"
# Enough visits for counts of 10 and more, so the rounding shows.
for i in $(seq 14); do printf 'tap start\ntap lang:en\ntap audience:parent\ntap nav:exit\nwait 91\n'; done > many.evscript
kiosk --window 540x960 --script many.evscript >/dev/null || fail "many visits script"
pack counts export --state-dir state -o r.csv --round 5 >/dev/null || fail "export --round 5"
# Per hour, as exported: the visits may straddle an hour boundary.
while IFS=, read -r date hour event locale audience detail n; do
  want=$(awk -v n="$n" 'BEGIN { if (n < 10) print "<10"; else print int((n + 2) / 5) * 5 }')
  got=$(awk -F, -v d="$date" -v h="$hour" -v e="$event" -v l="$locale" -v a="$audience" -v dt="$detail" \
    'NR > 2 && $3 == d && $4 == h && $5 == e && $8 == l && $9 == a && $10 == dt && $7 == "" {print $11}' r.csv)
  [ "$got" = "$want" ] || fail "--round 5: $date $hour h $event/$locale/$audience/$detail is $n, exported $got, expected $want"
done < <(sqlite3 -separator , "$db" "select date(hour * 3600, 'unixepoch'), cast(strftime('%H', hour * 3600, 'unixepoch') as integer),
  event, locale, audience, detail, sum(n) from counts where page = '' group by 1, 2, 3, 4, 5, 6")
[ "$(sqlite3 "$db" "select count(distinct hour) from counts")" != 1 ] || grep -q ',15$' r.csv ||
  fail "--round 5: expected a 15 (from 15 sessions in one hour)"
echo "ok: export, venue quoting, suppression and 10-5 rounding"

# --- merge -----------------------------------------------------------------------------------
pack counts export --state-dir state -o a2.csv >/dev/null || fail "second export"
timeout 120 "$KIOSK" --pack "$PACK" --state-dir "$WORK/state2" --window 540x960 --script "$SOURCE_DIR/tests/e2e/full_flow.evscript" >/dev/null ||
  fail "second kiosk"
pack counts export --state-dir state2 -o b.csv >/dev/null || fail "export of the second kiosk"
pack counts merge a2.csv b.csv -o m.csv >/dev/null || fail "merge"
total() { tail -n +3 "$1" | awk -F, '{s += $NF} END {print s + 0}'; }
[ "$(total m.csv)" = "$(( $(total a2.csv) + $(total b.csv) ))" ] || fail "merge: two kiosks' totals do not add up"
[ "$(tail -n +3 m.csv | cut -d, -f1 | sort -u | wc -l)" = 2 ] || fail "merge: expected two kiosks"
# Idempotent: the same file again, an older export of the same kiosk, a merge of a merge.
pack counts merge a2.csv b.csv a2.csv a1.csv m.csv b.csv -o m2.csv >/dev/null || fail "merge with repeats"
cmp -s m.csv m2.csv || fail "merge: repeats or an older export changed the result: $(diff m.csv m2.csv | head)"
pack counts merge b.csv a1.csv a2.csv -o m3.csv >/dev/null || fail "merge in another order"
cmp -s m.csv m3.csv || fail "merge: the order of files changed the result"
# Suppressed cells are carried, never summed.
pack counts merge r.csv r.csv -o mr.csv >/dev/null || fail "merge of suppressed files"
[ "$(grep -c ',<10$' mr.csv)" = "$(grep -c ',<10$' r.csv)" ] || fail "merge: suppressed cells changed"
echo "ok: merge adds kiosks, never double counts, keeps suppression"

# --- bad input -------------------------------------------------------------------------------
# expect_fail CODE NAME PATTERN CMD...: exit CODE, and stderr matching PATTERN
expect_fail() {
  local code=$1 name=$2 pattern=$3; shift 3
  set +e
  "$@" >out.txt 2>err.txt
  local got=$?
  set -e
  [ "$got" -eq "$code" ] || fail "$name: exit $got, expected $code (stderr: $(cat err.txt))"
  grep -Eq -- "$pattern" err.txt || fail "$name: stderr does not match '$pattern': $(cat err.txt)"
  echo "ok: $name -> $got: $(head -1 err.txt)"
}
printf 'a,b,c\n1,2,3\n' > notexport.csv
{ echo '# everyvoice-counts v2'; tail -n +2 a2.csv; } > newer.csv
{ head -3 a2.csv; echo "$id,,2025-13-01,3,page_view,default,signs,en,parent,,1"; } > badrow.csv
{ head -3 a2.csv; sed -n 3p a2.csv; } > duplicate.csv
: > empty.csv
for bad in notexport.csv:1 newer.csv:1 badrow.csv:4 duplicate.csv:4 empty.csv:1; do
  file=${bad%:*} line=${bad#*:}
  rm -f out.csv
  expect_fail 1 "merge with $file" "^$file:$line: " pack counts merge a2.csv "$file" b.csv -o out.csv
  [ "$(grep -c . err.txt)" = 1 ] || fail "merge with $file: more than one line on stderr"
  cmp -s out.csv m.csv || fail "merge with $file: the good files were not merged alone"
  expect_fail 1 "report of $file" "^$file:$line: " pack report "$file" -o bad.html
  [ ! -e bad.html ] || fail "report of $file wrote a page"
done
expect_fail 1 "merge of a missing file" "^nope.csv:1: cannot open" pack counts merge nope.csv -o out2.csv
[ ! -e out2.csv ] || fail "a merge of nothing wrote a file"
expect_fail 1 "export of a folder with no counts" "counts.sqlite: missing" pack counts export --state-dir "$WORK" -o x.csv
mkdir -p noid && cp "$db" noid/
expect_fail 1 "export without kiosk.toml" "kiosk.toml: missing" pack counts export --state-dir noid -o x.csv
mkdir -p newerdb && cp state/kiosk.toml newerdb/ && sqlite3 newerdb/counts.sqlite 'create table counts(x); pragma user_version = 7'
expect_fail 1 "export of a newer database" "newer kiosk" pack counts export --state-dir newerdb -o x.csv
mkdir -p junk && cp state/kiosk.toml junk/ && head -c 4096 /dev/urandom > junk/counts.sqlite
expect_fail 1 "export of random bytes" "counts.sqlite" pack counts export --state-dir junk -o x.csv
[ ! -e x.csv ] || fail "a failed export wrote a file"
expect_fail 1 "export into a missing folder" "cannot write nowhere/x.csv" pack counts export --state-dir state -o nowhere/x.csv
for args in "counts" "counts frob" "counts export -o x.csv" "counts export --state-dir state" \
            "counts export --state-dir state -o x.csv --round 3" "counts export --state-dir state -o x.csv --suppress-below 0" \
            "counts export --state-dir state -o x.csv --bogus" "counts merge -o x.csv" "counts merge a1.csv" \
            "report a1.csv" "report a1.csv b.csv -o x.html"; do
  # shellcheck disable=SC2086
  expect_fail 2 "usage: $args" "Try 'everyvoice-pack" pack $args
done
for c in "counts" "counts export" "counts merge" "report"; do
  # shellcheck disable=SC2086
  pack $c --help | grep -q "^usage: everyvoice-pack $c" || fail "$c --help"
done

# A read-only and a full export folder: one message, exit 1, nothing half-written, and the
# file that was there before left whole.
cleanup_mounts() { for m in "$WORK"/ro "$WORK"/full; do mountpoint -q "$m" 2>/dev/null && umount "$m"; done; rm -rf "$WORK"; }
trap cleanup_mounts EXIT
mkdir -p ro full
if [ "$(id -u)" -eq 0 ]; then
  mount -t tmpfs -o size=64k tmpfs full || fail "cannot mount a small tmpfs (needed as root)"
  mount -t tmpfs tmpfs ro && cp a1.csv ro/ && mount -o remount,ro ro
else
  cp a1.csv ro/ && chmod 0555 ro
fi
expect_fail 1 "export into a read-only folder" "^cannot write ro/a1.csv: .*(Read-only|Permission).*nothing written" \
  pack counts export --state-dir state -o ro/a1.csv
cmp -s ro/a1.csv a1.csv || fail "the old export in the read-only folder changed"
if mountpoint -q full; then
  cp a1.csv full/old.csv
  head -c 1000000 /dev/zero > full/filler 2>/dev/null || true # fills it
  expect_fail 1 "report into a full folder" "^cannot write full/old.csv: .*No space.*nothing written" \
    pack report m.csv -o full/old.csv
  cmp -s full/old.csv a1.csv || fail "the old file in the full folder changed"
  [ "$(ls -A full | sort | tr '\n' ' ')" = "filler old.csv " ] || fail "a full folder kept a temporary file: $(ls -A full)"
else
  echo "skipped: full folder (needs root to mount a small tmpfs)"
fi
echo "counts: database shape, export, merge, disclosure control and bad input all behave"
