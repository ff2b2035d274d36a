#pragma once
// Reading a kiosk's counts database for export, while that kiosk may still be writing to it.
#include <filesystem>

#include "core/counts/counts_csv.h"

namespace ev {

// The counts file of <stateDir>/counts.sqlite (schema 1 or 2), opened read-only, stamped with
// the kiosk's identity from <stateDir>/kiosk.toml and passed through `disclosure`. Sorted as
// mergeCounts sorts. Throws CountsError (one line) if either file is missing or unreadable,
// or the database is from a newer kiosk.
CountsCsvWriter exportKioskCounts(const std::filesystem::path& stateDir, const Disclosure& disclosure);

// A warning for whoever exports, when the counts database fails PRAGMA quick_check; empty when
// it passes or cannot be opened (the export then says why itself).
std::string countsDamageWarning(const std::filesystem::path& stateDir);

} // namespace ev
