#!/usr/bin/env bash
# tools/layering.sh must refuse each kind of breach, not only pass the real tree: a copy of
# the tree gets one forbidden include of each kind, and each must be named.
set -euo pipefail
src=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tools"
cp -r "$src/app" "$work/app"
cp -r "$src/tools/pack" "$work/tools/pack"
mkdir "$work/tests"
add() { printf '%s\n' "$2" >> "$work/$1"; }
add app/core/pack/content.cpp '#include "ui/app.h"'
add app/core/pack/markdown.cpp '#include "core/counts/counts.h"'
add app/core/counts/events.cpp '#include "core/session/session.h"'
add app/text/shaper.cpp '#include <imgui.h>'
add app/core/i18n/i18n.cpp '#include <png.h>'
add app/ui/views/page_view.cpp '#include "../theme.h"'
add app/ui/focus.cpp '#include "platform/host.h"'
add tools/pack/lint.cpp '#include "ui/widgets.h"'
add app/ui/widgets.cpp '#include "shell/shown_pack.h"'
add app/shell/shown_pack.cpp '#include "platform/kiosk_loop.h"'
add app/platform/window_size.cpp '#include "cli/options.h"'
if out=$(bash "$src/tools/layering.sh" "$work"); then
  echo "FAIL: layering.sh passed a tree with forbidden includes: $out"; exit 1
fi
expect() {
  grep -qF "$1" <<<"$out" || { echo "FAIL: not refused: $1"; echo "$out"; exit 1; }
}
expect 'app/core/pack/content.cpp:'
expect '"ui/app.h": app/core/pack may not include it'
expect '"core/counts/counts.h": app/core/pack may not include it'
expect '"core/session/session.h": app/core/counts may not include it'
expect 'app/text/shaper.cpp:'
expect '<imgui.h> is a window or ImGui header'
expect '<png.h> is a media codec'
expect '"../theme.h" is relative'
expect '"platform/host.h": app/ui may not include it'
expect '"ui/widgets.h": the pack tool links core, text and media, never ui or platform'
expect '"shell/shown_pack.h": app/ui may not include it'
expect '"platform/kiosk_loop.h": app/shell may not include it'
expect '"cli/options.h": app/platform may not include it'
[ "$(wc -l <<<"$out")" -eq 11 ] || { echo "FAIL: expected 11 breaches, got: $out"; exit 1; }
echo "ok: layering.sh names all 11 breaches"
