#pragma once
// The installed kiosk's settings, /etc/everyvoice/kiosk.toml (the package's conffile; the
// kiosk's --config FILE). Every key is optional, and an option on the command line wins over
// its key. Example, with what each key defaults to:
//
//   state_dir = "/var/lib/everyvoice"     # counts, packs, PIN; default $XDG_STATE_HOME/everyvoice
//   venue = "Barking Library"             # label on exported counts; default: the state
//                                         # folder's kiosk.toml venue (set on the admin screen)
//   idle_limit = 90                       # seconds before "Still there?", 30 to 1800; default 90
//   mounting = "531,900"                  # panel height and bottom edge in mm; default "531,900"
//   inbox = "/var/lib/everyvoice/inbox"   # new signed packs arrive here; default none
//   outbox = "/var/lib/everyvoice/outbox" # hourly counts exports go here; default none
//   export_dir = "/media/everyvoice"      # the admin screen's "Export counts"; default STATE/exports
//   trusted_keys = "/etc/everyvoice/trusted-keys" # *.pub of pack signers; default STATE/trusted-keys
//
// Relative folders are relative to the file's own folder.
#include <filesystem>
#include <optional>
#include <string>

#include "core/settings_file.h"

namespace ev {

struct KioskConfig {
    std::optional<std::filesystem::path> stateDir, inbox, outbox, exportDir, trustedKeys;
    std::optional<std::string> venue;
    std::optional<int> idleLimitSeconds;
    std::optional<std::string> mounting; // "HEIGHT,BOTTOM" in mm, as --mounting takes it
};

// Throws ConfigError "FILE:LINE: message" for a missing file, a TOML error, an unknown key or
// a value of the wrong kind or out of range (the venue's own rules are KioskIdentity's).
KioskConfig readKioskConfig(const std::filesystem::path& file);

} // namespace ev
