# Shared by the pack update tests: a comms officer's key, and packs made from a copy of the
# default content with the real everyvoice-pack and minisign.
. "$(dirname "$0")/lib.sh"

# A key pair without a password, trusted by the kiosk's state folder.
minisign -G -W -p comms.pub -s comms.key >/dev/null || fail "minisign -G"
mkdir -p state/trusted-keys inbox
cp comms.pub state/trusted-keys/comms.pub
cp -r "$SOURCE_DIR/content" content
cp -r "$SOURCE_DIR/locales" locales

# new_pack VERSION: builds content/default as that version into new/default-VERSION.evpack
# and signs it as a comms officer would.
new_pack() {
  mkdir -p new
  sed -i "s/^version = .*/version = $1/" content/default/pack.toml
  "$PACK_TOOL" build content/default -o "new/default-$1.evpack" >/dev/null 2>&1 || fail "build of version $1"
  minisign -S -s comms.key -m "new/default-$1.evpack" -t "everyvoice pack=default version=$1" >/dev/null ||
    fail "minisign -S of version $1"
}

# drop FILE: puts a pack and its signature in the inbox, and nothing else.
drop() {
  rm -f inbox/*
  cp "$1" "$1.minisig" inbox/
}

# ocr PNG: the text tesseract reads in a screenshot, on one line.
ocr() {
  tesseract "$1" stdout -l eng 2>/dev/null | tr '\n' ' '
}
