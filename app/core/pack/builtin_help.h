#pragma once
// The help numbers built into the kiosk, for the one case with no pack to show (none stored,
// the default pack missing or damaged): safeguarding help is still on screen. Only facts the
// services state themselves (Childline, NSPCC Helpline, Stop It Now!, 999, 101), in English,
// with the English UI strings of locales/en.toml compiled in.
#include <map>
#include <string>

#include "core/pack/content.h"

namespace ev {

Pack builtInHelpPack();

// locales/en.toml as compiled in, "section.key" -> text: what the kiosk shows for a UI string
// a pack lacks (a pack built from an old locales folder), so that a resident never sees a key.
const std::map<std::string, std::string>& builtInEnglishStrings();

} // namespace ev
