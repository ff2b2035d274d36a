// The admin PIN: kept only as a hash, readable by its owner only, and wrong tries lock the
// keypad for a minute, then two, then four.
#include <catch2/catch.hpp>

#include "support.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/session/admin_pin.h"

using namespace ev;
using evtest::TempDir;
namespace fs = std::filesystem;

namespace {

// A wrong PIN of the right shape is hashed like the right one; a too-short one is not, which
// keeps the long tests quick, and it counts as a wrong try all the same.
void wrongTimes(AdminPin& pin, int n, const char* wrong = "0000") {
    for (int i = 0; i < n; ++i) pin.check(wrong);
}

} // namespace

TEST_CASE("a stored PIN opens with the right digits only, and the file holds no digits", "[admin-pin]") {
    TempDir dir;
    OffsetClock clock(true);
    AdminPin::store(dir.path, "482916");
    std::ifstream in(dir.path / AdminPin::kFileName);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text.find("482916") == std::string::npos);
    CHECK(text.starts_with("$argon2id$"));

    AdminPin pin(dir.path, clock);
    REQUIRE(pin.isSet());
    CHECK(pin.check("482916") == AdminPin::Result::Right);
    CHECK(pin.check("482917") == AdminPin::Result::Wrong);
    CHECK(pin.check("48291") == AdminPin::Result::Wrong);
    CHECK(pin.check("") == AdminPin::Result::Wrong);
    CHECK(pin.check("4829160") == AdminPin::Result::Wrong);
    CHECK(pin.triesLeft() == AdminPin::kTriesBeforeLock - 4);
    CHECK(pin.check("482916") == AdminPin::Result::Right);
    CHECK(pin.triesLeft() == AdminPin::kTriesBeforeLock); // a right PIN forgives the wrong ones
}

TEST_CASE("the PIN file is readable by its owner only", "[admin-pin]") {
    TempDir dir;
    AdminPin::store(dir.path / "state", "1234");
    struct stat st {};
    REQUIRE(::stat((dir.path / "state" / AdminPin::kFileName).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    AdminPin::store(dir.path / "state", "5678"); // replaced, still private
    REQUIRE(::stat((dir.path / "state" / AdminPin::kFileName).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    OffsetClock clock(true);
    AdminPin pin(dir.path / "state", clock);
    CHECK(pin.check("1234") == AdminPin::Result::Wrong);
    CHECK(pin.check("5678") == AdminPin::Result::Right);
}

TEST_CASE("only 4 to 8 digits make a PIN", "[admin-pin]") {
    TempDir dir;
    for (const char* bad : {"", "123", "123456789", "12a4", " 1234", "1234\n", "１２３４"}) {
        INFO("PIN '" << bad << "'");
        CHECK_FALSE(AdminPin::valid(bad));
        CHECK_THROWS_AS(AdminPin::store(dir.path, bad), AdminPinError);
    }
    CHECK_FALSE(fs::exists(dir.path / AdminPin::kFileName));
    CHECK(AdminPin::valid("0000"));
    CHECK(AdminPin::valid("12345678"));
}

TEST_CASE("without a stored PIN, or with a damaged file, nothing opens", "[admin-pin]") {
    TempDir dir;
    OffsetClock clock(true);
    AdminPin none(dir.path, clock);
    CHECK_FALSE(none.isSet());
    CHECK(none.whyNotSet().find("--set-admin-pin") != std::string::npos);
    CHECK(none.check("1234") == AdminPin::Result::NotSet);

    std::ofstream(dir.path / AdminPin::kFileName) << "1234\n";
    AdminPin plain(dir.path, clock);
    CHECK_FALSE(plain.isSet());
    CHECK(plain.check("1234") == AdminPin::Result::NotSet);
}

TEST_CASE("5 wrong tries lock the keypad for a minute, and each further lock doubles", "[admin-pin]") {
    TempDir dir;
    OffsetClock clock(true);
    AdminPin::store(dir.path, "2468");
    AdminPin pin(dir.path, clock);

    wrongTimes(pin, AdminPin::kTriesBeforeLock - 1);
    CHECK(pin.triesLeft() == 1);
    CHECK(pin.lockedFor() == Millis(0));
    CHECK(pin.check("1111") == AdminPin::Result::Locked);
    CHECK(pin.lockedFor() == Millis(60'000));
    // While locked even the right PIN is not looked at.
    clock.advance(Millis(59'999));
    CHECK(pin.check("2468") == AdminPin::Result::Locked);
    CHECK(pin.lockedFor() == Millis(1));
    clock.advance(Millis(1));
    CHECK(pin.lockedFor() == Millis(0));
    CHECK(pin.triesLeft() == AdminPin::kTriesBeforeLock);

    // The second lock is two minutes, the third four.
    wrongTimes(pin, AdminPin::kTriesBeforeLock);
    CHECK(pin.lockedFor() == Millis(120'000));
    clock.advance(Millis(120'000));
    wrongTimes(pin, AdminPin::kTriesBeforeLock);
    CHECK(pin.lockedFor() == Millis(240'000));
    clock.advance(Millis(240'000));

    // The right PIN ends the doubling: the next lock is a minute again.
    CHECK(pin.check("2468") == AdminPin::Result::Right);
    wrongTimes(pin, AdminPin::kTriesBeforeLock);
    CHECK(pin.lockedFor() == Millis(60'000));
}

TEST_CASE("the doubling stops at a day", "[admin-pin]") {
    TempDir dir;
    OffsetClock clock(true);
    AdminPin::store(dir.path, "2468");
    AdminPin pin(dir.path, clock);
    for (int lock = 0; lock < 40; ++lock) {
        wrongTimes(pin, AdminPin::kTriesBeforeLock, "1");
        REQUIRE(pin.lockedFor() <= AdminPin::kLongestLock);
        REQUIRE(pin.lockedFor() > Millis(0));
        clock.advance(pin.lockedFor());
    }
    wrongTimes(pin, AdminPin::kTriesBeforeLock, "1");
    CHECK(pin.lockedFor() == AdminPin::kLongestLock);
}

TEST_CASE("wrong tries and the lock survive a restart, and a clock set back does not unlock", "[admin-pin]") {
    TempDir dir;
    AdminPin::store(dir.path, "2468");
    {
        OffsetClock clock(true);
        AdminPin pin(dir.path, clock);
        wrongTimes(pin, 3);
    }
    {
        // Once, every restart gave five fresh tries.
        OffsetClock clock(true);
        AdminPin pin(dir.path, clock);
        CHECK(pin.triesLeft() == AdminPin::kTriesBeforeLock - 3);
        wrongTimes(pin, 2);
        REQUIRE(pin.lockedFor() == Millis(60'000));
    }
    {
        OffsetClock clock(true);
        clock.advance(Millis(20'000)); // 20 s later, another start
        AdminPin pin(dir.path, clock);
        // Real seconds pass between these starts too (hashing a PIN takes a while on a busy machine).
        CHECK(pin.lockedFor() > Millis(10'000));
        CHECK(pin.lockedFor() <= Millis(41'000));
        CHECK(pin.check("2468") == AdminPin::Result::Locked);
    }
    {
        OffsetClock clock(true);
        clock.advance(-Millis(3'600'000)); // the wall clock set an hour back
        AdminPin pin(dir.path, clock);
        CHECK(pin.lockedFor() == Millis(60'000));
        clock.advance(Millis(60'000));
        CHECK(pin.check("2468") == AdminPin::Result::Right);
    }
    OffsetClock clock(true);
    AdminPin pin(dir.path, clock);
    CHECK(pin.lockedFor() == Millis(0));
    CHECK(pin.triesLeft() == AdminPin::kTriesBeforeLock);
}
