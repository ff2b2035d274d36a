#pragma once
// Reading a kiosk's counts database for export, while that kiosk may still be writing to it.
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/counts/counts_csv.h"

namespace ev {

class Counter;

// The counts file of <stateDir>/counts.sqlite (schema 1 or 2), opened read-only, stamped with
// the kiosk's identity from <stateDir>/kiosk.toml and passed through `disclosure`. Sorted as
// mergeCounts sorts. Throws CountsError (one line) if either file is missing or unreadable,
// or the database is from a newer kiosk.
CountsCsvWriter exportKioskCounts(const std::filesystem::path& stateDir, const Disclosure& disclosure);

// A warning for whoever exports, when the counts database fails PRAGMA quick_check; empty when
// it passes or cannot be opened (the export then says why itself).
std::string countsDamageWarning(const std::filesystem::path& stateDir);

// How an export names the file it writes.
enum class CountsFileName {
    Given,     // `to` is the file itself (everyvoice-pack counts export -o FILE.csv)
    PerExport, // in the folder `to`, made if missing: everyvoice-counts-<first 8 of the install id>-
               // <UTC date>-<hour>h.csv, so exports of many kiosks and days sit side by side on one
               // USB stick (the admin screen)
    PerKiosk,  // in the folder `to`: everyvoice-counts-<install id>.csv, the same name each time,
               // replaced, so a sync engine sends one file per kiosk (--export-outbox)
};

struct CountsExportRequest {
    std::filesystem::path to; // a file or a folder, as `name` says
    CountsFileName name = CountsFileName::Given;
    Disclosure disclosure{};  // default none: the raw counts
    // A running kiosk's tally, committed first so the file holds every count; null for none.
    Counter* pending = nullptr;
    std::int64_t nowUnixSeconds = 0; // names a PerExport file
};

struct CountsExported {
    std::filesystem::path file; // as written
    std::size_t rows = 0;
    std::string damage; // countsDamageWarning: written, but the database needs a look
};

// The one way every export is made (admin screen, --export-outbox, `counts export`): commits
// the pending counts, names the file and replaces it atomically (a reader never sees half a
// file). Throws CountsError (one line; also when the pending counts cannot be committed) or
// FileError (nothing written).
CountsExported exportCountsFile(const std::filesystem::path& stateDir, const CountsExportRequest& request);

} // namespace ev
