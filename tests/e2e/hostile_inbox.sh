#!/usr/bin/env bash
# Whatever the inbox holds, the screen's thread never waits for it: with a FIFO named like a
# signature, 3,000 junk files, a 100 GB sparse file and links to /dev/zero and to a secret in
# the inbox, Shift x3 reaches the neutral screen within a frame or two (< 100 ms here), the
# state folder stays small, and each odd file is named once in the log. Once, the FIFO froze
# the screen for good and the junk for 12.7 s.
. "$(dirname "$0")/lib.sh"

mkdir -p inbox state
cp "$PACK" inbox/a-fifo.evpack
mkfifo inbox/a-fifo.evpack.minisig
for i in $(seq 1000 3999); do printf 'junk %s\n' "$i" > "inbox/junk-$i.evpack"; done
truncate -s 100G inbox/c-huge.evpack
cp "$PACK" inbox/b-zero.evpack
ln -s /dev/zero inbox/b-zero.evpack.minisig
echo "not for the kiosk" > secret
ln -s "$WORK/secret" inbox/secret.evpack
mkdir inbox/folder.evpack

# The look at the inbox falls due (5 s) during the marked steps: the kiosk's clock passes it
# in "wait 2.5", and the third Shift comes while the worker is busy with the inbox. Between
# the marks: that wait's frame, the look handed to the worker, the Shift's frame.
cat > exit.evscript <<'SCRIPT'
tap start
tap lang:en
wait 3
key shift
key shift
mark before
wait 2.5
key shift
mark after
wait 30
SCRIPT
KIOSK_TIMEOUT=60 kiosk --inbox inbox --window 360x640 --script exit.evscript >out.txt 2>log.txt ||
  fail "hostile inbox run: exit $? (the screen's thread waited for the inbox?) $(tail -3 log.txt)"
before=$(awk '$1 == "mark" && $2 == "before" {print $3}' out.txt)
after=$(awk '$1 == "mark" && $2 == "after" {print $3}' out.txt)
[ -n "$before" ] && [ -n "$after" ] || fail "no marks in: $(cat out.txt)"
ms=$(( (after - before) / 1000000 ))
echo "quick exit with a hostile inbox: ${ms} ms from the moment a look at the inbox was due"
[ "$ms" -lt 100 ] || fail "quick exit took ${ms} ms with a hostile inbox (limit 100)"
[ "$(count quick_exit)" = 1 ] || fail "Shift x3 did not make a quick exit"

grep -q "skipped .*secret.evpack: a symbolic link" log.txt || fail "the link to a secret was not skipped: $(grep -v junk log.txt | tail)"
grep -q "skipped .*folder.evpack: a folder" log.txt || fail "the folder was not skipped"
grep -q "refused a-fifo.evpack: .*not a regular file" log.txt || fail "the FIFO signature was not refused: $(grep fifo log.txt)"
grep -q "refused b-zero.evpack: .*symbolic link" log.txt || fail "the /dev/zero signature was not refused: $(grep zero log.txt)"
grep -q "refused c-huge.evpack: .*more than the limit" log.txt || fail "the 100 GB file was not refused by size: $(grep huge log.txt)"
[ "$(grep -c 'secret.evpack' log.txt)" = 1 ] || fail "the link was named more than once"
kb=$(du -sk state | cut -f1)
[ "$kb" -lt 20000 ] || fail "the state folder grew to $kb KB"
! grep -rq "not for the kiosk" state || fail "the secret was copied into the state folder"
echo "hostile inbox: quick exit in ${ms} ms, odd files skipped once each, state folder $kb KB"
