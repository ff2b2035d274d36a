#!/usr/bin/env bash
# "Listen": a page read aloud by espeak-ng through SDL audio (SDL's disk driver writes the
# sound to a file here, in real time, as a sound card would take it), counted as audio_played;
# pause holds the sound and resume carries on; "Still there?" is spoken to a visitor who
# listened; no button in a language with no voice.
. "$(dirname "$0")/lib.sh"
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$WORK/audio.raw"
# The device: 48 kHz, stereo, 16-bit (app/platform/sdl_narrator.cpp).
rate=48000 channels=2

# loud_windows FILE: one line per 100 ms of FILE, 1 where speech is heard, 0 where not.
loud_windows() {
  od -An -v -t d2 -w2 "$1" |
    awk -v n=$((rate * channels / 10)) '{ if ($1 > 1000 || $1 < -1000) loud = 1 }
                                       NR % n == 0 { print loud + 0; loud = 0 }'
}

cat > listen.evscript <<'EOF'
tap page:listen
expect page:pause
expect page:louder
screenshot listening.png
sleep 1
tap page:pause
expect page:pause
sleep 2
tap page:pause
sleep 1
tap nav:exit
EOF
kiosk --window 1080x1920 --locale bn --goto page:people-you-can-tell --script listen.evscript || fail "listen script"
"$PNG_CHECK" listening.png 1080x1920 || fail "listening.png blank"
[ -s audio.raw ] || fail "nothing was played"
# 16-bit samples: speech has many well away from zero.
loud=$(od -An -v -t d2 -w2 audio.raw | awk '$1 > 1000 || $1 < -1000' | wc -l)
[ "$loud" -gt 100 ] || fail "the sound played is silence ($loud loud samples)"
# Paused for 2 s between speech before and after: the longest quiet stretch between the first
# and the last loud moment is the pause (a pause between sentences is far shorter; without a
# resume there would be no speech after it). The taps around it take some time of their own.
gap=$(loud_windows audio.raw | awk '$1 == 1 { if (seen && run > longest) longest = run; seen = 1; run = 0; next }
                                     { run++ } END { print longest + 0 }')
[ "$gap" -ge 17 ] || fail "pause did not hold the sound: longest quiet stretch in the speech ${gap}00 ms"
[ "$gap" -le 40 ] || fail "resume did not carry on at once: quiet for ${gap}00 ms"
[ "$(count audio_played)" = 1 ] || fail "audio_played counted $(count audio_played) times"
[ "$(sqlite3 state/counts.sqlite "select locale || '/' || page || '/' || detail from counts where event = 'audio_played'")" = bn/people-you-can-tell/speech ] ||
  fail "audio_played is not counted against the page, its language and what played"

# "Still there?" is read aloud to a visitor who used Listen (even if they stopped it), and to
# no one else: the sound of the first second after the prompt appears, in each case.
prompt_sound() {
  rm -rf state audio.raw
  { [ "${1:-}" = listened ] && printf 'tap page:listen\ntap page:listen\n'
    printf 'wait 90\nexpect idle:continue\nsleep 1.5\ntap idle:continue\n'; } > prompt.evscript
  kiosk --window 1080x1920 --locale en --goto page:people-you-can-tell --script prompt.evscript || fail "prompt script"
  # The last second or so: the prompt's time (Listen's instant of sound, if any, came before).
  loud_windows audio.raw | tail -n 12 | awk '{ n += $1 } END { print n + 0 }'
}
spoken=$(prompt_sound listened)
[ "$spoken" -ge 5 ] || fail "Still there? was not spoken to a visitor who listened (${spoken}00 ms of sound)"
silent=$(prompt_sound)
[ "$silent" = 0 ] || fail "Still there? was spoken to a visitor who never listened (${silent}00 ms of sound)"

# Somali has no espeak-ng voice (and the pack no recording): no button to press.
printf 'expect page:listen\n' > somali.evscript
if kiosk --window 1080x1920 --locale so --goto page:people-you-can-tell --script somali.evscript 2>/dev/null; then
  fail "a Listen button with no voice behind it"
fi
echo "listen: Bengali read aloud ($loud loud samples), paused ${gap}00 ms, counted; Still there? spoken (${spoken}00 ms); none offered in Somali"
