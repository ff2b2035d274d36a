// The admin screen's totals: today, 7 and 30 days, by event, language and audience.
#include <catch2/catch.hpp>

#include "support.h"

#include <fstream>

#include "core/counts/counts.h"
#include "core/counts/counts_summary.h"

using namespace ev;
using evtest::TempDir;

namespace {

constexpr Millis kDay{24 * 3'600'000};

EventContext chosen(std::string locale, std::string audience) {
    return {.page = {}, .locale = std::move(locale), .audience = std::move(audience), .detail = {}};
}

std::uint64_t total(const std::vector<CountTotal>& list, const std::string& key) {
    for (const auto& t : list)
        if (t.key == key) return t.n;
    return 0;
}

} // namespace

TEST_CASE("totals for today, 7 and 30 days come from the right hours", "[counts-summary]") {
    TempDir dir;
    OffsetClock clock(true);
    Counter counter(dir.path, clock);
    // 20 days ago: in the month only.
    counter.count(Event::SessionStart, {});
    counter.count(Event::LanguageSelected, chosen("bn", ""));
    clock.advance(14 * kDay);
    // 6 days ago: in the week and the month.
    counter.count(Event::SessionStart, {});
    counter.count(Event::LanguageSelected, chosen("ur", ""));
    counter.count(Event::AudienceSelected, chosen("", "child"));
    clock.advance(6 * kDay);
    // Now: everywhere.
    for (int i = 0; i < 3; ++i) counter.count(Event::SessionStart, {});
    counter.count(Event::LanguageSelected, chosen("ur", ""));
    counter.count(Event::AudienceSelected, chosen("", "parent"));
    counter.count(Event::QuickExit, {});
    // Two sessions of 24 and one of 7: 55 people reached, not 3 and not 31.
    EventContext session;
    session.detail = "24";
    counter.count(Event::FacilitatedSession, session);
    counter.count(Event::FacilitatedSession, session);
    session.detail = "7";
    counter.count(Event::FacilitatedSession, session);
    REQUIRE(counter.flush());

    const CountsPeriods p = summariseCounts(dir.path, clock.unixSeconds());
    CHECK(p.today.peopleReached == 55);
    CHECK(p.month.peopleReached == 55);
    CHECK(total(p.today.events, "session_start") == 3);
    CHECK(total(p.today.events, "facilitated_session") == 3);
    CHECK(total(p.week.events, "session_start") == 4);
    CHECK(total(p.month.events, "session_start") == 5);
    CHECK(total(p.today.events, "quick_exit") == 1);
    CHECK(p.today.languages == std::vector<CountTotal>{{"ur", 1}});
    CHECK(p.week.languages == std::vector<CountTotal>{{"ur", 2}});
    CHECK(p.month.languages == std::vector<CountTotal>{{"ur", 2}, {"bn", 1}}); // largest first
    CHECK(p.today.audiences == std::vector<CountTotal>{{"parent", 1}});
    CHECK(p.week.audiences == std::vector<CountTotal>{{"child", 1}, {"parent", 1}});
    // Events are listed largest first.
    REQUIRE_FALSE(p.month.events.empty());
    CHECK(p.month.events.front().key == "session_start");
}

TEST_CASE("a missing or foreign counts file is one clear error", "[counts-summary]") {
    TempDir dir;
    CHECK_THROWS_WITH(summariseCounts(dir.path, 0), Catch::Contains("counts.sqlite: missing"));
    std::ofstream(dir.path / "counts.sqlite") << "not a database, just some text that is long enough";
    CHECK_THROWS_AS(summariseCounts(dir.path, 0), CountsError);
}
