// The counts database, checked with Debian's sqlite3 command-line tool rather than with our
// own reading code: what lands on disk is what the dashboard will see.
#include <catch2/catch.hpp>

#include "support.h"

#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "core/counts/counts.h"
#include "core/counts/counts_export.h"

using namespace ev;
using evtest::TempDir;
namespace fs = std::filesystem;

namespace {

// Runs the sqlite3 CLI on `db` and returns what it printed, trailing newline removed. It waits
// for a commit in progress, as every reader of a database with a rollback journal must.
// `mustSucceed` false for a query on a damaged file, where sqlite3 exits 11 (SQLITE_CORRUPT)
// whenever the damage is met before the first row.
std::string sqlite(const fs::path& db, const std::string& sql, bool mustSucceed = true) {
    const std::string cmd = "sqlite3 -batch -cmd '.timeout 5000' " + evtest::quote(db.string()) + " " + evtest::quote(sql) + " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::string out;
    std::array<char, 4096> buf{};
    while (const std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
    const int status = ::pclose(p);
    if (mustSucceed) REQUIRE(status == 0);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

long sumOf(const fs::path& db, const std::string& where) {
    return std::stol(sqlite(db, "select coalesce(sum(n),0) from counts where " + where));
}

EventContext ctx(std::string page, std::string locale, std::string audience, std::string detail = {}) {
    return {std::move(page), std::move(locale), std::move(audience), std::move(detail)};
}

// The files in `dir` whose names start with `prefix`.
std::vector<fs::path> filesStarting(const fs::path& dir, const std::string& prefix) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().starts_with(prefix)) out.push_back(e.path());
    return out;
}

std::string contentsOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("counts land in the database, one row per hour and dimensions", "[counts]") {
    TempDir dir;
    OffsetClock clock(true);
    const fs::path state = dir.path / "state" / "nested"; // created if missing
    Counter counter(state, clock);
    counter.setPack("default");
    CHECK(counter.databasePath() == state / "counts.sqlite");
    counter.count(Event::SessionStart, {});
    counter.count(Event::PageView, ctx("signs", "bn", "parent"));
    counter.count(Event::PageView, ctx("signs", "bn", "parent"));
    REQUIRE(counter.flush());
    CHECK(counter.lastError().empty());
    const fs::path db = counter.databasePath();
    CHECK(sqlite(db, "select event, pack, page, locale, audience, n from counts order by event") ==
          "page_view|default|signs|bn|parent|2\nsession_start|default||||1");
    // The hour bucket is Unix hours, as sqlite's own clock tells them (allowing for the hour
    // turning over between the two readings).
    const long hour = std::stol(sqlite(db, "select distinct hour from counts"));
    const long sqliteHour = std::stol(sqlite(db, "select cast(strftime('%s','now') as integer) / 3600"));
    CHECK((hour == sqliteHour || hour + 1 == sqliteHour));
    CHECK(sqlite(db, "pragma journal_mode") == "delete");
    CHECK(sqlite(db, "pragma user_version") == std::to_string(Counter::kSchemaVersion));

    SECTION("the same hour adds to its row; the next hour starts a new one") {
        counter.count(Event::PageView, ctx("signs", "bn", "parent"));
        REQUIRE(counter.flush());
        CHECK(sqlite(db, "select count(*), sum(n) from counts where event = 'page_view'") == "1|3");
        clock.advance(std::chrono::hours(1));
        counter.count(Event::PageView, ctx("signs", "bn", "parent"));
        REQUIRE(counter.flush());
        CHECK(sqlite(db, "select hour, n from counts where event = 'page_view' order by hour") ==
              std::to_string(hour) + "|3\n" + std::to_string(hour + 1) + "|1");
    }
    SECTION("a later pack id goes on later counts only") {
        counter.setPack("default-v2");
        counter.count(Event::HelpView, ctx("", "en", ""));
        REQUIRE(counter.flush());
        CHECK(sqlite(db, "select pack from counts where event = 'help_view'") == "default-v2");
    }
}

TEST_CASE("a weighted count adds n, and a negative one (an Undo) never takes a row below zero", "[counts]") {
    TempDir dir;
    OffsetClock clock(true);
    Counter counter(dir.path, clock);
    const EventContext hands{"", "en", "", "parents:before:very"};
    counter.add(Event::RoomAnswer, hands, 12);
    REQUIRE(counter.flush());
    const fs::path db = counter.databasePath();
    CHECK(sqlite(db, "select event, detail, n from counts") == "room_answer|parents:before:very|12");
    counter.add(Event::RoomAnswer, hands, 5);
    REQUIRE(counter.flush());
    CHECK(sqlite(db, "select n from counts") == "17");
    counter.add(Event::RoomAnswer, hands, -17); // Undo of both: the row goes, as if never counted
    REQUIRE(counter.flush());
    CHECK(sqlite(db, "select count(*) from counts") == "0");
    counter.add(Event::RoomAnswer, hands, -3); // more undone than stored: nothing below zero
    REQUIRE(counter.flush());
    CHECK(sqlite(db, "select count(*) from counts") == "0");
    const EventContext session{"", "en+bn", "parent+community", "25/parents"};
    counter.count(Event::FacilitatedSession, session);
    counter.add(Event::FacilitatedSession, session, -1); // undone within the same second
    counter.count(Event::FacilitatedSession, session);
    REQUIRE(counter.flush());
    CHECK(sqlite(db, "select locale, audience, detail, n from counts") == "en+bn|parent+community|25/parents|1");
    counter.add(Event::FacilitatedSession, session, -1);
    REQUIRE(counter.flush());
    CHECK(sqlite(db, "select count(*) from counts") == "0");
}

TEST_CASE("1000 mixed events aggregate into the right rows", "[counts]") {
    TempDir dir;
    OffsetClock clock(true);
    const char* pages[] = {"signs", "online-safety", "what-is-abuse"};
    const char* locales[] = {"en", "bn", "ur", "pl", "yo"};
    const char* audiences[] = {"child", "parent", "community", ""};
    const Event events[] = {Event::PageView, Event::HelpView, Event::QuickExit, Event::LanguageSelected};
    std::map<std::string, long> expected; // "event|page|locale|audience" -> n
    fs::path db;
    {
        Counter counter(dir.path, clock);
        counter.setPack("p");
        for (int i = 0; i < 1000; ++i) {
            const Event e = events[i % 4];
            const EventContext c = ctx(pages[(i / 4) % 3], locales[i % 5], audiences[(i / 7) % 4]);
            counter.count(e, c);
            ++expected[std::string(eventName(e)) + "|" + c.page + "|" + c.locale + "|" + c.audience];
            if (i == 500) REQUIRE(counter.flush()); // split over two commits
        }
        db = counter.databasePath();
    } // the destructor commits the rest
    std::string want;
    for (const auto& [k, n] : expected) want += (want.empty() ? "" : "\n") + k + "|" + std::to_string(n);
    // The CLI sorts with SQLite's BINARY collation, which for these ASCII strings is std::map's.
    CHECK(sqlite(db, "select event || '|' || page || '|' || locale || '|' || audience, n from counts "
                     "order by 1") == want);
    CHECK(sqlite(db, "select sum(n) from counts") == "1000");
}

TEST_CASE("the writer commits within about a second without being asked", "[counts]") {
    TempDir dir;
    OffsetClock clock(true);
    Counter counter(dir.path, clock);
    counter.count(Event::SessionStart, {});
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    long n = 0;
    while ((n = sumOf(counter.databasePath(), "event = 'session_start'")) == 0 &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(n == 1);
}

TEST_CASE("counts that cannot be stored are kept in memory, and the admin screen is told why", "[counts]") {
    TempDir dir;
    OffsetClock clock(true);
    const fs::path file = dir.path / "a-file";
    std::ofstream(file) << "not a folder";
    // Each of these once stopped the kiosk from starting: no safeguarding content at all.
    const auto keptInMemory = [&](const fs::path& stateDir, const std::string& why) {
        Counter counter(stateDir, clock);
        const std::string warning = counter.setAsideWarning();
        CHECK_THAT(warning, Catch::Contains(why) && Catch::Contains("kept in memory only"));
        CHECK(warning.find('\n') == std::string::npos);
        counter.count(Event::HelpView, {});
        CHECK_FALSE(counter.flush());
    };
    SECTION("a path under a regular file") { keptInMemory(file / "state", (file / "state").string()); }
    SECTION("the state folder is a regular file") { keptInMemory(file, file.string()); }
    SECTION("counts.sqlite is a folder") {
        fs::create_directory(dir.path / "counts.sqlite");
        keptInMemory(dir.path, "not a regular file");
    }
    SECTION("counts.sqlite is a link to /dev/null") {
        fs::create_symlink("/dev/null", dir.path / "counts.sqlite");
        keptInMemory(dir.path, "not a regular file");
        CHECK(fs::is_symlink(dir.path / "counts.sqlite"));
    }
}

TEST_CASE("a counts database that fails quick_check is set aside, not written into", "[counts]") {
    TempDir dir;
    OffsetClock clock(true);
    const fs::path db = dir.path / "counts.sqlite";
    {
        Counter counter(dir.path, clock);
        for (int i = 0; i < 400; ++i) counter.count(Event::PageView, ctx("page-" + std::to_string(i) + std::string(60, 'p'), "en", "child"));
        REQUIRE(counter.flush());
    }
    sqlite(db, "pragma wal_checkpoint(truncate)");
    REQUIRE(fs::file_size(db) > 12'000);
    // 2,000 zero bytes in the middle: once unnoticed, while 221 counts vanished.
    {
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(fs::file_size(db) / 2));
        const std::string zeros(2000, '\0');
        f.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
    }
    REQUIRE(sqlite(db, "pragma quick_check", false) != "ok");
    {
        Counter counter(dir.path, clock);
        CHECK_THAT(counter.setAsideWarning(), Catch::Contains("quick_check"));
        counter.count(Event::HelpView, {});
        REQUIRE(counter.flush());
    }
    CHECK(filesStarting(dir.path, "counts.sqlite.corrupt-").size() == 1);
    CHECK(sqlite(db, "pragma integrity_check") == "ok");
    CHECK(sumOf(db, "event = 'help_view'") == 1);
    CHECK(countsDamageWarning(dir.path).empty());
    // An export from the damaged file (a copied state folder) says so.
    const fs::path copy = dir.path / "copy";
    fs::create_directories(copy);
    fs::copy_file(filesStarting(dir.path, "counts.sqlite.corrupt-")[0], copy / "counts.sqlite");
    CHECK_THAT(countsDamageWarning(copy), Catch::Contains("is damaged") && Catch::Contains("may lack counts"));
}

TEST_CASE("a counts table of another shape at the current version is set aside", "[counts]") {
    TempDir dir;
    OffsetClock clock(true);
    sqlite(dir.path / "counts.sqlite", "create table counts(x); pragma user_version = 2");
    Counter counter(dir.path, clock);
    CHECK_THAT(counter.setAsideWarning(), Catch::Contains("not the counts table"));
    counter.count(Event::HelpView, {});
    CHECK(counter.flush());
}

TEST_CASE("a counts database from a newer kiosk is set aside untouched and a new one started", "[counts]") {
    TempDir dir;
    OffsetClock clock(true);
    const fs::path db = dir.path / "counts.sqlite";
    sqlite(db, "create table counts(x); insert into counts values(42); pragma user_version = 99");
    const std::string before = contentsOf(db);
    {
        Counter counter(dir.path, clock);
        CHECK_THAT(counter.setAsideWarning(), Catch::Contains("newer"));
        counter.count(Event::HelpView, {});
        REQUIRE(counter.flush());
    }
    const auto aside = filesStarting(dir.path, "counts.sqlite.newer-");
    REQUIRE(aside.size() == 1);
    CHECK(contentsOf(aside[0]) == before);
    CHECK(sqlite(aside[0], "pragma user_version") == "99");
    CHECK(sqlite(db, "pragma user_version") == std::to_string(Counter::kSchemaVersion));
    CHECK(sumOf(db, "event = 'help_view'") == 1);
}

namespace {
// How many times `text` occurs in the raw bytes of every file in `dir`.
int copiesOnDisk(const fs::path& dir, const std::string& text) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string bytes = contentsOf(e.path());
        for (auto at = bytes.find(text); at != std::string::npos; at = bytes.find(text, at + 1)) ++n;
    }
    return n;
}
} // namespace

// No visit's path on disk (docs/counts.md): a row's earlier counts are not kept in a log, a
// journal or the database's free space once a commit is over.
TEST_CASE("after each commit the files hold one copy of each row, no log and no journal", "[counts][trail]") {
    TempDir dir;
    OffsetClock clock(true);
    Counter counter(dir.path, clock);
    counter.setPack("default");
    for (int i = 0; i < 20; ++i) {
        counter.count(Event::PageView, ctx("trail-page", "bn", "parent"));
        if (i % 3 == 0) counter.count(Event::HelpView, ctx("", "bn", "parent-" + std::to_string(i)));
        REQUIRE(counter.flush());
        INFO("commit " << i);
        CHECK(filesStarting(dir.path, "counts.sqlite") == std::vector<fs::path>{counter.databasePath()});
        CHECK(copiesOnDisk(dir.path, "page_viewdefaulttrail-pagebnparent") == 1);
    }
    CHECK(sumOf(counter.databasePath(), "page = 'trail-page'") == 20);
}

TEST_CASE("a database an older kiosk kept in WAL mode leaves it, its log and old rows gone", "[counts][trail]") {
    TempDir dir;
    OffsetClock clock(true);
    const fs::path db = dir.path / "counts.sqlite";
    // Schema 2 in WAL mode, a row rewritten many times and one deleted, as the log keeps them.
    std::string sql = "pragma journal_mode=wal; " + std::string(Counter::kSchema) + "; pragma user_version=2; "
                      "insert into counts values(480000, 'page_view', 'default', 'gone-page', 'en', '', '', 1); "
                      "delete from counts; ";
    for (int i = 1; i <= 30; ++i)
        sql += "insert into counts values(480000, 'page_view', 'default', 'old-page', 'en', '', '', " + std::to_string(i) +
               ") on conflict do update set n = excluded.n; ";
    sqlite(db, sql);
    {
        Counter counter(dir.path, clock);
        CHECK(counter.setAsideWarning().empty());
        REQUIRE(counter.flush());
        CHECK(filesStarting(dir.path, "counts.sqlite") == std::vector<fs::path>{db});
    }
    CHECK(sqlite(db, "pragma journal_mode") == "delete");
    CHECK(sqlite(db, "select n from counts where page = 'old-page'") == "30");
    CHECK(copiesOnDisk(dir.path, "page_viewdefaultold-pageen") == 1);
    CHECK(copiesOnDisk(dir.path, "gone-page") == 0);
}

TEST_CASE("a version 1 database is migrated in place, its counts kept", "[counts][migration]") {
    TempDir dir;
    OffsetClock clock(true);
    const fs::path db = dir.path / "counts.sqlite";
    // Version 1 exactly as the first kiosk release created it.
    sqlite(db, "pragma journal_mode=wal; "
               "CREATE TABLE counts(hour INTEGER NOT NULL, event TEXT NOT NULL, pack TEXT NOT NULL, "
               "page TEXT NOT NULL, locale TEXT NOT NULL, audience TEXT NOT NULL, n INTEGER NOT NULL, "
               "PRIMARY KEY(hour, event, pack, page, locale, audience)) WITHOUT ROWID; "
               "insert into counts values(480000, 'page_view', 'default', 'signs', 'bn', 'parent', 7); "
               "insert into counts values(480001, 'quick_exit', 'default', '', '', '', 2); "
               "pragma user_version = 1");
    {
        Counter counter(dir.path, clock);
        CHECK(counter.setAsideWarning().empty());
        counter.setPack("default");
        counter.count(Event::Feedback, ctx("signs", "bn", "parent", "helpful"));
        REQUIRE(counter.flush());
    }
    CHECK(sqlite(db, "pragma user_version") == "2");
    CHECK(sqlite(db, "pragma integrity_check") == "ok");
    CHECK(sqlite(db, "select type || ' ' || name from sqlite_master") == "table counts");
    CHECK(sqlite(db, "select hour, event, page, detail, n from counts where hour < 480002 order by hour") ==
          "480000|page_view|signs||7\n480001|quick_exit|||2");
    CHECK(sqlite(db, "select detail, n from counts where event = 'feedback'") == "helpful|1");
    CHECK(filesStarting(dir.path, "counts.sqlite.").empty());

    SECTION("the primary key now includes detail: two answers are two rows") {
        {
            Counter counter(dir.path, clock);
            counter.setPack("default");
            counter.count(Event::Feedback, ctx("signs", "bn", "parent", "not_helpful"));
            counter.count(Event::Feedback, ctx("signs", "bn", "parent", "helpful"));
        }
        CHECK(sqlite(db, "select detail, n from counts where event = 'feedback' order by detail") ==
              "helpful|2\nnot_helpful|1");
    }
}

TEST_CASE("a failed migration leaves version 1 as it was", "[counts][migration]") {
    TempDir dir;
    OffsetClock clock(true);
    const fs::path db = dir.path / "counts.sqlite";
    // A leftover table with the name the migration needs makes it fail half-way.
    sqlite(db, "CREATE TABLE counts(hour INTEGER NOT NULL, event TEXT NOT NULL, pack TEXT NOT NULL, "
               "page TEXT NOT NULL, locale TEXT NOT NULL, audience TEXT NOT NULL, n INTEGER NOT NULL, "
               "PRIMARY KEY(hour, event, pack, page, locale, audience)) WITHOUT ROWID; "
               "create table counts_v1(x); "
               "insert into counts values(480000, 'page_view', 'default', 'signs', 'bn', 'parent', 7); "
               "pragma user_version = 1");
    CHECK_THAT(Counter(dir.path, clock).setAsideWarning(), Catch::Contains("kept in memory only"));
    CHECK(sqlite(db, "pragma user_version") == "1");
    CHECK(sqlite(db, "select n from counts") == "7");
}

TEST_CASE("a damaged counts database is set aside, not deleted, and a new one started", "[counts]") {
    TempDir dir;
    OffsetClock clock(true);
    const std::string junk(8192, 'x');
    std::ofstream(dir.path / "counts.sqlite", std::ios::binary) << junk;
    {
        Counter counter(dir.path, clock);
        CHECK_THAT(counter.setAsideWarning(), Catch::Contains("corrupt-"));
        counter.count(Event::HelpView, {});
        REQUIRE(counter.flush());
    }
    const auto aside = filesStarting(dir.path, "counts.sqlite.corrupt-");
    REQUIRE(aside.size() == 1);
    CHECK(contentsOf(aside[0]) == junk);
    CHECK(sumOf(dir.path / "counts.sqlite", "event = 'help_view'") == 1);
    CHECK(sqlite(dir.path / "counts.sqlite", "pragma integrity_check") == "ok");
}

TEST_CASE("a full disk keeps counts in memory until there is room", "[counts]") {
    TempDir dir;
    OffsetClock clock(true);
    Counter counter(dir.path, clock);
    counter.count(Event::SessionStart, {});
    REQUIRE(counter.flush());
    const fs::path db = counter.databasePath();

    counter.simulateFullDisk(1); // no more pages than the database has now
    // Distinct long page ids need new pages; the count() calls must not notice anything.
    for (int i = 0; i < 300; ++i) counter.count(Event::PageView, ctx("page-" + std::to_string(i) + std::string(100, 'p'), "en", "child"));
    CHECK_FALSE(counter.flush());
    CHECK_THAT(counter.lastError(), Catch::Contains("full"));
    CHECK(sumOf(db, "event = 'page_view'") == 0);
    // Counting goes on while the disk is full, and a second failed try loses nothing.
    counter.count(Event::PageView, ctx("page-0" + std::string(100, 'p'), "en", "child"));
    CHECK_FALSE(counter.flush());

    counter.simulateFullDisk(0); // room made
    REQUIRE(counter.flush());
    CHECK(counter.lastError().empty());
    CHECK(sumOf(db, "event = 'page_view'") == 301);
    CHECK(sqlite(db, "select count(*) from counts where event = 'page_view'") == "300");
    CHECK(sumOf(db, "page = 'page-0" + std::string(100, 'p') + "'") == 2);
    CHECK(sumOf(db, "event = 'session_start'") == 1);
}

TEST_CASE("the database holds only the anonymous counts table", "[counts][privacy]") {
    TempDir dir;
    OffsetClock clock(true);
    fs::path db;
    {
        Counter counter(dir.path, clock);
        counter.count(Event::PageView, ctx("signs", "ur", "child"));
        db = counter.databasePath();
    }
    CHECK(sqlite(db, "select type || ' ' || name from sqlite_master") == "table counts");
    CHECK(sqlite(db, "select group_concat(name || ':' || type, ',') from pragma_table_info('counts')") ==
          "hour:INTEGER,event:TEXT,pack:TEXT,page:TEXT,locale:TEXT,audience:TEXT,detail:TEXT,n:INTEGER");
    const std::string schema = sqlite(db, ".schema");
    CHECK(schema.rfind("CREATE TABLE counts(", 0) == 0);
    CHECK(schema.find("CREATE", 1) == std::string::npos);
    // The hour is the finest time kept: whole Unix hours, nowhere near seconds since 1970.
    CHECK(std::stol(sqlite(db, "select max(hour) from counts")) < 10'000'000);
}
