#!/usr/bin/env bash
# Session plans are tied to the English they were translated from, as pages and help cards
# are: `xliff export` gives a translator every field of a plan (title, summary, question,
# answers, each step's prompt and notes), `xliff import` writes the plan's text file stamped
# with `hash SRC plan:ID` once every field is translated, and when the English changes lint
# calls the translation stale, `stale` shows the change word by word, the built pack marks it
# stale (present mode and handouts use the English), the next export asks only for the field
# that changed (with the English and the translation before), and an import without it leaves
# the plan stale. Checked with Python's XML and TOML readers, b2sum and sqlite3.
. "$(dirname "$0")/pack_lib.sh"
src=content/default
plan=young-people
file=$src/plans/$plan/bn.toml
old="How might a chat with someone online start to feel wrong? What could you do?"
new="How might a chat with someone online start to feel wrong? What could you do next?"

# The stamp is BLAKE2b-128 of the title, summary and body (each step's prompt and notes, the
# question, each answer, a line each, trimmed as a page's Markdown is): b2sum must agree.
python3 - "$src/plans/$plan/en.toml" >plan.txt <<'PY' || fail "reading en.toml"
import sys, tomllib
d = tomllib.load(open(sys.argv[1], 'rb'))
body = ''.join(s.get('prompt', '') + '\n' + s.get('notes', '') + '\n' for s in d['steps'])
body += d.get('question', '') + '\n' + ''.join(a + '\n' for a in d.get('answers', []))
sys.stdout.write(d['title'] + '\n' + d.get('summary', '') + '\n' + body.strip(' \t\r\n'))
PY
stamp=$("$PACK_TOOL" hash $src plan:$plan) || fail "hash plan:$plan"
[ "$(b2sum -l 128 plan.txt | cut -c1-32)" = "$stamp" ] || fail "hash $stamp is not b2sum's $(b2sum -l 128 plan.txt)"

# A translator is given every field of the plan, a unit per line of the notes, and translates it all ("বাংলা: " before the
# English stands in for the Bengali; the numbers in the notes stay as they are).
rm -f "$file"
"$PACK_TOOL" xliff export $src --locale bn -o first.xlf >/dev/null || fail "export"
python3 - <<'PY' || fail "the plan's units in the export"
import xml.etree.ElementTree as ET
x = '{urn:oasis:names:tc:xliff:document:2.0}'
ET.register_namespace('', x[1:-1])
doc = ET.parse('first.xlf')
f = next(f for f in doc.getroot().iter(x + 'file') if f.get('id') == 'plan.young-people')
assert f.get('original') == 'plans/young-people/en.toml', f.get('original')
ids = [u.get('id') for u in f.iter(x + 'unit')]
assert ids[:6] == ['title', 'summary', 'question', 'answers.1', 'answers.2', 'answers.3'], ids
assert 'steps.5.notes.3' in ids and 'steps.2.prompt' in ids and 'steps.5.notes' not in ids, ids
for u in f.iter(x + 'unit'):
    seg = u.find(x + 'segment')
    assert seg.find(x + 'target') is None, u.get('id')
    ET.SubElement(seg, x + 'target').text = 'বাংলা: ' + seg.find(x + 'source').text
doc.write('first-done.xlf', encoding='UTF-8', xml_declaration=True)
PY
"$PACK_TOOL" xliff import first-done.xlf $src >import.txt || fail "import: $(cat import.txt)"
grep -q "1 plans written" import.txt || fail "import did not write the plan: $(cat import.txt)"
python3 - "$file" "$stamp" <<'PY' || fail "the imported plan file"
import sys, tomllib
d = tomllib.load(open(sys.argv[1], 'rb'))
assert d['status'] == 'draft' and d['translated_from'] == sys.argv[2], d
assert d['title'].startswith('বাংলা: Staying safe'), d['title']
assert len(d['steps']) == 5 and len(d['answers']) == 3, d
assert '0800 1111' in d['steps'][0]['notes'] and d['steps'][0]['notes'].startswith('বাংলা: About 8 minutes'), d['steps'][0]
# The notes go a line a unit, and come back in the English's paragraphs.
en = tomllib.load(open(sys.argv[1].replace('bn.toml', 'en.toml'), 'rb'))
assert [s['notes'].count('\n') for s in d['steps']] == [s['notes'].count('\n') for s in en['steps']], d['steps']
PY
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1 || fail "lint: $(tail -3 lint.txt)"
grep "$file" lint.txt | grep -q stale && fail "stale just after import: $(grep "$file" lint.txt)"
"$PACK_TOOL" build $src -o first.evpack >/dev/null 2>&1 || fail "build"
[ "$(sqlite3 first.evpack "SELECT stale || ' ' || title FROM plan_text WHERE plan='$plan' AND locale='bn'")" = "0 বাংলা: Staying safe: a session for young people" ] ||
  fail "the Bengali plan in the pack: $(sqlite3 first.evpack "SELECT * FROM plan_text WHERE plan='$plan' AND locale='bn'")"

# The comms team changes the English of step 2's prompt.
grep -qF "prompt = \"$old\"" $src/plans/$plan/en.toml || fail "the fixture prompt is gone from en.toml"
sed -i "s/^prompt = \"$old\"/prompt = \"$new\"/" $src/plans/$plan/en.toml
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1 || fail "lint after the change: $(tail -3 lint.txt)"
grep -q "$file:.*warning: stale: the en plan changed since this translation" lint.txt || fail "lint does not call bn stale: $(grep "$file" lint.txt)"
"$PACK_TOOL" stale $src --locale bn >stale.txt || fail "stale"
grep -qF "$file: the en text of plan '$plan' changed since this translation was made" stale.txt || fail "stale names no plan: $(cat stale.txt)"
grep -qF "steps.2.prompt: How might a chat with someone online start to feel wrong? What could you [-do?-] {+do next?+}" stale.txt ||
  fail "stale shows no word diff of the prompt: $(grep -A3 "plan '$plan'" stale.txt)"
grep -q ", 1 plan out of date" stale.txt || fail "stale does not count the plan: $(tail -1 stale.txt)"
"$PACK_TOOL" build $src -o stale.evpack >/dev/null 2>&1 || fail "build"
[ "$(sqlite3 stale.evpack "SELECT stale FROM plan_text WHERE plan='$plan' AND locale='bn'")" = 1 ] || fail "the pack does not mark bn stale"

# The next export asks for that prompt alone, with the English and the Bengali before; an
# import of it untouched leaves the plan stale, with its old stamp.
"$PACK_TOOL" xliff export $src --locale bn -o bn.xlf >export.txt || fail "export: $(cat export.txt)"
python3 - <<'PY' || fail "the translator's view of the changed plan"
import xml.etree.ElementTree as ET
x = '{urn:oasis:names:tc:xliff:document:2.0}'
ET.register_namespace('', x[1:-1])
doc = ET.parse('bn.xlf')
f = next(f for f in doc.getroot().iter(x + 'file') if f.get('id') == 'plan.young-people')
units = {u.get('id'): u for u in f.iter(x + 'unit')}
open_ = [k for k, u in units.items() if u.find(f'{x}segment/{x}target') is None]
assert open_ == ['steps.2.prompt'], open_
notes = {n.get('category'): n.text for n in units['steps.2.prompt'].iter(x + 'note')}
assert notes['ev:english-before'].endswith('What could you do?'), notes
assert notes['ev:translation-before'].startswith('বাংলা: How might'), notes
doc.write('bn-untouched.xlf', encoding='UTF-8', xml_declaration=True)
seg = units['steps.2.prompt'].find(x + 'segment')
ET.SubElement(seg, x + 'target').text = 'নতুন অনুবাদ: ' + seg.find(x + 'source').text
doc.write('bn-done.xlf', encoding='UTF-8', xml_declaration=True)
PY
"$PACK_TOOL" xliff import bn-untouched.xlf $src >/dev/null || fail "import of the untouched file"
grep -qx "translated_from = \"$stamp\"" "$file" || fail "an untranslated import restamped the plan: $(grep translated_from "$file")"
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1
grep -q "$file:.*stale" lint.txt || fail "the untouched import made the plan current"

# With the prompt translated, the plan is stamped with today's English and is current again.
"$PACK_TOOL" xliff import bn-done.xlf $src >import.txt || fail "import: $(cat import.txt)"
now=$("$PACK_TOOL" hash $src plan:$plan)
[ "$now" != "$stamp" ] && grep -qx "translated_from = \"$now\"" "$file" || fail "import did not restamp the plan $now"
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1 || fail "lint after import: $(tail -3 lint.txt)"
grep "$file" lint.txt | grep -q stale && fail "still stale: $(grep "$file" lint.txt)"
"$PACK_TOOL" build $src -o new.evpack >/dev/null 2>&1 || fail "build after import"
[ "$(sqlite3 new.evpack "SELECT stale FROM plan_text WHERE plan='$plan' AND locale='bn'")" = 0 ] || fail "bn still stale in the pack"
sqlite3 new.evpack "SELECT prompt FROM plan_step_text WHERE plan='$plan' AND locale='bn' AND position=1" | grep -q "^নতুন অনুবাদ: " ||
  fail "the new prompt is not in the pack"
grep -q "^plan = \"$plan\"" $src/translation-history.toml || fail "translation-history.toml keeps no plan English"

echo "ok: plan stamps, stale plans shown in English, XLIFF marks and restamps them"
