#!/usr/bin/env bash
# A comms officer changes a sentence, builds, signs and drops the pack into a running kiosk's
# inbox: a resident reading keeps the old page; after the next attract screen the new sentence
# shows. The kiosk's copy is checked with minisign and sqlite3.
. "$(dirname "$0")/pack_lib.sh"
page=content/default/pages/people-you-can-tell/en.md
grep -q '^title = "People you can tell"' $page || fail "fixture: the page title changed in the source"
grep -q 'A grown-up you trust is someone who:' $page || fail "fixture: the sentence changed in the source"
sed -i 's/^title = "People you can tell"/title = "People you can talk to"/;
        s/A grown-up you trust is someone who:/A grown-up you can trust is a person who:/' $page
new_pack 2
drop new/default-2.evpack

cat > update.evscript <<'SCRIPT'
tap Touch to start
tap lang:en
tap audience:child
expect People you can tell
tap topic:people-you-can-tell
# The inbox is looked at every 5 s: the pack is accepted, but this reading is left alone.
wait 6
expect nav:back
screenshot 1-reading.png
# Nobody touches: "Still there?", then the attract screen, where the new pack takes over.
wait 90
wait 30
expect Touch to start
tap Touch to start
tap lang:en
tap audience:child
expect People you can talk to
tap topic:people-you-can-tell
screenshot 2-new-reading.png
SCRIPT
"$KIOSK" --state-dir state --inbox inbox --window 1080x1920 --script update.evscript 2>log.txt ||
  fail "update script: $(cat log.txt)"
grep -q "showing pack default version 1 from .*default.evpack" log.txt || fail "did not start from the built-in pack: $(cat log.txt)"
grep -q "accepted default version 2 from default-2.evpack" log.txt || fail "no acceptance in the log: $(cat log.txt)"

text=$(ocr 1-reading.png)
[[ $text == *"someone who"* ]] || fail "the reading changed under the resident: $text"
text=$(ocr 2-new-reading.png)
[[ $text == *"a person who"* ]] || fail "the new sentence is not on screen after the attract screen: $text"

[ "$(cat state/packs/current)" = default-2.evpack ] || fail "current is '$(cat state/packs/current)'"
minisign -V -p comms.pub -m state/packs/default-2.evpack >/dev/null || fail "the stored copy does not verify with minisign"
[ "$(sqlite3 -readonly state/packs/default-2.evpack "select title from page_text where page='people-you-can-tell' and locale='en'")" = \
  "People you can talk to" ] || fail "the stored copy is not the new pack"
"$PACK_TOOL" verify state/packs/default-2.evpack --key comms.pub >/dev/null || fail "everyvoice-pack verify refuses the stored copy"

# Restarted without --pack, the kiosk starts with the stored pack.
printf 'tap Touch to start\ntap lang:en\ntap audience:child\nexpect People you can talk to\n' > restart.evscript
"$KIOSK" --state-dir state --window 1080x1920 --script restart.evscript 2>log2.txt || fail "restart: $(cat log2.txt)"
grep -q "showing pack default version 2 from the pack store" log2.txt || fail "restart: $(cat log2.txt)"
echo "pack update: accepted, kept off a reading, shown after attract, stored and verified, used at restart"
