#!/usr/bin/env bash
# The screen after a quick exit says nothing about abuse, help, safety or exiting, in every
# language: tesseract reads the kiosk's neutral screen (and the attract screen, which shows the
# same items) and none of the language's words below may be on it. The same words must be
# found on the audience screen of that language (its Exit and Get help now buttons and the
# line about Exit), or else on its help screen, so a word list or an OCR language that reads
# nothing fails here too. (Tesseract's Urdu model misses the bar's labels once they wrap to
# two lines; the help screen's running text it reads.) NEUTRAL_SHOTS (default 1) is how
# many quick-exit screens to read per language: each shows an item chosen at random.
. "$(dirname "$0")/lib.sh"
shots=${NEUTRAL_SHOTS:-1}

declare -A ocr=([en]=eng [pl]=pol [ro]=ron [lt]=lit [bn]=ben [so]=eng [pt]=por [ur]=urd [yo]=yor [pa]=pan)
declare -A words=(
  [en]="abuse help safe exit danger police report"
  [pl]="wykorzyst pomoc bezpiecz wyjdź wyjdz wyjści przemoc policj"
  [ro]="abuz ajutor sigur ieșire ieşire iesire pericol poliți"
  [lt]="prievart pagalb saug išeit iseit pavoj policij"
  [bn]="নির্যাতন সাহায্য নিরাপদ বের পুলিশ বিপদ"
  [so]="xadgudub caawi ammaan bax khatar booliis"
  [pt]="abuso ajuda segur sair perigo políci polici"
  [ur]="بدسلوکی مدد محفوظ باہر پولیس خطر چھپا"
  [yo]="ìlòkulò ìrànlọ́wọ́ iranlowo ààbò jáde jade ọlọ́pàá olopaa"
  [pa]="ਸ਼ੋਸ਼ਣ ਮਦਦ ਸੁਰੱਖਿਅਤ ਬਾਹਰ ਪੁਲਿਸ ਖ਼ਤਰ"
)

# Tesseract splits Nastaliq words at random places, so Urdu is read with its spaces taken out.
declare -A unspaced=([ur]=1)
read_screen() { # read_screen LANG PNG: the text tesseract finds, lower case
  if [ -n "${unspaced[$1]:-}" ]; then
    tesseract "$2" - -l "${ocr[$1]}" 2>/dev/null | tr -d ' \n'
  else
    tesseract "$2" - -l "${ocr[$1]}" 2>/dev/null | tr '[:upper:]' '[:lower:]'
  fi
}
found() { # found LANG TEXT-FILE: the listed words in it, if any, each where a word starts
  # (Somali's "bax", exit, is inside "ubax", a flower); Urdu is read unspaced, so anywhere.
  local alt
  alt=$(tr ' ' '\n' <<<"${words[$1]}" | grep -v '^$' | paste -sd '|')
  if [ -n "${unspaced[$1]:-}" ]; then
    grep -o -E "($alt)" "$2" | sort -u | tr '\n' ' ' || true
  else
    grep -o -E "(^|[^[:alpha:]])($alt)" "$2" | sed -E 's/^[^[:alpha:]]//' | sort -u | tr '\n' ' ' || true
  fi
}

item_words() { # item_words LANG: words of the language's neutral items, to be sure OCR read a screen at all
  sqlite3 "$PACK" "select title || ' ' || body from neutral where locale = '$1'" | tr '[:upper:]' '[:lower:]' |
    tr -s '[:space:][:punct:]' '\n' | awk 'length($0) >= 4' | sort -u > "$WORK/items-$1"
}

locales=${NEUTRAL_LOCALES:-$(sqlite3 "$PACK" 'select tag from locales order by position')}
for l in $locales; do
  [ -n "${ocr[$l]:-}" ] || fail "$l: no OCR language or word list in $0"
  tesseract --list-langs 2>/dev/null | grep -qx "${ocr[$l]}" || fail "$l: tesseract has no ${ocr[$l]} (tools/deps.sh installs it)"

  kiosk --window 1080x1920 --locale "$l" --goto audience --screenshot "$WORK/audience-$l.png" || fail "$l: audience screenshot"
  read_screen "$l" "$WORK/audience-$l.png" > "$WORK/audience-$l.txt"
  if [ -z "$(found "$l" "$WORK/audience-$l.txt")" ]; then
    kiosk --window 1080x1920 --locale "$l" --goto help --screenshot "$WORK/help-$l.png" || fail "$l: help screenshot"
    read_screen "$l" "$WORK/help-$l.png" > "$WORK/help-$l.txt"
    [ -n "$(found "$l" "$WORK/help-$l.txt")" ] ||
      fail "$l: neither the audience nor the help screen's words were read: the word list or OCR sees nothing ($(head -c 300 "$WORK/audience-$l.txt"))"
  fi

  item_words "$l"
  for i in $(seq "$shots"); do
    png=$WORK/neutral-$l-$i.png
    kiosk --window 1080x1920 --locale "$l" --goto neutral --screenshot "$png" || fail "$l: neutral screenshot"
    read_screen "$l" "$png" > "$WORK/neutral-$l.txt"
    grep -q -F -f "$WORK/items-$l" "$WORK/neutral-$l.txt" || fail "$l: OCR read none of the neutral items' words: $(head -c 300 "$WORK/neutral-$l.txt")"
    bad=$(found "$l" "$WORK/neutral-$l.txt")
    [ -z "$bad" ] || fail "$l: the neutral screen says: $bad"
  done
done

# The attract screen shows the items too, in the default language (English in the default pack).
item_words en
kiosk --window 1080x1920 --goto attract --screenshot "$WORK/attract.png" || fail "attract screenshot"
read_screen en "$WORK/attract.png" > "$WORK/attract.txt"
grep -q -F -f "$WORK/items-en" "$WORK/attract.txt" || fail "the attract screen shows no neutral item: $(head -c 300 "$WORK/attract.txt")"
echo "neutral screens read by OCR in: $locales"
