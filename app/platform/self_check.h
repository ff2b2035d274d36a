#pragma once
// The checks of `everyvoice-kiosk --check` that need the machine's display, fonts and sound
// (core/self_check.h has the rest). Each gives one line.
#include "core/kiosk/self_check.h"
#include "core/pack/content.h"
#include "text/engine.h"

namespace ev::platform {

// A GL context of the version the kiosk asks for is made, on a small window of the SDL2 host
// the kiosk uses (an ImGui context must exist); in a running kiosk, the context it draws with.
// Names the GL version and renderer. A warning, not a failure, where there is no display at all.
CheckResult checkGlContext();
// Every locale of the pack: its name in its own script (autonym) lays out in the locale's
// fonts with no missing glyph and gives glyphs to draw.
CheckResult checkFonts(text::Engine& engine, const Pack& pack);
// The default audio device opens (SDL). A warning, not a failure: the kiosk works silently.
CheckResult checkAudio();

} // namespace ev::platform
