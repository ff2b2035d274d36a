// A pack is data, never a program: packs edited with the real sqlite3 tool to hold a view, a
// trigger, a generated column, an id or version out of bounds, an oversized value, or cut
// short by one byte are refused by readPack with one line, quickly. Each case was accepted,
// or ran for ever, before the limits of docs/pack-format.md "Limits".
#include <catch2/catch.hpp>

#include <chrono>

#include "support.h"

using namespace evtest;

namespace {

fs::path buildGood(const TempDir& dir) {
    const fs::path out = dir.path / "good.evpack";
    const Run r = tool("build " + quote((kFixtures / "content/good").string()) + " -o " + quote(out.string()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    return out;
}

// A copy of good changed by sqlite3 running sql, and readPack's word on it, timed.
std::string refusalOf(const TempDir& dir, const fs::path& good, const std::string& name, const std::string& sql) {
    const fs::path file = dir.path / (name + ".evpack");
    fs::copy_file(good, file, fs::copy_options::overwrite_existing);
    const Run r = run("sqlite3 " + quote(file.string()) + " " + quote(sql));
    INFO(r.output);
    REQUIRE(r.status == 0);
    const auto start = std::chrono::steady_clock::now();
    const std::string error = packError(file);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    CHECK(error.find('\n') == std::string::npos);
    return error;
}

} // namespace

TEST_CASE("a pack holding a view, a trigger or a generated column is refused before any query runs", "[pack][limits]") {
    TempDir dir;
    const fs::path good = buildGood(dir);
    // A recursive view named like a table ran for ever while a temporary file grew.
    CHECK_THAT(refusalOf(dir, good, "view",
                         "DROP TABLE strings; CREATE VIEW strings(locale, key, value) AS WITH RECURSIVE n(i) AS "
                         "(SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT 'en', i, zeroblob(1000000) FROM n"),
               Catch::Contains("view 'strings'"));
    CHECK_THAT(refusalOf(dir, good, "trigger", "CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END"),
               Catch::Contains("trigger 't'"));
    CHECK_THAT(refusalOf(dir, good, "generated",
                         "DROP TABLE strings; CREATE TABLE strings(locale TEXT NOT NULL, key TEXT NOT NULL, "
                         "value TEXT GENERATED ALWAYS AS (hex(zeroblob(100000000))) VIRTUAL, PRIMARY KEY (locale, key))"),
               Catch::Contains("generated"));
    CHECK_THAT(refusalOf(dir, good, "extra", "CREATE TABLE extra(x)"), Catch::Contains("table 'extra'"));
}

TEST_CASE("pack_version is 1 or more and pack_id printable ASCII", "[pack][limits]") {
    TempDir dir;
    const fs::path good = buildGood(dir);
    CHECK_THAT(refusalOf(dir, good, "v0", "UPDATE meta SET value = '0' WHERE key = 'pack_version'"),
               Catch::Contains("pack_version 0 is not 1 or more"));
    CHECK_THAT(refusalOf(dir, good, "nul", "UPDATE meta SET value = 'a' || char(0) || 'b' WHERE key = 'pack_id'"),
               Catch::Contains("pack_id"));
    CHECK_THAT(refusalOf(dir, good, "slash", "UPDATE meta SET value = '../x' WHERE key = 'pack_id'"),
               Catch::Contains("pack_id '../x'"));
}

TEST_CASE("strings over their limit are refused, not drawn", "[pack][limits]") {
    TempDir dir;
    const fs::path good = buildGood(dir);
    // A 10 MB title took 1.5 GB to lay out.
    CHECK_THAT(refusalOf(dir, good, "title", "UPDATE page_text SET title = hex(zeroblob(5000000)) WHERE locale = 'en'"),
               Catch::Contains("more than the limit of 4096"));
    CHECK_THAT(refusalOf(dir, good, "body", "UPDATE page_text SET markdown = hex(zeroblob(200000)) WHERE locale = 'en'"),
               Catch::Contains("more than the limit of 262144"));
}

TEST_CASE("a pack one byte short is refused, however little it lost", "[pack][limits]") {
    TempDir dir;
    const std::string whole = readFile(buildGood(dir));
    writeFile(dir.path / "short.evpack", whole.substr(0, whole.size() - 1));
    CHECK_THAT(packError(dir.path / "short.evpack"), Catch::Contains("cut short"));
    CHECK(packError(buildGood(dir)).empty());
}
