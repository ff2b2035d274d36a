#include "counts_csv.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <tuple>

#include "events.h"
#include "kiosk_identity.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kColumns = 11;
// Longest pack, page, locale, audience or detail value a row may carry: ids, never prose.
constexpr std::size_t kMaxIdBytes = 200;
// Counts above this are not believable from one kiosk-hour, and stay clear of overflow.
constexpr std::uint64_t kMaxCount = 1'000'000'000'000ULL;

bool needsQuotes(std::string_view s) { return s.find_first_of(",\"\r\n") != std::string_view::npos; }

void appendField(std::string& out, std::string_view s) {
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

// Splits one line into fields (RFC 4180 quoting); false if the quoting is broken.
bool splitFields(std::string_view line, std::vector<std::string>& fields) {
    fields.clear();
    std::size_t i = 0;
    for (;;) {
        std::string field;
        if (i < line.size() && line[i] == '"') {
            ++i;
            for (;;) {
                if (i >= line.size()) return false; // unterminated quote
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += line[i++];
            }
            if (i < line.size() && line[i] != ',') return false; // text after a closing quote
        } else {
            const std::size_t end = std::min(line.find(',', i), line.size());
            field.assign(line.substr(i, end - i));
            if (field.find('"') != std::string::npos) return false;
            i = end;
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) return true;
        ++i; // the comma
    }
}

bool parseCount(std::string_view s, std::uint64_t& n) {
    if (s.empty() || s.size() > 13) return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    return ec == std::errc() && end == s.data() + s.size() && n <= kMaxCount;
}

bool validDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int y = 0, m = 0, d = 0;
    const auto num = [&](std::size_t at, std::size_t len, int& v) {
        const auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + len, v);
        return ec == std::errc() && end == s.data() + at + len;
    };
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
    return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(unsigned(m)), std::chrono::day(unsigned(d))).ok();
}

bool validId(const std::string& s) {
    if (s.size() > kMaxIdBytes) return false;
    return std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// Why the row is not a valid count, or empty.
std::string checkRow(const std::vector<std::string>& f, CountRow& row) {
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
    if (!validDate(row.date)) return "date '" + row.date + "' is not a YYYY-MM-DD date";
    std::uint64_t hour = 0;
    if (!parseCount(f[3], hour) || hour > 23) return "hour '" + f[3] + "' is not 0-23";
    row.hour = static_cast<int>(hour);
    if (!eventFromName(row.event)) return "unknown event '" + row.event + "'";
    for (const std::string* s : {&row.pack, &row.page, &row.locale, &row.audience, &row.detail})
        if (!validId(*s)) return "a pack, page, locale, audience or detail value is too long or holds control characters";
    const std::string& c = f[10];
    row.count.suppressed = !c.empty() && c[0] == '<';
    if (!parseCount(std::string_view(c).substr(row.count.suppressed ? 1 : 0), row.count.n) ||
        (row.count.suppressed && row.count.n == 0))
        return "count '" + c + "' is not a whole number or <N";
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
    const std::uint64_t below = std::max<std::uint64_t>(suppressBelow, round5 ? 10 : 0);
    if (n < below) return {below, true};
    if (round5) return {(n + 2) / 5 * 5, false}; // half-way (x.5) cannot happen: counts are whole
    return {n, false};
}

std::pair<std::string, int> dateAndHour(std::int64_t hourBucket) {
    const std::int64_t days = hourBucket >= 0 ? hourBucket / 24 : -((-hourBucket + 23) / 24);
    const int hour = static_cast<int>(hourBucket - days * 24);
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return {buf, hour};
}

std::string countsCsv(const std::vector<CountRow>& rows) {
    std::string out;
    out.reserve(rows.size() * 100 + 100);
    out += kCountsFormatName;
    out += std::to_string(kCountsFormatVersion) + "\n";
    out += kCountsColumns;
    out += '\n';
    for (const CountRow& r : rows) {
        appendField(out, r.kioskId);
        out += ',';
        appendField(out, r.venue);
        out += ',';
        out += r.date;
        out += ',';
        out += std::to_string(r.hour);
        for (const std::string* s : {&r.event, &r.pack, &r.page, &r.locale, &r.audience, &r.detail}) {
            out += ',';
            appendField(out, *s);
        }
        out += ',';
        out += r.count.text();
        out += '\n';
    }
    return out;
}

std::vector<CountRow> readCountsCsv(const fs::path& file) {
    const auto error = [&](std::size_t line, const std::string& message) {
        return CountsCsvError(file.string() + ":" + std::to_string(line) + ": " + message);
    };
    std::ifstream in(file, std::ios::binary);
    if (!in) throw error(1, "cannot open the file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw error(1, "cannot read the file");
    const std::string text = buffer.str();

    std::vector<CountRow> rows;
    std::vector<std::size_t> lines; // each row's line, to name both lines of a repeated key
    std::vector<std::string> fields;
    std::size_t lineNo = 0;
    for (std::size_t at = 0; at < text.size();) {
        ++lineNo;
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + at, end - at);
        at = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (lineNo == 1) {
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
            continue;
        }
        if (lineNo == 2) {
            if (line != kCountsColumns) throw error(2, "the columns should be " + std::string(kCountsColumns));
            continue;
        }
        if (!splitFields(line, fields)) throw error(lineNo, "broken quoting");
        CountRow row;
        if (const std::string why = checkRow(fields, row); !why.empty()) throw error(lineNo, why);
        rows.push_back(std::move(row));
        lines.push_back(lineNo);
    }
    if (lineNo < 2) throw error(std::max<std::size_t>(lineNo, 1), lineNo == 0 ? "empty file" : "no column line");
    // A key given twice: sorting brings repeats together without building a key per row.
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    // Stable: within a key, rows stay in line order.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return sortKey(rows[a]) < sortKey(rows[b]); });
    std::size_t repeat = 0, first = 0;
    for (std::size_t i = 1; i < order.size(); ++i)
        if (sortKey(rows[order[i]]) == sortKey(rows[order[i - 1]]) && (!repeat || lines[order[i]] < repeat)) {
            repeat = lines[order[i]];
            first = lines[order[i - 1]];
        }
    if (repeat) throw error(repeat, "the same count is already on line " + std::to_string(first));
    return rows;
}

std::vector<CountRow> mergeCounts(const std::vector<std::vector<CountRow>>& files) {
    std::vector<CountRow> all;
    std::size_t total = 0;
    for (const auto& rows : files) total += rows.size();
    all.reserve(total);
    for (const auto& rows : files) all.insert(all.end(), rows.begin(), rows.end());
    std::sort(all.begin(), all.end(), [](const CountRow& a, const CountRow& b) { return sortKey(a) < sortKey(b); });
    std::vector<CountRow> out;
    out.reserve(all.size());
    for (CountRow& r : all) {
        if (out.empty() || sortKey(out.back()) != sortKey(r)) {
            out.push_back(std::move(r));
            continue;
        }
        CountRow& kept = out.back();
        const CountValue keep = larger(kept.count, r.count);
        // Equal counts: the label staff set later is the likelier one, and the choice must
        // not depend on the order of the files. A venue wins over none, then the greater.
        const bool tie = keep == kept.count && keep == r.count;
        if (!(keep == kept.count) ||
            (tie && std::make_pair(!r.venue.empty(), r.venue) > std::make_pair(!kept.venue.empty(), kept.venue)))
            kept = std::move(r);
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
