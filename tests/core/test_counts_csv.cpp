// The counts file: what export writes, what merge and report accept, and the merge rule.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/counts/counts_csv.h"

using namespace ev;
namespace fs = std::filesystem;

namespace {

struct TempFile {
    fs::path path;
    explicit TempFile(const std::string& text) {
        std::string t = (fs::temp_directory_path() / "ev-csv-XXXXXX").string();
        const int fd = ::mkstemp(t.data());
        REQUIRE(fd >= 0);
        ::close(fd);
        path = t;
        std::ofstream(path, std::ios::binary) << text;
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove(path, ec);
    }
};

const std::string kHead = "# everyvoice-counts v1\nkiosk_id,venue,date,hour,event,pack,page,locale,audience,detail,count\n";
const std::string kA = "0123456789abcdef0123456789abcdef", kB = "fedcba9876543210fedcba9876543210";

CountRow row(const std::string& kiosk, int hour, const std::string& event, CountValue n, const std::string& detail = "") {
    CountRow r;
    r.kioskId = kiosk;
    r.venue = "Barking Library";
    r.date = "2025-03-04";
    r.hour = hour;
    r.event = event;
    r.pack = "default";
    r.page = event == "page_view" ? "signs" : "";
    r.locale = "bn";
    r.audience = "parent";
    r.detail = detail;
    r.count = n;
    return r;
}

std::string line(const CountRow& r) { return countsCsv({r}).substr(kHead.size()); }

} // namespace

TEST_CASE("hour buckets become UTC dates and hours", "[counts-csv]") {
    CHECK(dateAndHour(0) == std::pair<std::string, int>{"1970-01-01", 0});
    CHECK(dateAndHour(23) == std::pair<std::string, int>{"1970-01-01", 23});
    CHECK(dateAndHour(24) == std::pair<std::string, int>{"1970-01-02", 0});
    // 2024-02-29 13:00 UTC is Unix second 1709211600, checked with date -u -d @1709211600.
    CHECK(dateAndHour(1709211600 / 3600) == std::pair<std::string, int>{"2024-02-29", 13});
    CHECK(dateAndHour(-1) == std::pair<std::string, int>{"1969-12-31", 23});
}

TEST_CASE("disclosure control: suppression and the ONS 10-5 rule", "[counts-csv]") {
    const Disclosure none;
    CHECK(none.apply(1).text() == "1");
    const Disclosure below5{5, 0};
    CHECK(below5.apply(4).text() == "<5");
    CHECK(below5.apply(5).text() == "5");
    const Disclosure ons{10, 5};
    for (auto [n, want] : std::vector<std::pair<int, const char*>>{
             {1, "<10"}, {9, "<10"}, {10, "10"}, {12, "10"}, {13, "15"}, {17, "15"}, {18, "20"}, {1002, "1000"}, {1003, "1005"}}) {
        INFO(n);
        CHECK(ons.apply(n).text() == want);
    }
    const Disclosure stricter{20, 5};
    CHECK(stricter.apply(18).text() == "<20");
    CHECK(stricter.apply(22).text() == "20");
}

TEST_CASE("what is written reads back the same, quoting included", "[counts-csv]") {
    std::vector<CountRow> rows{row(kA, 9, "page_view", {3, false}), row(kA, 10, "feedback", {10, true}, "helpful")};
    rows[0].venue = "Becontree, \"Heathway\" Library";
    TempFile f(countsCsv(rows));
    const auto back = readCountsCsv(f.path);
    REQUIRE(back.size() == 2);
    CHECK(back[0].venue == rows[0].venue);
    CHECK(back[0].count == CountValue{3, false});
    CHECK(back[1].count == CountValue{10, true});
    CHECK(back[1].detail == "helpful");
    CHECK(countsCsv(back) == countsCsv(rows));
}

TEST_CASE("merging never double counts", "[counts-csv][merge]") {
    const std::vector<CountRow> older{row(kA, 9, "page_view", {3, false}), row(kA, 10, "quick_exit", {1, false})};
    const std::vector<CountRow> newer{row(kA, 9, "page_view", {5, false}), row(kA, 10, "quick_exit", {1, false}),
                                      row(kA, 11, "help_view", {2, false})};
    const std::vector<CountRow> other{row(kB, 9, "page_view", {7, false})};
    const auto merged = mergeCounts({older, newer, other});
    CHECK(countsCsv(merged) == countsCsv({row(kA, 9, "page_view", {5, false}), row(kA, 10, "quick_exit", {1, false}),
                                         row(kA, 11, "help_view", {2, false}), row(kB, 9, "page_view", {7, false})}));
    // Any order, any repetition, and merging a merge: the same result.
    CHECK(countsCsv(mergeCounts({other, newer, older, newer})) == countsCsv(merged));
    CHECK(countsCsv(mergeCounts({merged, older})) == countsCsv(merged));
}

TEST_CASE("suppressed counts stay suppressed and are never added", "[counts-csv][merge]") {
    const auto merge1 = [](CountValue a, CountValue b) {
        return mergeCounts({{row(kA, 9, "page_view", a)}, {row(kA, 9, "page_view", b)}})[0].count.text();
    };
    CHECK(merge1({10, true}, {10, true}) == "<10");
    CHECK(merge1({10, true}, {5, true}) == "<10");
    CHECK(merge1({10, true}, {4, false}) == "<10");  // 4 might be all of it, or not: stay hidden
    CHECK(merge1({4, false}, {10, true}) == "<10");
    CHECK(merge1({10, true}, {12, false}) == "12");  // a later count of 12 includes the hidden one
    CHECK(merge1({15, false}, {10, true}) == "15");
}

TEST_CASE("a file that is not a good counts file is refused at its line", "[counts-csv][bad-input]") {
    const std::string good = kHead + line(row(kA, 9, "page_view", {3, false}));
    const auto refused = [](const std::string& text, const std::string& where, const std::string& message) {
        TempFile f(text);
        INFO(text);
        CHECK_THROWS_WITH(readCountsCsv(f.path), Catch::StartsWith(f.path.string() + ":" + where + ": ") &&
                                                     Catch::Contains(message));
    };
    refused("", "1", "empty");
    refused("kiosk_id,venue\n", "1", "not an Every Voice counts file");
    refused("# everyvoice-counts v2\n" + kHead.substr(23), "1", "newer");
    refused("# everyvoice-counts vX\n", "1", "unreadable format version");
    refused("# everyvoice-counts v1\n", "1", "no column line");
    refused("# everyvoice-counts v1\nkiosk,venue\n", "2", "columns");
    refused(good + good.substr(kHead.size()), "4", "already on line 3");
    const std::string ok = line(row(kA, 9, "page_view", {3, false}));
    const auto replaced = [&](const std::string& from, const std::string& to) {
        std::string s = ok;
        s.replace(s.find(from), from.size(), to);
        return kHead + s;
    };
    refused(replaced(kA, "ABC"), "3", "kiosk_id");
    refused(replaced("2025-03-04", "2025-02-30"), "3", "date");
    refused(replaced(",9,", ",24,"), "3", "hour");
    refused(replaced("page_view", "visitor_seen"), "3", "unknown event");
    refused(replaced(",3\n", ",-3\n"), "3", "count");
    refused(replaced(",3\n", ",<0\n"), "3", "count");
    refused(replaced(",3\n", ",99999999999999999999\n"), "3", "count");
    refused(replaced(",3\n", ",3,4\n"), "3", "12 fields");
    refused(replaced("Barking Library", "\"Barking"), "3", "quoting");
    refused(replaced("Barking Library", "=cmd()"), "3", "venue");
    refused(kHead + "\n", "3", "1 fields");
    refused(std::string(kHead).insert(30, std::string("\0", 1)), "2", "columns");
}

TEST_CASE("random bytes never crash the reader", "[counts-csv][bad-input]") {
    std::uint32_t seed = 12345;
    for (int i = 0; i < 200; ++i) {
        std::string text = kHead + line(row(kA, 9, "page_view", {3, false}));
        for (int k = 0; k < 4; ++k) {
            seed = seed * 1664525 + 1013904223;
            text[seed % text.size()] = static_cast<char>(seed >> 24);
        }
        TempFile f(text);
        try {
            readCountsCsv(f.path);
        } catch (const CountsCsvError&) {
        }
    }
}
