#pragma once
// The counts file staff carry from a kiosk to the partnership: CSV, one row per (kiosk, UTC
// date and hour, event, pack, page, locale, audience, detail) with a count. Written by
// `counts export`, combined by `counts merge`, read by `report`. See docs/counts.md.
//
//   # everyvoice-counts v1
//   kiosk_id,venue,date,hour,event,pack,page,locale,audience,detail,count
//   3f2a...,Barking Library,2025-03-04,14,page_view,default,signs,bn,parent,,12
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ev {

inline constexpr int kCountsFormatVersion = 1;
inline constexpr std::string_view kCountsFormatName = "# everyvoice-counts v";
inline constexpr std::string_view kCountsColumns =
    "kiosk_id,venue,date,hour,event,pack,page,locale,audience,detail,count";

struct CountsCsvError : std::runtime_error {
    using std::runtime_error::runtime_error; // FILE:LINE: message
};

// A count as published: a number, or "<N" (fewer than N, suppressed).
struct CountValue {
    std::uint64_t n = 0;     // the count, or N when suppressed
    bool suppressed = false;
    std::string text() const;
    bool operator==(const CountValue&) const = default;
};

// Disclosure control applied on export (docs/counts.md, "Disclosure control").
struct Disclosure {
    std::uint64_t suppressBelow = 0; // counts below this print as "<N"; 0 = none. Default none.
    bool round5 = false;             // ONS 10-5 rule: below 10 suppressed, the rest to the nearest 5
    CountValue apply(std::uint64_t n) const;
};

struct CountRow {
    std::string kioskId, venue;
    std::string date; // UTC, YYYY-MM-DD
    int hour = 0;     // UTC, 0-23
    std::string event, pack, page, locale, audience, detail;
    CountValue count;
};

// UTC date (YYYY-MM-DD) and hour of an hour bucket (Unix seconds / 3600).
std::pair<std::string, int> dateAndHour(std::int64_t hourBucket);

// The whole file: format line, column line, one line per row.
std::string countsCsv(const std::vector<CountRow>& rows);

// Reads a counts file. Throws CountsCsvError at the first problem: not a counts file, a newer
// format version, a malformed or invalid row, a key given twice.
std::vector<CountRow> readCountsCsv(const std::filesystem::path& file);

// Combines files of counts (each as read) so that repeating a file, or adding an older export
// of the same kiosk, changes nothing: rows with the same key keep the larger count, never the
// sum. A suppressed "<N" stays suppressed unless the other is a number of at least N. Each
// kiosk's rows get the venue on its latest row. Sorted by kiosk, date, hour, event, pack,
// page, locale, audience, detail; the result does not depend on the order of the files.
std::vector<CountRow> mergeCounts(const std::vector<std::vector<CountRow>>& files);

} // namespace ev
