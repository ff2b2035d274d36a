#!/usr/bin/env bash
# "Listen": a page read aloud by espeak-ng through SDL audio (SDL's disk driver writes the
# sound to a file here), counted as audio_played; no button in a language with no voice.
. "$(dirname "$0")/lib.sh"
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$WORK/audio.raw"
printf 'tap page:listen\nexpect page:listen\nscreenshot listening.png\ntap nav:exit\n' > listen.evscript
kiosk --window 1080x1920 --locale bn --goto page:people-you-can-tell --script listen.evscript || fail "listen script"
"$PNG_CHECK" listening.png 1080x1920 || fail "listening.png blank"
[ -s audio.raw ] || fail "nothing was played"
# 16-bit samples: speech has many well away from zero.
loud=$(od -An -v -t d2 -w2 audio.raw | awk '$1 > 1000 || $1 < -1000' | wc -l)
[ "$loud" -gt 100 ] || fail "the sound played is silence ($loud loud samples)"
[ "$(count audio_played)" = 1 ] || fail "audio_played counted $(count audio_played) times"
[ "$(sqlite3 state/counts.sqlite "select locale || '/' || page from counts where event = 'audio_played'")" = bn/people-you-can-tell ] ||
  fail "audio_played is not counted against the page and its language"

# Somali has no espeak-ng voice (and the pack no recording): no button to press.
printf 'expect page:listen\n' > somali.evscript
if kiosk --window 1080x1920 --locale so --goto page:people-you-can-tell --script somali.evscript 2>/dev/null; then
  fail "a Listen button with no voice behind it"
fi
echo "listen: Bengali read aloud ($loud loud samples), counted; none offered in Somali"
