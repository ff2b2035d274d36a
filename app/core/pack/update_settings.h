#pragma once
// <state-dir>/updates.toml: where the kiosk looks for new packs. Optional; --inbox DIR on the
// command line takes precedence over its inbox. Example:
//
//   # a USB stick's mount point, or a folder a sync client fills
//   inbox = "/media/kiosk/EVERYVOICE"
//   poll_seconds = 5
#include <filesystem>

#include "core/pack/pack_store.h"
#include "core/settings_file.h"

namespace ev {

// The settings in <stateDir>/updates.toml, or the defaults of PackStoreSettings when there is
// no such file. Keys: inbox (a folder; relative to the state folder if not absolute; default
// none), poll_seconds (whole seconds between looks, 1 to 3600; default 5). Throws
// ConfigError "FILE:LINE: message" for a TOML error, an unknown key or a bad value.
PackStoreSettings readUpdateSettings(const std::filesystem::path& stateDir);

} // namespace ev
