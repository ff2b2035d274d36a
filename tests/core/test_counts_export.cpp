// exportCountsFile, the one way the admin screen, --export-outbox and `everyvoice-pack counts
// export` write a counts file: what it commits first, what it names the file, what it refuses.
// The file is checked against sqlite3's own sum of the database.
#include <catch2/catch.hpp>

#include "support.h"

#include <filesystem>
#include <fstream>

#include "core/counts/counts.h"
#include "core/counts/counts_export.h"
#include "core/counts/kiosk_identity.h"

using namespace ev;
using evtest::TempDir;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kNow = 1'764'900'000; // 2025-12-05 02:00 UTC

std::uint64_t fileTotal(const fs::path& csv) {
    std::uint64_t sum = 0;
    for (const CountRow& r : readCountsCsv(csv)) sum += r.count.n;
    return sum;
}

std::size_t filesIn(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

} // namespace

TEST_CASE("an export commits the running kiosk's counts first and names the file for a USB stick", "[counts-export]") {
    TempDir dir;
    OffsetClock clock(true);
    const std::string id = KioskIdentity::loadOrCreate(dir.path).installId();
    Counter counter(dir.path, clock);
    REQUIRE(counter.flush());
    for (int i = 0; i < 3; ++i) counter.count(Event::PageView, {"signs", "en", "parent", ""});
    counter.count(Event::HelpView, {});

    const fs::path stick = dir.path / "exports"; // not there yet: the default folder is made
    const CountsExported done = exportCountsFile(dir.path, {stick, CountsFileName::PerExport, {}, &counter, kNow});
    CHECK(done.file == stick / ("everyvoice-counts-" + id.substr(0, 8) + "-2025-12-05-2h.csv"));
    CHECK(fs::is_regular_file(done.file));
    CHECK(done.rows == 2);
    CHECK(done.damage.empty());
    CHECK(fileTotal(done.file) == 4);
    CHECK(std::to_string(fileTotal(done.file)) == evtest::sqlite(dir.path / "counts.sqlite", "select sum(n) from counts"));
}

TEST_CASE("an outbox export keeps one file per kiosk, replaced each time", "[counts-export]") {
    TempDir dir;
    OffsetClock clock(true);
    const std::string id = KioskIdentity::loadOrCreate(dir.path).installId();
    const fs::path outbox = dir.path / "outbox";
    fs::create_directories(outbox);
    {
        Counter counter(dir.path, clock);
        counter.count(Event::SessionStart, {});
    }
    const CountsExported first = exportCountsFile(dir.path, {outbox, CountsFileName::PerKiosk});
    CHECK(first.file == outbox / ("everyvoice-counts-" + id + ".csv"));
    {
        Counter counter(dir.path, clock);
        counter.count(Event::SessionStart, {});
    }
    const CountsExported second = exportCountsFile(dir.path, {outbox, CountsFileName::PerKiosk, {}, nullptr, kNow + 86'400});
    CHECK(second.file == first.file);
    CHECK(filesIn(outbox) == 1);
    CHECK(fileTotal(second.file) == 2);
}

TEST_CASE("an export to a named file applies disclosure control", "[counts-export]") {
    TempDir dir;
    OffsetClock clock(true);
    KioskIdentity::loadOrCreate(dir.path);
    {
        Counter counter(dir.path, clock);
        for (int i = 0; i < 3; ++i) counter.count(Event::QuickExit, {});
    }
    const fs::path out = dir.path / "for-the-partnership.csv";
    const CountsExported done = exportCountsFile(dir.path, {out, CountsFileName::Given, Disclosure{10, 5}});
    CHECK(done.file == out);
    const auto rows = readCountsCsv(out);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].count == CountValue{10, true});
}

TEST_CASE("an export that cannot commit or name its file writes nothing and says why", "[counts-export]") {
    TempDir dir;
    OffsetClock clock(true);
    const fs::path stick = dir.path / "stick";
    fs::create_directories(stick);
    SECTION("no kiosk identity") {
        { Counter(dir.path, clock).count(Event::SessionStart, {}); }
        CHECK_THROWS_AS(exportCountsFile(dir.path, {stick, CountsFileName::PerExport, {}, nullptr, kNow}), CountsError);
    }
    SECTION("the running kiosk's counts cannot be saved") {
        const fs::path file = dir.path / "a-file";
        std::ofstream(file) << "not a folder";
        Counter counter(file, clock); // keeps its counts in memory only
        counter.count(Event::SessionStart, {});
        CHECK_THROWS_WITH(exportCountsFile(file, {stick, CountsFileName::PerExport, {}, &counter, kNow}),
                          Catch::Contains("could not be saved"));
    }
    CHECK(filesIn(stick) == 0);
}
