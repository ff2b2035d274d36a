#!/usr/bin/env bash
# docs/content-guide.md, followed as a comms officer would: the edits it describes in words are
# made to a copy of the content, then every command in its ```sh boxes is run exactly as
# written, in order, from a copy of the Every Voice folder (the key's password typed on stdin).
# Then a kiosk set up by the guide's installer commands must show the new pack from its inbox.
. "$(dirname "$0")/pack_lib.sh"
guide="$SOURCE_DIR/docs/content-guide.md"
mkdir -p tools home
cp "$SOURCE_DIR/tools/everyvoice-pack" tools/
export EV_BUILD_DIR=$(cd "$(dirname "$PACK_TOOL")/../.." && pwd) HOME="$WORK/home"

# --- the edits the guide describes in words --------------------------------------------------
# Edit a page.
sed -i 's/^title = "People you can tell"/title = "People you can talk to"/' content/default/pages/people-you-can-tell/en.md
# Add a page (the guide's own example file) and put it on the parent topics list.
mkdir content/default/pages/online-gaming
awk '/make `en.md` with the settings/ {f = 1; next} f && /```text/ {g = 1; next} g && /```/ {exit} g' "$guide" |
  sed 's/^   //' > content/default/pages/online-gaming/en.md
grep -q '^title = "Online gaming"' content/default/pages/online-gaming/en.md || fail "the guide's example page: $(cat content/default/pages/online-gaming/en.md)"
sed -i '/^parent = \[/a\  "online-gaming",' content/default/pack.toml
# Release: raise the version, and every help card and the Sunrise Hub page confirmed (their verify lines deleted).
sed -i 's/^version = 1$/version = 2/' content/default/pack.toml
sed -i '/^verify = /d' content/default/pack.toml content/default/pages/sunrise-hub/*.md

# --- every command, as written ---------------------------------------------------------------
awk '/^ *```sh$/ {f = 1; next} f && /^ *```$/ {f = 0; print "#--"; next} f {sub(/^ +/, ""); print}' "$guide" > commands.txt
n=0
while IFS= read -r cmd; do
  [ "$cmd" = "#--" ] && continue
  n=$((n + 1))
  echo "\$ $cmd" >>transcript.txt
  # The key's password, for minisign -G (asked twice) and sign (once), from a file: piped in, a
  # command that reads no input can exit before printf writes, and pipefail then fails the test.
  printf 'four random words here\nfour random words here\n' >password.txt
  timeout 600 bash -c "$cmd" <password.txt >>transcript.txt 2>&1 || fail "the guide's command failed: $cmd
$(tail -20 transcript.txt)"
done < commands.txt
[ "$n" -ge 14 ] || fail "only $n commands found in the guide"
for c in "lint content/default" "preview default.evpack" "export-html" "minisign -G" "sign default-2.evpack" \
         "verify default-2.evpack" "publish default-2.evpack outbox"; do
  grep -q -- "$c" commands.txt || fail "the guide no longer shows '$c'"
done
echo "ok: $n commands of the guide ran as written"

grep -q "^lint: 0 errors, .* to verify$" transcript.txt || fail "lint has no summary line: $(cat transcript.txt)"
grep -q "draft:" transcript.txt && fail "--quiet-drafts listed drafts"
[ -s preview/index.html ] && [ -s site/index.html ] || fail "no preview or website"
minisign -V -p everyvoice.pub -m outbox/default-2.evpack | grep -qx "Trusted comment: everyvoice pack=default version=2" ||
  fail "stock minisign does not accept the published pack"
[ -s home/.local/state/everyvoice/trusted-keys/everyvoice.pub ] || fail "the installer's commands did not trust the key"

# --- confirm on a kiosk: the inbox is the guide's outbox -------------------------------------
state=home/.local/state/everyvoice
# Before: the pack it was installed with, marked as built in.
printf 'screenshot builtin.png\n' > builtin.evscript
timeout 120 "$KIOSK" --state-dir "$state" --window 1080x1920 --goto admin --script builtin.evscript 2>log.txt ||
  fail "kiosk: $(cat log.txt)"
text=$(ocr builtin.png)
[[ $text == *"Pack: default, version 1"*"built in"* ]] || fail "the admin screen does not mark the built-in pack: $text"
# The accepted pack is shown only on the attract screen: "wait 1" there lets the worker finish
# its scan and the screen take the pack, however slow the machine (CI runs tests in parallel).
printf 'wait 6\ngoto attract\nwait 1\ngoto admin\nscreenshot admin.png\n' > confirm.evscript
timeout 120 "$KIOSK" --state-dir "$state" --inbox outbox --window 1080x1920 --goto admin --script confirm.evscript 2>log.txt ||
  fail "kiosk: $(cat log.txt)"
grep -q "accepted default version 2 from default-2.evpack" log.txt || fail "the kiosk did not accept the pack: $(cat log.txt)"
text=$(ocr admin.png)
[[ $text == *"Pack: default, version 2"*"pack store"* ]] || fail "the admin screen does not show version 2 from the store: $text"
printf 'tap start\ntap lang:en\ntap audience:parent\nexpect Online gaming\ntap nav:back\ntap audience:child\nexpect People you can talk to\n' > seen.evscript
timeout 120 "$KIOSK" --state-dir "$state" --window 1080x1920 --script seen.evscript 2>log.txt || fail "the new page is not shown: $(cat log.txt)"
# The added page, never translated, in Polish: the English text with a notice in Polish saying so.
printf 'tap start\ntap lang:pl\ntap audience:parent\nexpect topic:online-gaming\ntap topic:online-gaming\nwait 1\nscreenshot untranslated.png\n' > pl.evscript
timeout 120 "$KIOSK" --state-dir "$state" --window 1080x1920 --script pl.evscript 2>log.txt || fail "Polish: $(cat log.txt)"
text=$(ocr untranslated.png)
[[ $text == *"jeszcze"*"angielsku"* ]] || fail "no notice on a page never translated: $text"
[ -z "${SCREENSHOT_DIR:-}" ] || cp untranslated.png "$SCREENSHOT_DIR/guide-untranslated.png"
grep -qF '<p class="note">Ta strona nie została jeszcze przetłumaczona.' site/pl/page-online-gaming.html ||
  fail "the website's Polish page-online-gaming.html has no notice"
echo "ok: a kiosk set up as the guide says shows the signed version 2 with the edited and the added page"
