#!/usr/bin/env bash
# Bad packs in the inbox (changed after signing, signed by an unknown key, older than the one
# shown) leave the current pack on screen and say why, in the log and on the admin screen.
. "$(dirname "$0")/pack_lib.sh"
page=content/default/pages/people-you-can-tell/en.md
sed -i 's/^title = "People you can tell"/title = "People you can talk to"/' $page
new_pack 3
new_pack 2
# Accept version 3 first, so that version 2 is a rollback.
drop new/default-3.evpack
printf 'wait 6\nexpect Touch to start\n' > accept.evscript
"$KIOSK" --state-dir state --inbox inbox --window 1080x1920 --script accept.evscript 2>log.txt || fail "accept: $(cat log.txt)"
grep -q "accepted default version 3" log.txt || fail "version 3 not accepted: $(cat log.txt)"

# A changed page after signing: what a forger (or a damaged USB stick) would give.
mkdir tampered
cp new/default-3.evpack new/default-3.evpack.minisig tampered/
sed -i 's/^version = .*/version = 4/' content/default/pack.toml
"$PACK_TOOL" build content/default -o tampered/default-4.evpack >/dev/null 2>&1
minisign -S -s comms.key -m tampered/default-4.evpack -t "everyvoice pack=default version=4" >/dev/null
sqlite3 tampered/default-4.evpack "update page_text set title='Call 0900 000 000' where page='people-you-can-tell' and locale='en'"
mkdir stranger
minisign -G -W -p stranger/key.pub -s stranger/key.sec >/dev/null
cp new/default-3.evpack stranger/default-5.evpack
sqlite3 stranger/default-5.evpack "update meta set value='5' where key='pack_version'"
minisign -S -s stranger/key.sec -m stranger/default-5.evpack -t "everyvoice pack=default version=5" >/dev/null

check() { # check PACK REASON: the pack is refused for REASON and version 3 stays
  drop "$1"
  cat > refused.evscript <<'SCRIPT'
wait 6
screenshot admin.png
tap admin:close
tap Touch to start
tap lang:en
tap audience:child
expect People you can talk to
SCRIPT
  "$KIOSK" --state-dir state --inbox inbox --window 1080x1920 --goto admin --script refused.evscript 2>log.txt ||
    fail "$1: $(cat log.txt)"
  grep -q "refused $(basename "$1"): .*$2" log.txt || fail "$1: no '$2' in the log: $(cat log.txt)"
  grep -q "showing pack default version 3 from the pack store" log.txt || fail "$1: $(cat log.txt)"
  local text
  text=$(ocr admin.png)
  [[ $text == *"refused $(basename "$1")"* ]] || fail "$1: the admin screen does not say it was refused: $text"
  [ "$(cat state/packs/current)" = default-3.evpack ] || fail "$1: current is '$(cat state/packs/current)'"
}
check tampered/default-4.evpack "changed after it was signed"
check stranger/default-5.evpack "not a trusted key"
check new/default-2.evpack "older than version 3"
[ ! -e state/packs/default-4.evpack ] && [ ! -e state/packs/default-5.evpack ] && [ ! -e state/packs/default-2.evpack ] ||
  fail "a refused pack was stored: $(ls state/packs)"

# Staff force the refused older pack from the admin screen (a second tap confirms), see it
# from the next start screen, then go back to the kept version 3 the same way.
cat > force.evscript <<'SCRIPT'
wait 6
expect admin:force-older
tap admin:force-older
screenshot confirm.png
tap admin:force-older
tap admin:close
wait 1
goto admin
expect admin:kept-pack
screenshot forced.png
tap admin:kept-pack
tap admin:kept-pack
tap admin:close
wait 1
goto admin
screenshot back.png
SCRIPT
"$KIOSK" --state-dir state --inbox inbox --window 1080x1920 --goto admin --script force.evscript 2>log.txt ||
  fail "force: $(cat log.txt)"
text=$(ocr confirm.png)
[[ $text == *"Tap again to show default-2.evpack"* ]] || fail "force: no confirmation asked: $text"
grep -q "accepted default version 2 from default-2.evpack" log.txt || fail "force: version 2 not accepted: $(cat log.txt)"
text=$(ocr forced.png)
[[ $text == *"Pack: default, version 2"* && $text == *"kept pack, default version 3"* ]] ||
  fail "force: the admin screen does not show version 2 with 3 kept: $text"
grep -q "staff went back to default version 3" log.txt || fail "go back: $(cat log.txt)"
text=$(ocr back.png)
[[ $text == *"Pack: default, version 3"* ]] || fail "go back: version 3 is not on screen: $text"
[ "$(cat state/packs/current)" = default-3.evpack ] || fail "go back: current is '$(cat state/packs/current)'"
minisign -V -p comms.pub -m state/packs/default-2.evpack >/dev/null || fail "the kept version 2 does not verify"
echo "pack refused: tampered, unknown key and rollback each refused with the reason shown; version 3 kept;"
echo "  staff forced version 2 with a confirming tap and went back to the kept version 3"
