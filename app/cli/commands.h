#pragma once
// The kiosk's one-shot commands: each does its work without a window of its own and gives
// the process's exit status.
#include <filesystem>

#include "cli/options.h"
#include "cli/places.h"

namespace ev::cli {

// --set-admin-pin: reads the PIN from standard input and stores its hash in the state folder.
int setAdminPin(const std::filesystem::path& stateDir);
// --check: every check's line on stdout; 1 if any failed.
int selfCheck(const Options& o, const Places& places);
// --export-outbox: the counts, as one CSV file per kiosk, into the outbox.
int exportOutbox(const std::filesystem::path& stateDir, const std::filesystem::path& outbox);

} // namespace ev::cli
