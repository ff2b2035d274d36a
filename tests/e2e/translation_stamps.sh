#!/usr/bin/env bash
# Help cards and UI strings are tied to the English they were translated from, as pages are:
# when the English of a card (or a UI string) changes, lint calls every translation of it
# stale, the built pack carries the English in its place (a service's description or hours
# must never be shown out of date), `stale` and `xliff export` show what changed, and `xliff
# import` of the new translation stamps it again. Checked with b2sum, sqlite3 and OCR of the
# kiosk, not with our own reader.
. "$(dirname "$0")/pack_lib.sh"
src=content/default
card=childline
old="You can call free, have a one-to-one chat online or send an email."
new="You can call free, chat one-to-one online or send an email."

# The stamp is BLAKE2b-128 of the English card's fields, one per line: b2sum must agree.
python3 - "$src/pack.toml" "$card" >fields.txt <<'PY' || fail "reading pack.toml"
import sys, tomllib
d = tomllib.load(open(sys.argv[1], 'rb'))
e = next(s for s in d['signposts'] if s['id'] == sys.argv[2])['text']['en']
sys.stdout.write('\n'.join([e['name'], e.get('for', ''), e.get('description', ''), e.get('hours', '')] + e.get('phone_labels', [])))
PY
stamp=$("$PACK_TOOL" hash $src signpost:$card) || fail "hash signpost:$card"
[ "$(b2sum -l 128 fields.txt | cut -c1-32)" = "$stamp" ] || fail "hash $stamp is not b2sum's $(b2sum -l 128 fields.txt)"
[ "$(grep -c "^translated_from = \"$stamp\"" $src/pack.toml)" = 9 ] || fail "the nine translations of $card are not stamped $stamp"
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1 || fail "lint: $(tail -3 lint.txt)"
grep -q "stale" lint.txt && fail "stale before any change: $(grep stale lint.txt)"
"$PACK_TOOL" xliff export $src --locale bn -o first.xlf >/dev/null || fail "export" # keeps today's English in the history

# The comms team changes the English description.
grep -qF "$old" $src/pack.toml || fail "the fixture text is gone from pack.toml"
sed -i "0,/$old/s//$new/" $src/pack.toml
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1 || fail "lint after the change: $(tail -3 lint.txt)"
[ "$(grep -c "warning: stale: the en text of signpost '$card' changed" lint.txt)" = 9 ] ||
  fail "lint does not call the 9 translations stale: $(grep -c stale lint.txt) $(tail -1 lint.txt)"
"$PACK_TOOL" stale $src --locale bn >stale.txt || fail "stale"
grep -qF "description: Childline is part of the NSPCC. You can call free, [-have a-] {+chat+} one-to-one [-chat-] online" stale.txt ||
  fail "stale shows no word diff of the card: $(cat stale.txt)"
grep -q "1 help card out of date" stale.txt || fail "stale does not count the card: $(tail -1 stale.txt)"

# Built now, the pack holds the English card for every language, never the out-of-date text.
"$PACK_TOOL" build $src -o stale.evpack >/dev/null 2>&1 || fail "build"
[ "$(sqlite3 stale.evpack "SELECT group_concat(locale) FROM signpost_text WHERE signpost='$card'")" = en ] ||
  fail "the stale translations went into the pack: $(sqlite3 stale.evpack "SELECT locale FROM signpost_text WHERE signpost='$card'")"
PACK="$WORK/stale.evpack" kiosk --window 1080x1920 --locale bn --goto signpost:$card --screenshot card.png 2>kiosk.txt ||
  fail "kiosk: $(cat kiosk.txt)"
[[ $(ocr card.png) =~ chat\ one-to-one\ online ]] || fail "the Bengali screen does not show the new English card: $(ocr card.png)"

# The translator gets the changed field only, with the English and the Bengali before.
"$PACK_TOOL" xliff export $src --locale bn -o bn.xlf >export.txt || fail "export: $(cat export.txt)"
grep -q " to translate (1 changed" export.txt || fail "export did not mark the changed field: $(cat export.txt)"
python3 - <<'PY' || fail "the translator's view of the file"
import xml.etree.ElementTree as ET
x = '{urn:oasis:names:tc:xliff:document:2.0}'
ET.register_namespace('', x[1:-1])
doc = ET.parse('bn.xlf')
units = {u.get('id'): u for u in doc.getroot().iter(x + 'unit') if u.get('id').startswith('childline.')}
open_ = [k for k, u in units.items() if u.find(f'{x}segment/{x}target') is None]
assert open_ == ['childline.description'], open_
notes = {n.get('category'): n.text for n in units['childline.description'].iter(x + 'note')}
assert 'have a one-to-one chat' in notes['ev:english-before'], notes
assert notes['ev:translation-before'], notes
seg = units['childline.description'].find(x + 'segment')
ET.SubElement(seg, x + 'target').text = 'চাইল্ডলাইন এনএসপিসিসি-র অংশ। নতুন অনুবাদ।'
doc.write('bn-done.xlf', encoding='UTF-8', xml_declaration=True)
PY
"$PACK_TOOL" xliff import bn-done.xlf $src >import.txt || fail "import: $(cat import.txt)"
now=$("$PACK_TOOL" hash $src signpost:$card)
[ "$(grep -c "^translated_from = \"$now\"" $src/pack.toml)" = 1 ] || fail "import did not stamp the Bengali card $now"
"$PACK_TOOL" build $src -o new.evpack >/dev/null 2>&1 || fail "build after import"
[ "$(sqlite3 new.evpack "SELECT group_concat(locale, ' ') FROM (SELECT locale FROM signpost_text WHERE signpost='$card' ORDER BY locale)")" = "bn en" ] ||
  fail "after import the pack holds: $(sqlite3 new.evpack "SELECT locale FROM signpost_text WHERE signpost='$card'")"
sqlite3 new.evpack "SELECT description FROM signpost_text WHERE signpost='$card' AND locale='bn'" | grep -q "নতুন অনুবাদ" ||
  fail "the new Bengali text is not in the pack"

# Pasting the stamp without translating is refused by the history: an import of the untouched
# export (the changed field has no target) leaves the Polish card stale.
"$PACK_TOOL" xliff export $src --locale pl -o pl.xlf >/dev/null || fail "export pl"
"$PACK_TOOL" xliff import pl.xlf $src >/dev/null || fail "import pl"
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1
grep -q "warning: stale: the en text of signpost '$card'" lint.txt || fail "an untranslated import made the Polish card current"
[ "$(grep -c "warning: stale: the en text of signpost '$card'" lint.txt)" = 8 ] || fail "stale cards left: $(grep -c stale lint.txt)"

# UI strings: each section of a locale file is stamped ([translated_from] nav = "<hash>").
python3 - locales/en.toml nav >nav.txt <<'PY' || fail "reading en.toml"
import sys, tomllib
t = tomllib.load(open(sys.argv[1], 'rb'))[sys.argv[2]]
sys.stdout.write(''.join(f'{sys.argv[2]}.{k}={t[k]}\n' for k in sorted(t)))
PY
nav=$("$PACK_TOOL" hash $src strings:nav) || fail "hash strings:nav"
[ "$(b2sum -l 128 nav.txt | cut -c1-32)" = "$nav" ] || fail "hash strings:nav $nav is not b2sum's $(b2sum -l 128 nav.txt)"
grep -qx "nav = \"$nav\"" locales/pl.toml || fail "locales/pl.toml's [nav] is not stamped $nav"
sed -i 's/^back = "Back"$/back = "Go back"/' locales/en.toml
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1 || fail "lint after a UI string changed: $(tail -3 lint.txt)"
[ "$(grep -c 'warning: stale: \[nav\] was translated from other en text; the kiosk shows en for nav.back ' lint.txt)" = 9 ] ||
  fail "lint does not name nav.back in the 9 translations: $(grep 'stale: \[' lint.txt | head -3)"
"$PACK_TOOL" stale $src --locale pl | grep -qF -- "[-Back-] {+Go back+}" || fail "stale shows no word diff of nav.back"
"$PACK_TOOL" build $src -o strings.evpack >/dev/null 2>&1 || fail "build"
[ "$(sqlite3 strings.evpack "SELECT group_concat(locale) FROM strings WHERE key='nav.back'")" = en ] ||
  fail "the out-of-date nav.back went into the pack: $(sqlite3 strings.evpack "SELECT locale FROM strings WHERE key='nav.back'")"
[ "$(sqlite3 strings.evpack "SELECT count(*) FROM strings WHERE key='nav.home'")" = 10 ] || fail "the rest of [nav] was left out too"
"$PACK_TOOL" xliff export $src --locale pl -o ui.xlf >export.txt || fail "export"
# Two: nav.back, and the Polish Childline description still out of date from above.
grep -q " to translate (2 changed" export.txt || fail "export of the UI string: $(cat export.txt)"
python3 - <<'PY' || fail "filling in nav.back"
import xml.etree.ElementTree as ET
x = '{urn:oasis:names:tc:xliff:document:2.0}'
ET.register_namespace('', x[1:-1])
doc = ET.parse('ui.xlf')
u = next(u for u in doc.getroot().iter(x + 'unit') if u.get('id') == 'nav.back')
assert u.find(f'{x}segment/{x}target') is None
assert [n.text for n in u.iter(x + 'note')] == ['Back', 'Wstecz'], [n.text for n in u.iter(x + 'note')]
ET.SubElement(u.find(x + 'segment'), x + 'target').text = 'Wróć'
doc.write('ui-done.xlf', encoding='UTF-8', xml_declaration=True)
PY
"$PACK_TOOL" xliff import ui-done.xlf $src >/dev/null || fail "import of nav.back"
grep -qx "nav = \"$("$PACK_TOOL" hash $src strings:nav)\"" locales/pl.toml || fail "import did not restamp [nav]"
"$PACK_TOOL" build $src -o strings2.evpack >/dev/null 2>&1 || fail "build"
[ "$(sqlite3 strings2.evpack "SELECT value FROM strings WHERE key='nav.back' AND locale='pl'")" = "Wróć" ] || fail "nav.back in Polish"

echo "ok: help card and UI string stamps, stale text shown in English, XLIFF marks and restamps it"
