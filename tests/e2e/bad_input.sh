#!/usr/bin/env bash
# Bad input gets one clear line on stderr and a non-zero exit: never a crash, never a hang.
. "$(dirname "$0")/lib.sh"

# expect_refusal NAME ARGS...: exit code 1 or 2 (not a signal, not 0) and exactly one stderr line.
expect_refusal() {
  local name=$1; shift
  set +e
  timeout 60 "$KIOSK" "$@" >out.txt 2>err.txt
  local code=$?
  set -e
  [ "$code" -eq 1 ] || [ "$code" -eq 2 ] || fail "$name: exit code $code (stderr: $(cat err.txt))"
  [ "$(wc -l <err.txt)" -eq 1 ] || fail "$name: expected one line on stderr, got: $(cat err.txt)"
  echo "ok: $name -> $code: $(cat err.txt)"
}

expect_refusal "missing pack" --pack "$WORK/nope.evpack" --state-dir "$WORK/state" --screenshot x.png
: > empty.evpack
expect_refusal "empty pack" --pack empty.evpack --state-dir "$WORK/state" --screenshot x.png
head -c 65536 /dev/urandom > random.evpack
expect_refusal "random bytes" --pack random.evpack --state-dir "$WORK/state" --screenshot x.png
head -c 12000 "$PACK" > truncated.evpack
expect_refusal "truncated pack" --pack truncated.evpack --state-dir "$WORK/state" --screenshot x.png
expect_refusal "unknown --goto" --pack "$PACK" --state-dir "$WORK/state" --goto nowhere --screenshot x.png
expect_refusal "unknown page" --pack "$PACK" --state-dir "$WORK/state" --goto page:no-such-page --screenshot x.png
# Present mode's errors name the option typed (they used to say --goto).
expect_refusal "unknown plan" --pack "$PACK" --state-dir "$WORK/state" --present --plan no-such-plan --screenshot x.png
grep -q -- '^everyvoice-kiosk: --plan: .*no-such-plan' err.txt || fail "unknown plan: the error does not name --plan: $(cat err.txt)"
expect_refusal "unknown topics" --pack "$PACK" --state-dir "$WORK/state" --present --topics kids --screenshot x.png
grep -q -- '--topics takes' err.txt || fail "unknown topics: the error does not name --topics: $(cat err.txt)"
! grep -q -- '--goto' err.txt || fail "unknown topics: the error names --goto: $(cat err.txt)"
printf 'tap start\nfly away\n' > bad.evscript
expect_refusal "bad script line" --pack "$PACK" --state-dir "$WORK/state" --script bad.evscript
printf 'expect no-such-widget\n' > missing.evscript
expect_refusal "failed expectation" --pack "$PACK" --state-dir "$WORK/state" --script missing.evscript
expect_refusal "unknown option" --pack "$PACK" --frobnicate
expect_refusal "bad window size" --pack "$PACK" --window big
[ ! -e x.png ] || fail "a refused run still wrote a screenshot"
echo "bad input: all refused cleanly"
