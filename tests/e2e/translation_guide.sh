#!/usr/bin/env bash
# docs/translation.md, followed as a comms officer and a translator would: the English of a page
# changes (as the guide describes in words), then every command in its ```sh boxes runs exactly
# as written, in order, from a copy of the Every Voice folder; the translator's own tool
# (xliff_translator.js, on the npm `xliff` package) does its part before the import.
. "$(dirname "$0")/pack_lib.sh"
: "${NPM_DIR:?NPM_DIR must name the folder npm installs test tools into}"
[ -d "$NPM_DIR/node_modules/xliff" ] || npm install --prefix "$NPM_DIR" --no-audit --no-fund xliff@6.4.0 >/dev/null ||
  fail "npm could not install xliff"
export NODE_PATH="$NPM_DIR/node_modules"
guide="$SOURCE_DIR/docs/translation.md"
mkdir -p tools
cp "$SOURCE_DIR/tools/everyvoice-pack" tools/
export EV_BUILD_DIR=$(cd "$(dirname "$PACK_TOOL")/../.." && pwd)

# Someone edits the English page.
sed -i 's/Many of the signs below can have other causes\./Many of the signs below can also have other causes./;
        s/^- Changes in eating$/- Changes in eating or sleeping/' content/default/pages/signs-to-notice/en.md

awk '/^ *```sh$/ {f = 1; next} f && /^ *```$/ {f = 0; next} f {sub(/^ +/, ""); print}' "$guide" > commands.txt
n=0
while IFS= read -r cmd; do
  n=$((n + 1))
  if [[ $cmd == *"xliff import pl.xlf"* ]]; then
    # The translator's turn: their tool reads pl.xlf and gives it back translated.
    node "$SOURCE_DIR/tests/e2e/xliff_translator.js" pl.xlf translated.xlf >>transcript.txt || fail "the translator's tool"
    mv translated.xlf pl.xlf
  fi
  echo "\$ $cmd" >>transcript.txt
  timeout 300 bash -c "$cmd" >>transcript.txt 2>&1 || fail "the guide's command failed: $cmd
$(tail -20 transcript.txt)"
done < commands.txt
for c in "stale content/default --locale pl" "xliff export content/default --locale pl -o pl.xlf" \
         "xliff import pl.xlf content/default" "lint content/default"; do
  grep -q -- "$c" commands.txt || fail "the guide no longer shows '$c'"
done
grep -qF "can {+also+} have other causes" transcript.txt || fail "stale showed no word diff: $(cat transcript.txt)"
grep -q "^imported pl.xlf into pl: 1 pages" transcript.txt || fail "the import wrote no page: $(cat transcript.txt)"
grep -q "^lint: 0 errors" transcript.txt || fail "lint after the import: $(tail -5 transcript.txt)"
grep -q "może mieć także inne przyczyny" content/default/pages/signs-to-notice/pl.md || fail "the translation is not in pl.md"
echo "ok: $n commands of docs/translation.md ran as written"
