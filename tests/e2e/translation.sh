#!/usr/bin/env bash
# A translator's round trip through XLIFF 2, as docs/translation.md describes it: the English
# of a page changes, `xliff export` marks what changed (with the English and the translation
# before), `stale` shows the change word by word, the translator's tool fills in the targets
# (here the npm `xliff` package, a third-party XLIFF 2 reader and writer, not ours), `xliff
# import` writes them back, lint passes, and the kiosk shows the new translation. Imports that
# would lose or invent something are refused with nothing changed.
. "$(dirname "$0")/pack_lib.sh"
: "${NPM_DIR:?NPM_DIR must name the folder npm installs test tools into}"
[ -d "$NPM_DIR/node_modules/xliff" ] || npm install --prefix "$NPM_DIR" --no-audit --no-fund xliff@6.4.0 >/dev/null ||
  fail "npm could not install xliff"
export NODE_PATH="$NPM_DIR/node_modules"
src=content/default
page=$src/pages/signs-to-notice

# Nothing changed: an export imported as it is writes nothing and the files stay byte for byte.
"$PACK_TOOL" xliff export $src --locale pl -o same.xlf >/dev/null || fail "export"
cp -r content before
"$PACK_TOOL" xliff import same.xlf $src >import.txt || fail "import of an unchanged export: $(cat import.txt)"
diff -r before content >/dev/null || fail "an unchanged round trip changed files: $(diff -r before content | head)"
grep -q "0 pages, 0 UI strings, 0 signpost texts" import.txt || fail "unchanged import wrote something: $(cat import.txt)"
rm -rf before

# The comms team changes the English of one paragraph and one list item.
sed -i 's/Many of the signs below can have other causes\./Many of the signs below can also have other causes./;
        s/^- Changes in eating$/- Changes in eating or sleeping/' $page/en.md
"$PACK_TOOL" xliff export $src --locale pl -o pl.xlf >export.txt || fail "export: $(cat export.txt)"
grep -q " to translate (2 changed" export.txt || fail "export did not mark the 2 changed units: $(cat export.txt)"
xmllint --noout pl.xlf || fail "the XLIFF file is not well-formed XML"

# What a translator sees in the third-party reader (xliff_translator.js): the changed units
# without a target, the English and the translation before as notes; everything else translated.
node "$SOURCE_DIR/tests/e2e/xliff_translator.js" pl.xlf done.xlf >translator.txt || fail "the translator's tool could not read the export: $(cat translator.txt)"
grep -qx "untranslated: b1 b6" translator.txt || fail "changed units seen by the tool: $(cat translator.txt)"

# The word diff of the English since the translation was made.
"$PACK_TOOL" stale $src --locale pl >stale.txt || fail "stale"
grep -qF "can {+also+} have other causes" stale.txt || fail "stale shows no word diff: $(cat stale.txt)"
grep -qF "Changes in eating {+or sleeping+}" stale.txt || fail "stale misses the list item: $(cat stale.txt)"

# Refused, with nothing changed: a target that changes a link, one that adds a phone number,
# and a file exported before the English changed again.
cp -r content before
linked=$(node "$SOURCE_DIR/tests/e2e/xliff_translator.js" pl.xlf bad-link.xlf drop-link | tail -1)
"$PACK_TOOL" xliff import bad-link.xlf $src 2>refused.txt && fail "a changed link was imported"
grep -q "unit '$linked'.*links" refused.txt || fail "no message naming the unit: $(cat refused.txt)"
node "$SOURCE_DIR/tests/e2e/xliff_translator.js" pl.xlf bad-phone.xlf add-phone >/dev/null
"$PACK_TOOL" xliff import bad-phone.xlf $src 2>refused.txt && fail "an invented phone number was imported"
grep -q "unit 'b1'.*phone numbers" refused.txt || fail "no message naming the unit: $(cat refused.txt)"
sed -i 's/Write down what you noticed, and when\./Write down what you noticed, and when it was./' $page/en.md
"$PACK_TOOL" xliff import done.xlf $src 2>refused.txt && fail "a file exported before the English changed was imported"
grep -q "unit 'b[0-9]*': the English is now \"Write down what you noticed, and when it was.\"" refused.txt ||
  fail "no message naming the changed unit: $(cat refused.txt)"
cp before/default/pages/signs-to-notice/en.md $page/en.md
diff -r before content >/dev/null || fail "a refused import changed files: $(diff -r before content | head)"
rm -rf before

# The translator's file goes in: the page is written, stamped and a draft; lint passes.
"$PACK_TOOL" xliff import done.xlf $src >import.txt || fail "import: $(cat import.txt)"
grep -q "1 pages" import.txt || fail "import wrote: $(cat import.txt)"
grep -q "może mieć także inne przyczyny" $page/pl.md || fail "the translation is not in pl.md"
grep -qx -- "- Zmiany w jedzeniu lub spaniu" $page/pl.md || fail "the list item lost its marker: $(grep -n Zmiany $page/pl.md)"
grep -q "(page:worried-about-behaviour)" $page/pl.md || fail "a link was lost"
stamp=$("$PACK_TOOL" hash $src signs-to-notice)
grep -qx "translated_from = \"$stamp\"" $page/pl.md || fail "the stamp was not set to $stamp: $(head -8 $page/pl.md)"
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1 || fail "lint after import: $(tail -5 lint.txt)"
grep -q "/pl.md:.*stale" lint.txt && fail "still stale after import: $(grep /pl.md lint.txt)"
"$PACK_TOOL" stale $src --locale pl | grep -qxE "pl: 0 pages out of date(, [0-9]+ not translated: (plan:[a-z-]+(, )?)+)?" || fail "stale after import"
grep -q "^hash = \"$stamp\"" $src/translation-history.toml || fail "the history does not keep the English of the new stamp"

# Built, the kiosk shows the new Polish text.
"$PACK_TOOL" build $src -o pl.evpack --quiet-drafts >/dev/null 2>&1 || fail "build"
PACK="$WORK/pl.evpack" kiosk --window 1080x1920 --locale pl --goto page:signs-to-notice --screenshot page.png 2>kiosk.txt ||
  fail "kiosk: $(cat kiosk.txt)"
text=$(tesseract page.png stdout -l pol 2>/dev/null | tr '\n' ' ')
[[ $text =~ mie.\ tak.e\ inne\ przyczyny ]] || fail "the kiosk does not show the new translation: $text"
# A review is recorded in the front matter: by a role or organisation, never a person's contact.
sed -i 's/^status = "draft"$/status = "reviewed"\nreviewed_by = "ask@example.org"\nreviewed_on = 2026-12-01/' $page/pl.md
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1 && fail "lint took an email address as reviewer"
grep -q "pl.md:[0-9]*: error: reviewed_by names a role or organisation" lint.txt || fail "no reviewer error: $(grep pl.md lint.txt)"
sed -i 's/^reviewed_by = .*/reviewed_by = "Council translation service"/' $page/pl.md
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1 || fail "lint refused a reviewed page: $(grep pl.md lint.txt)"
grep -q "^translations not yet reviewed: 242 of 243 translated pages (.*pl 26," lint.txt || fail "no count of unreviewed drafts: $(tail -3 lint.txt)"
"$PACK_TOOL" xliff export $src --locale pl -o reviewed.xlf >/dev/null || fail "export"
[ "$(grep -c 'state="reviewed"' reviewed.xlf)" -ge 40 ] || fail "the reviewed page's units are not marked reviewed"
# New English, a new translation: the review was of the old text, so it goes and the page is a draft again.
sed -i 's/Write down what you noticed, and when\./Write down what you noticed, and when it was./' $page/en.md
"$PACK_TOOL" xliff export $src --locale pl -o again.xlf >/dev/null || fail "export"
node "$SOURCE_DIR/tests/e2e/xliff_translator.js" again.xlf again-done.xlf >/dev/null || fail "the translator's tool"
"$PACK_TOOL" xliff import again-done.xlf $src >/dev/null || fail "import"
grep -q "^reviewed_\|^status = \"reviewed\"" $page/pl.md && fail "the old review stayed on a new translation: $(head -9 $page/pl.md)"
grep -qx 'status = "draft"' $page/pl.md || fail "the new translation is not a draft"
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1 || fail "lint after the second import: $(grep pl.md lint.txt)"

# A first translation of a page: the new file takes the English page's audience and its
# verify mark, and lint accepts it.
rm $src/pages/sunrise-hub/pl.md
"$PACK_TOOL" xliff export $src --locale pl -o first.xlf >/dev/null || fail "export"
python3 - <<'PY' || fail "filling in the first translation"
import xml.etree.ElementTree as ET
x = '{urn:oasis:names:tc:xliff:document:2.0}'
ET.register_namespace('', x[1:-1])
doc = ET.parse('first.xlf')
for seg in doc.getroot().iter(x + 'segment'):
    if seg.find(x + 'target') is None:
        ET.SubElement(seg, x + 'target').text = 'PL ' + seg.find(x + 'source').text
doc.write('first-done.xlf', encoding='UTF-8', xml_declaration=True)
PY
"$PACK_TOOL" xliff import first-done.xlf $src >/dev/null || fail "import of a first translation"
grep -qx 'audience = \["parent", "community"\]' $src/pages/sunrise-hub/pl.md && grep -qx 'verify = true' $src/pages/sunrise-hub/pl.md ||
  fail "the first translation lost the audience or verify mark: $(head -9 $src/pages/sunrise-hub/pl.md)"
"$PACK_TOOL" lint $src --quiet-drafts >lint.txt 2>&1 || fail "lint after a first translation: $(grep error lint.txt)"

echo "ok: XLIFF round trip, refusals, stale word diff, lint and the kiosk"
