#pragma once
// The counts file staff carry from a kiosk to the partnership: CSV, one row per (kiosk, UTC
// date and hour, event, pack, page, locale, audience, detail) with a count. Written by
// `counts export`, combined by `counts merge`, read by `report`. See docs/counts.md.
//
//   # everyvoice-counts v1
//   kiosk_id,venue,date,hour,event,pack,page,locale,audience,detail,count
//   3f2a...,Barking Library,2025-03-04,14,page_view,default,signs,bn,parent,,12
#include <chrono>
#include <cstdint>
#include <cstdio>
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

// Disclosure control (docs/counts.md, "Disclosure control"): on export of a file that leaves
// the partnership, and by the report on each figure it publishes. The ONS 10-5 rule is {10, 5}.
struct Disclosure {
    std::uint64_t suppressBelow = 0; // counts below this print as "<N"; 0 = none. Default none.
    std::uint64_t roundTo = 0;       // the rest to the nearest multiple of this, half up; 0 or 1 = none
    CountValue apply(std::uint64_t n) const;
};

// Appends one CSV field, quoted as RFC 4180 when it holds a comma, quote or line break.
void appendCsvField(std::string& out, std::string_view s);

struct CountRow {
    std::string kioskId, venue;
    std::string date; // UTC, YYYY-MM-DD
    int hour = 0;     // UTC, 0-23
    std::string event, pack, page, locale, audience, detail;
    CountValue count;
};

// Dates as counts files write them, YYYY-MM-DD (UTC). countsDay expects a valid one.
bool validCountsDate(std::string_view date);
std::chrono::sys_days countsDay(std::string_view date);
std::string countsDateText(std::chrono::sys_days day);

// UTC date (YYYY-MM-DD) and hour of an hour bucket (Unix seconds / 3600).
std::pair<std::string, int> dateAndHour(std::int64_t hourBucket);

// A counts file made row by row, so that its maker need not hold the rows.
class CountsCsvWriter {
public:
    CountsCsvWriter(); // the format line and the column line
    void add(const CountRow& row);
    std::size_t rows() const { return rows_; }
    std::string take() { return std::move(text_); }

private:
    std::string text_;
    std::size_t rows_ = 0;
};

// The whole file: format line, column line, one line per row.
std::string countsCsv(const std::vector<CountRow>& rows);

// Reads a counts file a row at a time, holding one row, so that a year of counts from many
// kiosks can be summed as it is read. Throws CountsCsvError at the first problem, as
// readCountsCsv says; a key given twice is reported only once every row has been checked,
// by next() at the end of the file, so a bad row after it is still the one reported.
class CountsCsvReader {
public:
    explicit CountsCsvReader(const std::filesystem::path& file); // reads the format and column lines
    ~CountsCsvReader();
    CountsCsvReader(const CountsCsvReader&) = delete;
    CountsCsvReader& operator=(const CountsCsvReader&) = delete;

    bool next(CountRow& row); // false at the end
    std::size_t rows() const { return rows_; }

private:
    bool nextLine(std::string_view& line);
    bool readRow(CountRow& row);
    void checkRepeatsOfUnsorted();
    CountsCsvError error(std::size_t line, const std::string& message) const;

    std::filesystem::path file_;
    std::FILE* in_ = nullptr;
    std::string buffer_;            // lines not yet read are at [begin_, end_)
    std::size_t begin_ = 0, end_ = 0;
    bool eof_ = false;
    std::size_t lineNo_ = 0, rows_ = 0;
    std::vector<std::string_view> fields_;
    std::string unquoted_;          // quoted fields, with "" made ", that fields_ point into
    // Files are written sorted by key, so a key given twice sits on the line after its first;
    // only a file edited out of that order needs its keys held (checkRepeatsOfUnsorted).
    CountRow previous_;
    std::size_t repeat_ = 0, repeated_ = 0; // the first line whose key is on an earlier line, and that line
    bool unsorted_ = false;
};

// Reads a whole counts file. Throws CountsCsvError at the first problem: not a counts file, a
// newer format version, a malformed or invalid row, a key given twice.
std::vector<CountRow> readCountsCsv(const std::filesystem::path& file);

// Combines files of counts (each as read) so that repeating a file, or adding an older export
// of the same kiosk, changes nothing: rows with the same key keep the larger count, never the
// sum. A suppressed "<N" stays suppressed unless the other is a number of at least N. Each
// kiosk's rows get the venue on its latest row. Sorted by kiosk, date, hour, event, pack,
// page, locale, audience, detail; the result does not depend on the order of the files.
std::vector<CountRow> mergeCounts(const std::vector<std::vector<CountRow>>& files);

} // namespace ev
