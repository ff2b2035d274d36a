#!/usr/bin/env bash
# The layering docs/architecture.md describes, checked on every #include:
#
#   cli -> platform -> shell -> ui -> core, text, media        tools/pack -> core, text, media
#
# and inside core, its rooms: the top (clock, files) <- i18n, pack <- counts <- session <- kiosk.
# Every library exports app/ as its include folder (so one spelling works everywhere), which
# means the compiler alone would let core include "ui/app.h": this script is what refuses it.
# It also holds the one include style: a project header is named from app/ ("core/pack/content.h"),
# never relative ("../theme.h" or a bare name), except in tools/ and tests/, whose own headers
# sit beside them.
#
#   tools/layering.sh [ROOT]    prints each broken rule as FILE:LINE: message; exit 1 if any
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2
bad=0
say() { echo "$1"; bad=$((bad + 1)); }

# Headers of windows, GL and Dear ImGui: only ui/ (ImGui) and platform/ may name them.
window_headers='^(imgui|SDL|GL/|GLFW/|EGL/|backends/)'
# Headers of the media codecs: only media/ may name them.
codec_headers='^(png\.h|qrencode\.h|espeak-ng/|vorbis/|opus/|opusfile\.h)'

# allowed FILE: the app/ folders FILE's project includes may name (a regular expression).
allowed() {
  case $1 in
    app/core/pack/*) echo '^core/(pack/|[a-z_]+\.h$)' ;;
    app/core/i18n/*) echo '^core/(i18n/|[a-z_]+\.h$)' ;;
    app/core/counts/*) echo '^core/(counts/|pack/|[a-z_]+\.h$)' ;;
    app/core/session/*) echo '^core/(session/|counts/|pack/|[a-z_]+\.h$)' ;;
    app/core/kiosk/*) echo '^core/' ;;
    app/core/*) echo '^core/[a-z_]+\.h$' ;;
    app/text/*) echo '^text/' ;;
    app/media/*) echo '^media/' ;;
    app/ui/*) echo '^(core|text|media|ui)/' ;;
    app/shell/*) echo '^(core|text|media|ui|shell)/' ;;
    app/platform/*) echo '^(core|text|media|ui|shell|platform)/' ;;
    app/cli/* | app/main.cpp) echo '^(core|text|media|ui|shell|platform|cli)/' ;;
    tools/pack/*) echo '^(core|text|media)/' ;;
    tests/*) echo '^(core|text|media|ui|shell|platform|cli)/' ;;
  esac
}

while IFS= read -r file; do
  rule=$(allowed "$file")
  [ -n "$rule" ] || continue
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    [[ $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*([\"\<])([^\"\>]+) ]] || continue
    kind=${BASH_REMATCH[1]} header=${BASH_REMATCH[2]}
    if [ "$kind" = '<' ]; then
      case $file in app/ui/* | app/platform/* | app/cli/* | app/main.cpp | tests/ui/* | tests/platform/* | tests/bench/*) ;; *)
        [[ $header =~ $window_headers ]] && say "$file:$n: <$header> is a window or ImGui header, for ui/, platform/ and cli/ only" ;;
      esac
      case $file in app/media/* | tests/*) ;; *)
        [[ $header =~ $codec_headers ]] && say "$file:$n: <$header> is a media codec's header, for media/ only" ;;
      esac
      continue
    fi
    # tools/pack's own headers sit beside it, and the tests' helpers beside them.
    if [[ $file == tools/* || $file == tests/* ]] && [[ $header != */* ]]; then continue; fi
    if [[ $header == ../* || $header == ./* || $header != */* ]]; then
      say "$file:$n: \"$header\" is relative: name it from app/ (e.g. \"ui/theme.h\")"
    elif [[ ! $header =~ $rule ]]; then
      case $file in
        tools/*) say "$file:$n: \"$header\": the pack tool links core, text and media, never ui or platform" ;;
        *) say "$file:$n: \"$header\": $(dirname "$file") may not include it (docs/architecture.md, Layers)" ;;
      esac
    fi
  done < "$file"
done < <(find app tools/pack tests -name '*.h' -o -name '*.cpp' | grep -v '^tests/.*/fixtures/' | sort)

[ "$bad" -eq 0 ] && echo "layering: every include follows the layers and the include style"
[ "$bad" -eq 0 ]
