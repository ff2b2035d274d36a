// everyvoice-kiosk --check, the checks that need no window: each failing case a venue may meet.
#include <unistd.h>

#include "core/kiosk/self_check.h"
#include "core/session/admin_pin.h"
#include "signing_support.h"

using namespace evtest;
using ev::CheckResult;

namespace {

// Wall-clock time chosen by the test: a kiosk whose clock was never set.
struct ClockAt final : ev::Clock {
    std::int64_t unix;
    explicit ClockAt(std::int64_t u) : unix(u) {}
    ev::Millis now() const override { return ev::Millis(0); }
    std::int64_t unixSeconds() const override { return unix; }
};

struct Kiosk {
    TempDir dir;
    fs::path state = dir.path / "state";
    ev::SelfCheckSettings settings;
    ev::OffsetClock clock{true};
    Kiosk() {
        fs::create_directories(state / "trusted-keys");
        settings.stateDir = state;
        settings.trustedKeys = state / "trusted-keys";
        settings.pack = buildPack(dir.path, 7);
        settings.reserveBytes = 1 << 20;
        fs::copy_file(makeKey(dir.path / "key").pub, state / "trusted-keys/comms.pub");
        ev::AdminPin::store(state, "2468");
    }
    std::vector<CheckResult> run(const ev::Clock& c) const { return ev::runCoreChecks(settings, c).results; }
    std::vector<CheckResult> run() const { return run(clock); }
};

const CheckResult& named(const std::vector<CheckResult>& results, const std::string& name) {
    for (const CheckResult& r : results)
        if (r.name == name) return r;
    FAIL("no check named " << name);
    throw;
}

std::string lines(const std::vector<CheckResult>& results) {
    std::string out;
    for (const CheckResult& r : results) out += ev::checkLine(r) + "\n";
    return out;
}

} // namespace

TEST_CASE("self-check: a kiosk set up as the deployment guide says passes every check") {
    Kiosk k;
    const auto results = k.run();
    INFO(lines(results));
    CHECK_FALSE(ev::anyFailed(results));
    for (const char* name : {"pack", "trusted keys", "state folder", "counts", "pin", "clock"})
        CHECK(named(results, name).level == CheckResult::Level::Pass);
    CHECK(ev::checkLine(named(results, "pin")) == "ok   pin: set");
}

TEST_CASE("self-check: no PIN fails and says how to set one") {
    Kiosk k;
    fs::remove(k.state / ev::AdminPin::kFileName);
    const auto results = k.run();
    CHECK(ev::anyFailed(results));
    CHECK(named(results, "pin").level == CheckResult::Level::Fail);
    CHECK(named(results, "pin").detail.find("--set-admin-pin") != std::string::npos);
}

TEST_CASE("self-check: a state folder that cannot be written fails") {
    Kiosk k;
    SECTION("read-only folder") {
        fs::permissions(k.state, fs::perms::owner_read | fs::perms::owner_exec);
        // root writes through permissions: the immutable flag stops it too
        const bool root = ::geteuid() == 0;
        if (root) REQUIRE(evtest::run("chattr +i " + quote(k.state.string())).status == 0);
        const auto results = k.run();
        if (root) evtest::run("chattr -i " + quote(k.state.string()));
        CHECK(named(results, "state folder").level == CheckResult::Level::Fail);
        CHECK(named(results, "state folder").detail.find("not writable") != std::string::npos);
    }
    SECTION("free space below the reserve") {
        k.settings.reserveBytes = std::numeric_limits<std::uintmax_t>::max();
        const auto results = k.run();
        CHECK(named(results, "state folder").level == CheckResult::Level::Fail);
        CHECK(named(results, "state folder").detail.find("below the") != std::string::npos);
    }
}

TEST_CASE("self-check: a trusted key file that is not a minisign key fails and is named") {
    Kiosk k;
    writeFile(k.state / "trusted-keys/broken.pub", "untrusted comment: minisign public key\nnot base64 at all\n");
    const auto results = k.run();
    CHECK(named(results, "trusted keys").level == CheckResult::Level::Fail);
    CHECK(named(results, "trusted keys").detail.find("broken.pub") != std::string::npos);
}

TEST_CASE("self-check: no trusted key is a warning, not a failure") {
    Kiosk k;
    fs::remove(k.state / "trusted-keys/comms.pub");
    const auto results = k.run();
    CHECK(named(results, "trusted keys").level == CheckResult::Level::Warn);
    CHECK_FALSE(ev::anyFailed(results));
}

TEST_CASE("self-check: a clock before the pack's build day fails") {
    Kiosk k;
    const auto results = k.run(ClockAt(0)); // 1970: a kiosk with no clock battery and no time server
    CHECK(named(results, "clock").level == CheckResult::Level::Fail);
    CHECK(named(results, "clock").detail.find("1970-01-01") != std::string::npos);
    CHECK(named(k.run(), "clock").level == CheckResult::Level::Pass);
}

TEST_CASE("self-check: a damaged counts database fails quick_check") {
    Kiosk k;
    writeFile(k.state / "counts.sqlite", std::string("SQLite format 3") + '\0' + std::string(4096, 'x'));
    const auto results = k.run();
    CHECK(named(results, "counts").level == CheckResult::Level::Fail);
}

TEST_CASE("self-check: a pack that does not open fails") {
    Kiosk k;
    writeFile(k.dir.path / "broken.evpack", "not a pack");
    k.settings.pack = k.dir.path / "broken.evpack";
    const auto results = k.run();
    CHECK(named(results, "pack").level == CheckResult::Level::Fail);
    CHECK(named(results, "clock").level == CheckResult::Level::Fail);
}

TEST_CASE("self-check: the admin screen's one-line summary names what failed and what warned") {
    using L = ev::CheckResult::Level;
    CHECK(ev::healthSummary({{"pin", L::Pass, "set"}, {"gl", L::Pass, "ok"}}) == "all 2 checks pass");
    CHECK(ev::healthSummary({{"pin", L::Fail, "not set"}, {"audio", L::Warn, "none"}, {"gl", L::Pass, "ok"}}) ==
          "1 failed (pin), 1 warning (audio)");
    CHECK(ev::healthSummary({{"keys", L::Warn, "none"}, {"audio", L::Warn, "none"}}) == "2 warnings (keys, audio)");
}
