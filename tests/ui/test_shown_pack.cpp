// The pack on screen has one owner (shell/shown_pack.h), and each show() reaches all three
// that depend on it: what the App draws, the pack id the counter stamps (read back with the
// sqlite3 CLI) and the language a new visit starts in.
#include <catch2/catch.hpp>

#include "core/counts/counts.h"
#include "core/pack/pack_store.h"
#include "process.h"
#include "shell/shown_pack.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

namespace {

Pack packCalled(const std::string& id, const std::string& defaultLocale) {
    Pack p = test::samplePack();
    p.id = id;
    p.defaultLocale = defaultLocale;
    return p;
}

// The pack ids the counter has stamped on its counts, after a flush.
std::string countedPacks(Counter& counter, const std::filesystem::path& state) {
    REQUIRE(counter.flush());
    const evtest::Run r = evtest::run("sqlite3 -readonly " + evtest::quote((state / "counts.sqlite").string()) +
                                      " 'SELECT group_concat(pack) FROM (SELECT DISTINCT pack FROM counts ORDER BY pack)'");
    REQUIRE(r.status == 0);
    return r.output;
}

} // namespace

TEST_CASE("the shown pack goes to the App, the counter and the session, at start and on every show", "[shown]") {
    UiHarness h;
    evtest::TempDir state;
    Counter counter(state.path, h.clock);
    shell::ShownPack shown(packCalled("first", "en"), StartPack::kInstalled);
    shown.attach(h.app, h.session, counter);
    CHECK(&h.app.pack() == &shown.pack());
    CHECK(h.session.settings().defaultLocale == "en");
    counter.count(Event::HelpView, {});
    CHECK(countedPacks(counter, state.path) == "first\n");
    h.frames(2);

    shown.show(packCalled("second", "ur"), StartPack::kFromStore);
    CHECK(&h.app.pack() == &shown.pack());
    CHECK(h.app.pack().id == "second");
    CHECK(h.session.settings().defaultLocale == "ur");
    h.session.goTo({Screen::Attract, {}});
    CHECK(h.session.locale() == "ur");
    counter.count(Event::HelpView, {});
    CHECK(countedPacks(counter, state.path) == "first,second\n");
    h.frames(2);
}
