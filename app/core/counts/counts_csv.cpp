#include "core/counts/counts_csv.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <tuple>
#include <unordered_map>

#include "core/counts/events.h"
#include "core/counts/kiosk_identity.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kColumns = 11;
// Longest pack, page, locale, audience or detail value a row may carry: ids, never prose.
constexpr std::size_t kMaxIdBytes = 200;
// Counts above this are not believable from one kiosk-hour, and stay clear of overflow.
constexpr std::uint64_t kMaxCount = 1'000'000'000'000ULL;

// A loop rather than find_first_of, which calls memchr on the set for every character.
bool needsQuotes(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
}

// Splits one line into fields (RFC 4180 quoting); false if the quoting is broken. An unquoted
// field is a view of the line; a quoted one, of `unquoted`, which never grows past the line's
// size so the views stay valid.
bool splitFields(std::string_view line, std::vector<std::string_view>& fields, std::string& unquoted) {
    fields.clear();
    unquoted.clear();
    unquoted.reserve(line.size());
    std::size_t i = 0;
    for (;;) {
        if (i < line.size() && line[i] == '"') {
            const std::size_t start = unquoted.size();
            ++i;
            for (;;) {
                if (i >= line.size()) return false; // unterminated quote
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        unquoted += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                unquoted += line[i++];
            }
            if (i < line.size() && line[i] != ',') return false; // text after a closing quote
            fields.push_back(std::string_view(unquoted).substr(start));
        } else {
            const std::size_t end = std::min(line.find(',', i), line.size());
            const std::string_view field = line.substr(i, end - i);
            if (field.find('"') != std::string_view::npos) return false;
            fields.push_back(field);
            i = end;
        }
        if (i >= line.size()) return true;
        ++i; // the comma
    }
}

bool parseCount(std::string_view s, std::uint64_t& n) {
    if (s.empty() || s.size() > 13) return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    return ec == std::errc() && end == s.data() + s.size() && n <= kMaxCount;
}

// The date's year, month and day, not checked as a calendar date; false if not YYYY-MM-DD.
bool dateParts(std::string_view s, std::chrono::year_month_day& out) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int y = 0, m = 0, d = 0;
    const auto num = [&](std::size_t at, std::size_t len, int& v) {
        const auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + len, v);
        return ec == std::errc() && end == s.data() + at + len;
    };
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
    out = std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(unsigned(m)), std::chrono::day(unsigned(d)));
    return true;
}

bool validId(std::string_view s) {
    if (s.size() > kMaxIdBytes) return false;
    return std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// Why the row is not a valid count, or empty. Fills `row` in place, so that reading a file
// reuses one row's strings rather than allocating each line's.
std::string checkRow(const std::vector<std::string_view>& f, CountRow& row) {
    if (f.size() != kColumns)
        return std::to_string(f.size()) + " fields, expected " + std::to_string(kColumns);
    row.kioskId = f[0];
    row.venue = f[1];
    row.date = f[2];
    row.event = f[4];
    row.pack = f[5];
    row.page = f[6];
    row.locale = f[7];
    row.audience = f[8];
    row.detail = f[9];
    if (!KioskIdentity::validInstallId(row.kioskId)) return "kiosk_id '" + row.kioskId + "' is not 32 lowercase hex digits";
    if (!KioskIdentity::validVenue(row.venue)) return "venue is too long, holds control characters or starts like a formula";
    if (!validCountsDate(row.date)) return "date '" + row.date + "' is not a YYYY-MM-DD date";
    std::uint64_t hour = 0;
    if (!parseCount(f[3], hour) || hour > 23) return "hour '" + std::string(f[3]) + "' is not 0-23";
    row.hour = static_cast<int>(hour);
    if (!eventFromName(row.event)) return "unknown event '" + row.event + "'";
    for (const std::string* s : {&row.pack, &row.page, &row.locale, &row.audience, &row.detail})
        if (!validId(*s)) return "a pack, page, locale, audience or detail value is too long or holds control characters";
    const std::string_view c = f[10];
    row.count.suppressed = !c.empty() && c[0] == '<';
    if (!parseCount(c.substr(row.count.suppressed ? 1 : 0), row.count.n) || (row.count.suppressed && row.count.n == 0))
        return "count '" + std::string(c) + "' is not a whole number or <N";
    return {};
}

auto sortKey(const CountRow& r) {
    return std::tie(r.kioskId, r.date, r.hour, r.event, r.pack, r.page, r.locale, r.audience, r.detail);
}

// The merge rule for one key; see mergeCounts.
CountValue larger(const CountValue& a, const CountValue& b) {
    if (!a.suppressed && !b.suppressed) return a.n >= b.n ? a : b;
    if (a.suppressed && b.suppressed) return a.n >= b.n ? a : b;
    const CountValue& number = a.suppressed ? b : a;
    const CountValue& hidden = a.suppressed ? a : b;
    return number.n >= hidden.n ? number : hidden;
}

} // namespace

std::string CountValue::text() const { return (suppressed ? "<" : "") + std::to_string(n); }

CountValue Disclosure::apply(std::uint64_t n) const {
    if (n < suppressBelow) return {suppressBelow, true};
    if (roundTo > 1) return {(n + roundTo / 2) / roundTo * roundTo, false};
    return {n, false};
}

void appendCsvField(std::string& out, std::string_view s) {
    if (!needsQuotes(s)) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

bool validCountsDate(std::string_view date) {
    std::chrono::year_month_day ymd;
    return dateParts(date, ymd) && ymd.ok();
}

std::chrono::sys_days countsDay(std::string_view date) {
    std::chrono::year_month_day ymd;
    dateParts(date, ymd);
    return std::chrono::sys_days{ymd};
}

std::string countsDateText(std::chrono::sys_days day) {
    const std::chrono::year_month_day ymd{day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

std::pair<std::string, int> dateAndHour(std::int64_t hourBucket) {
    const std::int64_t days = hourBucket >= 0 ? hourBucket / 24 : -((-hourBucket + 23) / 24);
    const int hour = static_cast<int>(hourBucket - days * 24);
    return {countsDateText(std::chrono::sys_days{std::chrono::days{days}}), hour};
}

CountsCsvWriter::CountsCsvWriter() {
    text_ += kCountsFormatName;
    text_ += std::to_string(kCountsFormatVersion);
    text_ += '\n';
    text_ += kCountsColumns;
    text_ += '\n';
}

void CountsCsvWriter::add(const CountRow& r) {
    const auto number = [&](std::uint64_t n) {
        char buf[24];
        text_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
    };
    appendCsvField(text_, r.kioskId);
    text_ += ',';
    appendCsvField(text_, r.venue);
    text_ += ',';
    text_ += r.date;
    text_ += ',';
    number(static_cast<std::uint64_t>(r.hour));
    for (const std::string* s : {&r.event, &r.pack, &r.page, &r.locale, &r.audience, &r.detail}) {
        text_ += ',';
        appendCsvField(text_, *s);
    }
    text_ += ',';
    if (r.count.suppressed) text_ += '<';
    number(r.count.n);
    text_ += '\n';
    ++rows_;
}

std::string countsCsv(const std::vector<CountRow>& rows) {
    CountsCsvWriter out;
    for (const CountRow& r : rows) out.add(r);
    return out.take();
}

CountsCsvReader::CountsCsvReader(const fs::path& file) : file_(file), buffer_(std::size_t(1) << 20, '\0') {
    in_ = std::fopen(file.c_str(), "rb");
    if (!in_) throw error(1, "cannot open the file");
    std::string_view line;
    if (!nextLine(line)) throw error(1, "empty file");
    if (!line.starts_with(kCountsFormatName))
        throw error(1, "not an Every Voice counts file (it should begin '" + std::string(kCountsFormatName) +
                           std::to_string(kCountsFormatVersion) + "')");
    int version = 0;
    const std::string_view v = line.substr(kCountsFormatName.size());
    const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), version);
    if (ec != std::errc() || p != v.data() + v.size() || version < 1)
        throw error(1, "unreadable format version '" + std::string(v) + "'");
    if (version > kCountsFormatVersion)
        throw error(1, "format version " + std::to_string(version) + " is newer than this tool reads (" +
                           std::to_string(kCountsFormatVersion) + "); use a newer everyvoice-pack");
    if (!nextLine(line)) throw error(1, "no column line");
    if (line != kCountsColumns) throw error(2, "the columns should be " + std::string(kCountsColumns));
}

CountsCsvReader::~CountsCsvReader() {
    if (in_) std::fclose(in_);
}

CountsCsvError CountsCsvReader::error(std::size_t line, const std::string& message) const {
    return CountsCsvError(file_.string() + ":" + std::to_string(line) + ": " + message);
}

bool CountsCsvReader::nextLine(std::string_view& line) {
    for (;;) {
        const std::string_view rest(buffer_.data() + begin_, end_ - begin_);
        std::size_t length = rest.find('\n');
        if (length == std::string_view::npos && eof_) {
            if (rest.empty()) return false;
            length = rest.size(); // a last line without its newline
        }
        if (length != std::string_view::npos) {
            line = rest.substr(0, length);
            begin_ += std::min(length + 1, rest.size());
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            ++lineNo_;
            return true;
        }
        // No whole line left: keep the part read, and read on (a longer line grows the buffer).
        std::memmove(buffer_.data(), rest.data(), rest.size());
        begin_ = 0;
        end_ = rest.size();
        if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
        end_ += std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, in_);
        if (std::ferror(in_)) throw error(lineNo_ + 1, "cannot read the file");
        eof_ = std::feof(in_);
    }
}

bool CountsCsvReader::readRow(CountRow& row) {
    std::string_view line;
    if (!nextLine(line)) return false;
    if (!splitFields(line, fields_, unquoted_)) throw error(lineNo_, "broken quoting");
    if (const std::string why = checkRow(fields_, row); !why.empty()) throw error(lineNo_, why);
    ++rows_;
    return true;
}

bool CountsCsvReader::next(CountRow& row) {
    if (!readRow(row)) {
        if (repeat_) throw error(repeat_, "the same count is already on line " + std::to_string(repeated_));
        if (unsorted_) checkRepeatsOfUnsorted();
        return false;
    }
    // Once a key is found twice, or the order is broken, nothing later changes the answer.
    if (!repeat_ && !unsorted_) {
        if (rows_ > 1) {
            const auto order = sortKey(row) <=> sortKey(previous_);
            if (order == 0) {
                repeat_ = lineNo_;
                repeated_ = lineNo_ - 1;
            }
            unsorted_ = order < 0;
        }
        previous_ = row;
    }
    return true;
}

// A file out of the order export and merge write (edited by hand, say): its keys are held,
// one string each, in a second reading, to find the first line whose key came before.
void CountsCsvReader::checkRepeatsOfUnsorted() {
    CountsCsvReader again(file_);
    std::unordered_map<std::string, std::size_t> firstLine;
    CountRow row;
    std::string key;
    while (again.readRow(row)) {
        key.clear();
        for (const std::string* s : {&row.kioskId, &row.date, &row.event, &row.pack, &row.page, &row.locale, &row.audience,
                                     &row.detail}) {
            key += *s;
            key += '\0'; // a value never holds a control character
        }
        key += static_cast<char>(row.hour);
        const auto [at, added] = firstLine.try_emplace(key, again.lineNo_);
        if (!added) throw error(again.lineNo_, "the same count is already on line " + std::to_string(at->second));
    }
}

std::vector<CountRow> readCountsCsv(const fs::path& file) {
    CountsCsvReader in(file);
    std::vector<CountRow> rows;
    for (CountRow row; in.next(row);) rows.push_back(row);
    return rows;
}

std::vector<CountRow> mergeCounts(const std::vector<std::vector<CountRow>>& files) {
    // Rows are sorted by reference: a row is a dozen strings, costly to move. Each file is
    // sorted already, and a merge sort takes such runs as they are.
    std::vector<const CountRow*> all;
    std::size_t total = 0;
    for (const auto& rows : files) total += rows.size();
    all.reserve(total);
    for (const auto& rows : files)
        for (const CountRow& r : rows) all.push_back(&r);
    std::stable_sort(all.begin(), all.end(), [](const CountRow* a, const CountRow* b) { return sortKey(*a) < sortKey(*b); });
    std::vector<CountRow> out;
    out.reserve(all.size());
    for (const CountRow* p : all) {
        const CountRow& r = *p;
        if (out.empty() || sortKey(out.back()) != sortKey(r)) {
            out.push_back(r);
            continue;
        }
        CountRow& kept = out.back();
        const CountValue keep = larger(kept.count, r.count);
        // Equal counts: the label staff set later is the likelier one, and the choice must
        // not depend on the order of the files. A venue wins over none, then the greater.
        const bool tie = keep == kept.count && keep == r.count;
        if (!(keep == kept.count) ||
            (tie && std::make_pair(!r.venue.empty(), r.venue) > std::make_pair(!kept.venue.empty(), kept.venue)))
            kept = r;
    }
    // One venue per kiosk: the label on its latest row, from the export that reached furthest.
    for (std::size_t begin = 0; begin < out.size();) {
        std::size_t end = begin;
        while (end < out.size() && out[end].kioskId == out[begin].kioskId) ++end;
        const std::string venue = out[end - 1].venue;
        for (std::size_t i = begin; i < end; ++i) out[i].venue = venue;
        begin = end;
    }
    return out;
}

} // namespace ev
