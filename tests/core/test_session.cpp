// The kiosk session: navigation, the quick exit (button and Shift x3), the idle prompt and
// reset, and what each step counts. Time is an OffsetClock frozen at start and pushed by hand.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "core/session/session.h"

using namespace ev;
using namespace std::chrono_literals;

namespace {

struct Counted {
    Event event;
    EventContext ctx;
    std::int64_t n = 1;
};

class RecordingSink final : public EventSink {
public:
    void add(Event e, const EventContext& ctx, std::int64_t n) override { events.push_back({e, ctx, n}); }
    long n(Event e) const {
        return std::count_if(events.begin(), events.end(), [&](const Counted& c) { return c.event == e; });
    }
    std::vector<Counted> events;
};

struct Fixture {
    OffsetClock clock{true};
    RecordingSink sink;
    Session session{clock, sink, SessionSettings{}};

    void wait(Millis t) {
        clock.advance(t);
        session.tick();
    }
    // Attract -> Languages -> Audience -> Topics -> Page, as a resident does it.
    void toPage(const std::string& page = "signs") {
        session.start();
        session.chooseLanguage("bn");
        session.chooseAudience(Audience::Parent);
        session.openPage(page);
    }
};

const std::vector<VisitQuestion> kQuestions{{"know_who", {"yes", "not_sure", "no"}}, {"learned", {"yes", "a_little", "no"}}};

// Brings a fresh session to `s` through the resident's flow (or goTo where no flow leads).
void reach(Fixture& f, Screen s) {
    switch (s) {
    case Screen::Attract: break;
    case Screen::Languages: f.session.start(); break;
    case Screen::Audience: f.session.start(), f.session.chooseLanguage("ur"); break;
    case Screen::Topics:
        f.session.start(), f.session.chooseLanguage("ur"), f.session.chooseAudience(Audience::Child);
        break;
    case Screen::Page: f.toPage(); break;
    case Screen::Help: f.toPage(), f.session.openHelp(); break;
    case Screen::Signpost: f.toPage(), f.session.openHelp(), f.session.openSignpost("nspcc"); break;
    case Screen::Questions: f.session.setQuestions(kQuestions), f.toPage(), f.session.home(); break;
    case Screen::Neutral: f.session.quickExit(); break;
    case Screen::Admin: f.session.goTo({Screen::Admin, {}}); break;
    case Screen::Present: f.session.present("topics:parent"); break;
    case Screen::Record: f.session.openRecord("parents"); break;
    }
    REQUIRE(f.session.screen() == s);
}

constexpr Screen kAllScreens[] = {Screen::Attract, Screen::Languages, Screen::Audience, Screen::Topics, Screen::Page,
                                  Screen::Help,    Screen::Signpost,  Screen::Questions, Screen::Neutral,
                                  Screen::Admin,   Screen::Present,   Screen::Record};

} // namespace

TEST_CASE("the resident's flow goes attract, languages, audience, topics, page", "[session]") {
    Fixture f;
    CHECK(f.session.screen() == Screen::Attract);
    CHECK(f.session.locale() == "en");
    f.session.start();
    CHECK(f.session.screen() == Screen::Languages);
    CHECK_FALSE(f.session.canGoBack());
    f.session.chooseLanguage("pl");
    CHECK(f.session.screen() == Screen::Audience);
    CHECK(f.session.locale() == "pl");
    f.session.chooseAudience(Audience::Child);
    CHECK(f.session.screen() == Screen::Topics);
    CHECK(f.session.audience() == Audience::Child);
    f.session.openPage("online-safety");
    CHECK(f.session.location() == Location{Screen::Page, "online-safety"});
    f.session.openHelp();
    CHECK(f.session.screen() == Screen::Help);

    SECTION("back retraces the visit, then stops") {
        f.session.back();
        CHECK(f.session.location() == Location{Screen::Page, "online-safety"});
        f.session.back();
        CHECK(f.session.screen() == Screen::Topics);
        f.session.back();
        CHECK(f.session.screen() == Screen::Audience);
        f.session.back();
        CHECK(f.session.screen() == Screen::Languages);
        CHECK_FALSE(f.session.canGoBack());
        f.session.back();
        CHECK(f.session.screen() == Screen::Languages);
        CHECK(f.session.locale() == "pl");
    }
    SECTION("home asks who I am again, in the same language") {
        f.session.home();
        CHECK(f.session.screen() == Screen::Audience);
        CHECK(f.session.locale() == "pl");
        CHECK_FALSE(f.session.canGoBack());
    }
    SECTION("opening help twice keeps one step of history") {
        f.session.openHelp();
        f.session.back();
        CHECK(f.session.screen() == Screen::Page);
    }
}

TEST_CASE("each step counts what it should and nothing that identifies anyone", "[session]") {
    Fixture f;
    f.toPage("signs");
    f.session.openHelp();
    REQUIRE(f.sink.events.size() == 5);
    CHECK(f.sink.events[0].event == Event::SessionStart);
    CHECK(f.sink.events[0].ctx.locale.empty());
    CHECK(f.sink.events[1].event == Event::LanguageSelected);
    CHECK(f.sink.events[1].ctx.locale == "bn");
    CHECK(f.sink.events[2].event == Event::AudienceSelected);
    CHECK(f.sink.events[2].ctx.audience == "parent");
    CHECK(f.sink.events[3].event == Event::PageView);
    CHECK(f.sink.events[3].ctx.page == "signs");
    CHECK(f.sink.events[3].ctx.locale == "bn");
    CHECK(f.sink.events[3].ctx.audience == "parent");
    CHECK(f.sink.events[4].event == Event::HelpView);
    CHECK(f.sink.events[4].ctx.page.empty());

    SECTION("going back is not a new view") {
        f.session.back();
        CHECK(f.session.screen() == Screen::Page);
        CHECK(f.sink.n(Event::PageView) == 1);
    }
}

TEST_CASE("signposts, QR codes, feedback and narration carry only their one detail", "[session]") {
    Fixture f;
    f.toPage("signs");
    f.session.playAudio(Narration::Speech);
    f.session.giveFeedback(true);
    f.session.giveFeedback(false);
    f.session.openHelp();
    f.session.openSignpost("childline");
    f.session.showQr("childline");
    REQUIRE(f.sink.events.size() == 10);
    const auto is = [&](std::size_t i, Event e, const char* page, const char* detail) {
        INFO("event " << i);
        CHECK(f.sink.events[i].event == e);
        CHECK(f.sink.events[i].ctx.page == page);
        CHECK(f.sink.events[i].ctx.detail == detail);
        CHECK(f.sink.events[i].ctx.locale == "bn");
        CHECK(f.sink.events[i].ctx.audience == "parent");
    };
    is(4, Event::AudioPlayed, "signs", "speech");
    is(5, Event::Feedback, "signs", "helpful");
    is(6, Event::Feedback, "signs", "not_helpful");
    is(8, Event::SignpostView, "", "childline");
    is(9, Event::QrShown, "", "childline");

    SECTION("a service's card opens larger, once per opening, and back returns to the help screen") {
        CHECK(f.session.screen() == Screen::Signpost);
        CHECK(f.session.location().id == "childline");
        f.session.openSignpost("childline"); // a second tap while it is open
        CHECK(f.sink.n(Event::SignpostView) == 1);
        f.session.back();
        CHECK(f.session.screen() == Screen::Help);
        f.session.goTo(parseTarget("signpost:stop-it-now")->first);
        CHECK(f.session.location() == (Location{Screen::Signpost, "stop-it-now"}));
        CHECK(f.sink.n(Event::SignpostView) == 2);
        CHECK(f.sink.events.back().ctx.detail == "stop-it-now");
    }

    SECTION("feedback away from a page counts nothing, Listen on a service's screen counts without a page") {
        f.session.giveFeedback(true);
        CHECK(f.sink.events.size() == 10);
        f.session.playAudio(Narration::Speech);
        REQUIRE(f.sink.events.size() == 11);
        is(10, Event::AudioPlayed, "", "speech");
    }
}

TEST_CASE("narration counts what played, and listening and its volume last for the visit", "[session]") {
    Fixture f;
    f.toPage("signs");
    CHECK_FALSE(f.session.listening());
    CHECK(f.session.volume() == Narrator::kVolumeDefault);
    f.session.playAudio(Narration::Recording);
    CHECK(f.sink.events.back().event == Event::AudioPlayed);
    CHECK(f.sink.events.back().ctx.detail == "recording");
    CHECK(f.session.listening());
    f.session.setVolume(Narrator::kVolumeMax + 50);
    CHECK(f.session.volume() == Narrator::kVolumeMax);
    f.session.setVolume(0);
    CHECK(f.session.volume() == Narrator::kVolumeMin);

    SECTION("the quick exit forgets them") { f.session.quickExit(); }
    SECTION("the idle reset forgets them") {
        f.wait(f.session.settings().idleLimit);
        f.wait(f.session.settings().promptTime);
        CHECK(f.session.screen() == Screen::Attract);
    }
    CHECK_FALSE(f.session.listening());
    CHECK(f.session.volume() == Narrator::kVolumeDefault);
}

TEST_CASE("changing language from the bar returns to the page, in the new language", "[session]") {
    Fixture f;
    f.toPage("signs");
    f.session.openLanguages();
    CHECK(f.session.screen() == Screen::Languages);
    CHECK(f.session.canGoBack());
    f.session.chooseLanguage("ur");
    CHECK(f.session.location() == Location{Screen::Page, "signs"});
    CHECK(f.session.locale() == "ur");
    CHECK(f.session.audience() == Audience::Parent);
    // The page read again in Urdu is a view in Urdu.
    REQUIRE(f.sink.events.back().event == Event::PageView);
    CHECK(f.sink.events.back().ctx.locale == "ur");
    // The history below the page is intact.
    f.session.back();
    CHECK(f.session.screen() == Screen::Topics);

    SECTION("from the audience screen too") {
        f.session.back();
        CHECK(f.session.screen() == Screen::Audience);
        f.session.openLanguages();
        f.session.chooseLanguage("so");
        CHECK(f.session.screen() == Screen::Audience);
        CHECK(f.session.locale() == "so");
    }
}

TEST_CASE("goTo serves --goto and links", "[session]") {
    Fixture f;
    SECTION("a link from a page pushes history") {
        f.toPage("signs");
        const auto target = parseTarget("page:online-safety");
        REQUIRE(target);
        f.session.goTo(target->first, target->second);
        CHECK(f.session.location() == Location{Screen::Page, "online-safety"});
        CHECK(f.sink.n(Event::PageView) == 2);
        f.session.back();
        CHECK(f.session.location() == Location{Screen::Page, "signs"});
    }
    SECTION("topics with an audience sets it") {
        f.session.goTo({Screen::Topics, {}}, Audience::Community);
        CHECK(f.session.screen() == Screen::Topics);
        CHECK(f.session.audience() == Audience::Community);
        CHECK(f.sink.n(Event::AudienceSelected) == 0);
    }
    SECTION("topics with no audience known asks who first") {
        f.session.goTo({Screen::Topics, {}});
        CHECK(f.session.screen() == Screen::Audience);
    }
    SECTION("attract from anywhere starts afresh without counting") {
        f.toPage();
        f.session.goTo({Screen::Attract, {}});
        CHECK(f.session.screen() == Screen::Attract);
        CHECK(f.session.locale() == "en");
        CHECK_FALSE(f.session.audience());
        CHECK_FALSE(f.session.canGoBack());
        CHECK(f.sink.n(Event::QuickExit) + f.sink.n(Event::IdleReset) == 0);
    }
    SECTION("--locale then --goto, as main does it") {
        f.session.chooseLanguage("pa");
        CHECK(f.session.screen() == Screen::Audience);
        f.session.goTo({Screen::Help, {}});
        CHECK(f.session.screen() == Screen::Help);
        CHECK(f.session.locale() == "pa");
    }
}

TEST_CASE("parseTarget knows every --goto word and nothing else", "[session]") {
    CHECK(parseTarget("attract")->first.screen == Screen::Attract);
    CHECK(parseTarget("languages")->first.screen == Screen::Languages);
    CHECK(parseTarget("audience")->first.screen == Screen::Audience);
    CHECK(parseTarget("help")->first.screen == Screen::Help);
    CHECK(parseTarget("neutral")->first.screen == Screen::Neutral);
    CHECK(parseTarget("admin")->first.screen == Screen::Admin);
    CHECK(parseTarget("questions")->first.screen == Screen::Questions);
    const auto topics = parseTarget("topics:child");
    REQUIRE(topics);
    CHECK(topics->first.screen == Screen::Topics);
    CHECK(topics->second == Audience::Child);
    CHECK(parseTarget("topics:parent")->second == Audience::Parent);
    CHECK(parseTarget("topics:community")->second == Audience::Community);
    CHECK(parseTarget("topics:teen")->second == Audience::Teen);
    CHECK_FALSE(parseTarget("topics")->second); // main names the missing audience
    const auto page = parseTarget("page:if-a-child-tells-you");
    REQUIRE(page);
    CHECK(page->first == Location{Screen::Page, "if-a-child-tells-you"});
    for (const char* bad : {"", "page:", "topics:teacher", "Attract", "attract ", "page", "home", "topics:"})
        CHECK_FALSE(parseTarget(bad));
}

TEST_CASE("the quick exit works from every screen and forgets the visit", "[session][quick-exit]") {
    for (Screen s : kAllScreens) {
        DYNAMIC_SECTION("from screen " << static_cast<int>(s)) {
            for (const bool byShift : {false, true}) {
                Fixture f;
                reach(f, s);
                const long before = f.sink.n(Event::QuickExit);
                if (byShift) {
                    for (int i = 0; i < 3; ++i) f.session.keyDown(Key::Shift);
                } else {
                    f.session.quickExit();
                }
                CHECK(f.session.screen() == Screen::Neutral);
                CHECK_FALSE(f.session.canGoBack());
                CHECK_FALSE(f.session.audience());
                CHECK(f.session.locale() == "en");
                CHECK_FALSE(f.session.idlePromptShown());
                CHECK(f.session.shiftCount() == 0);
                CHECK(f.sink.n(Event::QuickExit) == before + 1);
                REQUIRE(f.sink.events.back().event == Event::QuickExit);
                CHECK(f.sink.events.back().ctx.locale.empty());
                CHECK(f.sink.events.back().ctx.page.empty());
                // Back cannot bring the reading back.
                f.session.back();
                CHECK(f.session.screen() == Screen::Neutral);
            }
        }
    }
}

TEST_CASE("the quick exit hides the idle prompt too", "[session][quick-exit]") {
    Fixture f;
    f.toPage();
    f.wait(90s);
    REQUIRE(f.session.idlePromptShown());
    f.session.quickExit();
    CHECK_FALSE(f.session.idlePromptShown());
    CHECK(f.session.screen() == Screen::Neutral);
}

TEST_CASE("Shift three times, each within 5 s of the last, is a quick exit", "[session][shift]") {
    Fixture f;
    f.toPage();
    SECTION("three quick presses") {
        f.session.keyDown(Key::Shift);
        CHECK(f.session.shiftCount() == 1);
        f.session.keyDown(Key::Shift);
        CHECK(f.session.shiftCount() == 2);
        CHECK(f.session.screen() == Screen::Page);
        f.session.keyDown(Key::Shift);
        CHECK(f.session.screen() == Screen::Neutral);
        CHECK(f.sink.n(Event::QuickExit) == 1);
    }
    SECTION("4.9 s between presses: each press restarts the window") {
        f.session.keyDown(Key::Shift);
        f.wait(4900ms);
        f.session.keyDown(Key::Shift);
        f.wait(4900ms);
        f.session.keyDown(Key::Shift);
        CHECK(f.session.screen() == Screen::Neutral);
    }
    SECTION("exactly 5 s still counts") {
        f.session.keyDown(Key::Shift);
        f.clock.advance(5s);
        f.session.keyDown(Key::Shift);
        f.clock.advance(5s);
        f.session.keyDown(Key::Shift);
        CHECK(f.session.screen() == Screen::Neutral);
    }
    SECTION("two, a 6 s gap, then one more is not an exit") {
        f.session.keyDown(Key::Shift);
        f.session.keyDown(Key::Shift);
        f.wait(6s);
        CHECK(f.session.shiftCount() == 0); // the dots go out when the window passes
        f.session.keyDown(Key::Shift);
        CHECK(f.session.screen() == Screen::Page);
        CHECK(f.session.shiftCount() == 1);
        // ...and the count restarted at 1, so two more make the exit.
        f.session.keyDown(Key::Shift);
        CHECK(f.session.screen() == Screen::Page);
        f.session.keyDown(Key::Shift);
        CHECK(f.session.screen() == Screen::Neutral);
    }
    SECTION("a gap the loop never ticked through still resets the count") {
        f.session.keyDown(Key::Shift);
        f.session.keyDown(Key::Shift);
        f.clock.advance(5001ms);
        f.session.keyDown(Key::Shift);
        CHECK(f.session.screen() == Screen::Page);
    }
    SECTION("another key in between starts again") {
        f.session.keyDown(Key::Shift);
        f.session.keyDown(Key::Shift);
        f.session.keyDown(Key::Other);
        CHECK(f.session.shiftCount() == 0);
        f.session.keyDown(Key::Shift);
        CHECK(f.session.screen() == Screen::Page);
        CHECK(f.sink.n(Event::QuickExit) == 0);
    }
    SECTION("touches do not break the run of presses") {
        f.session.keyDown(Key::Shift);
        f.session.activity();
        f.session.keyDown(Key::Shift);
        f.session.activity();
        f.session.keyDown(Key::Shift);
        CHECK(f.session.screen() == Screen::Neutral);
    }
}

TEST_CASE("the Shift window and press count follow the settings", "[session][shift]") {
    OffsetClock clock(true);
    RecordingSink sink;
    SessionSettings s;
    s.shiftWindow = 2s;
    s.shiftPresses = 2;
    Session session(clock, sink, s);
    session.keyDown(Key::Shift);
    clock.advance(2100ms);
    session.keyDown(Key::Shift);
    CHECK(session.screen() == Screen::Attract);
    clock.advance(1900ms);
    session.keyDown(Key::Shift);
    CHECK(session.screen() == Screen::Neutral);
}

TEST_CASE("idle: a prompt after 90 s, 30 s to answer, then back to the start", "[session][idle]") {
    Fixture f;
    f.toPage();
    const long starts = f.sink.n(Event::SessionStart);
    f.wait(89'900ms);
    CHECK_FALSE(f.session.idlePromptShown());
    CHECK(f.session.promptRemaining() == 0ms);
    f.wait(100ms);
    REQUIRE(f.session.idlePromptShown());
    CHECK(f.session.promptRemaining() == 30s);
    CHECK(f.session.screen() == Screen::Page); // still there underneath, hidden by the prompt

    SECTION("continue hides it and restarts the timer") {
        f.wait(10s);
        CHECK(f.session.promptRemaining() == 20s);
        f.session.continueSession();
        CHECK_FALSE(f.session.idlePromptShown());
        CHECK(f.session.location() == Location{Screen::Page, "signs"});
        f.wait(89s);
        CHECK_FALSE(f.session.idlePromptShown());
        f.wait(1s);
        CHECK(f.session.idlePromptShown());
    }
    SECTION("any touch hides it too") {
        f.session.activity();
        CHECK_FALSE(f.session.idlePromptShown());
        f.wait(60s);
        CHECK(f.session.screen() == Screen::Page);
    }
    SECTION("unanswered, the kiosk resets and counts one idle_reset") {
        f.wait(29'900ms);
        CHECK(f.session.idlePromptShown());
        CHECK(f.session.screen() == Screen::Page);
        f.wait(100ms);
        CHECK(f.session.screen() == Screen::Attract);
        CHECK_FALSE(f.session.idlePromptShown());
        CHECK(f.session.locale() == "en");
        CHECK_FALSE(f.session.audience());
        CHECK_FALSE(f.session.canGoBack());
        CHECK(f.sink.n(Event::IdleReset) == 1);
        CHECK(f.sink.events.back().ctx.locale.empty());
        CHECK(f.sink.n(Event::SessionStart) == starts);
        // The attract screen never times out.
        f.wait(3600s);
        CHECK(f.session.screen() == Screen::Attract);
        CHECK_FALSE(f.session.idlePromptShown());
        CHECK(f.sink.n(Event::IdleReset) == 1);
    }
}

TEST_CASE("idle applies on every screen of the visit", "[session][idle]") {
    for (Screen s : {Screen::Languages, Screen::Audience, Screen::Topics, Screen::Page, Screen::Help}) {
        DYNAMIC_SECTION("screen " << static_cast<int>(s)) {
            Fixture f;
            reach(f, s);
            f.wait(90s);
            CHECK(f.session.idlePromptShown());
            f.wait(30s);
            CHECK(f.session.screen() == Screen::Attract);
            CHECK(f.sink.n(Event::IdleReset) == 1);
        }
    }
}

TEST_CASE("a late tick never leaves a reading up past idle limit + prompt time", "[session][idle]") {
    Fixture f;
    f.toPage();
    f.wait(121s); // e.g. a script's `wait 121`: one tick long after both deadlines
    CHECK(f.session.screen() == Screen::Attract);
    CHECK(f.sink.n(Event::IdleReset) == 1);
}

TEST_CASE("neutral and admin screens time out their own way", "[session][idle]") {
    Fixture f;
    SECTION("neutral goes back to attract with no prompt and no idle_reset") {
        f.toPage();
        f.session.quickExit();
        f.wait(89s);
        CHECK(f.session.screen() == Screen::Neutral);
        f.wait(1s);
        CHECK(f.session.screen() == Screen::Attract);
        CHECK_FALSE(f.session.idlePromptShown());
        CHECK(f.sink.n(Event::IdleReset) == 0);
    }
    SECTION("admin prompts, then resets without counting: staff are not visitors") {
        f.session.goTo({Screen::Admin, {}});
        f.wait(90s);
        CHECK(f.session.idlePromptShown());
        f.wait(30s);
        CHECK(f.session.screen() == Screen::Attract);
        CHECK(f.sink.n(Event::IdleReset) == 0);
    }
}

TEST_CASE("the prompt always gives at least 20 s (WCAG 2.2.1)", "[session][idle]") {
    OffsetClock clock(true);
    RecordingSink sink;
    SessionSettings s;
    s.idleLimit = 10s;
    s.promptTime = 5s;
    Session session(clock, sink, s);
    CHECK(session.settings().promptTime == 20s);
    CHECK(session.settings().idleLimit == 10s);
    session.start();
    clock.advance(10s);
    session.tick();
    REQUIRE(session.idlePromptShown());
    clock.advance(19'999ms);
    session.tick();
    CHECK(session.screen() == Screen::Languages);
    clock.advance(1ms);
    session.tick();
    CHECK(session.screen() == Screen::Attract);

    s.promptTime = -1s;
    session.setSettings(s);
    CHECK(session.settings().promptTime == SessionSettings::kMinPromptTime);
}

TEST_CASE("nextDeadline says when tick has work to do", "[session][idle]") {
    Fixture f;
    const Millis t0 = f.clock.now();
    CHECK_FALSE(f.session.nextDeadline()); // attract: nothing to wait for
    f.session.start();
    CHECK(f.session.nextDeadline() == t0 + 90s);
    f.wait(40s);
    f.session.activity();
    CHECK(f.session.nextDeadline() == t0 + 130s);
    f.wait(90s);
    REQUIRE(f.session.idlePromptShown());
    CHECK(f.session.nextDeadline() == t0 + 160s);
    f.wait(5s);
    f.session.keyDown(Key::Shift); // the dots go out 5 s after the press, before the reset
    CHECK(f.session.nextDeadline() == t0 + 140s + 1ms);
    f.wait(5001ms);
    CHECK(f.session.shiftCount() == 0);
    CHECK(f.session.nextDeadline() == t0 + 160s);
    f.clock.advance(19'999ms);
    REQUIRE(f.session.nextDeadline() == f.clock.now());
    f.session.tick();
    CHECK(f.session.screen() == Screen::Attract);
    CHECK_FALSE(f.session.nextDeadline());
    f.session.quickExit();
    CHECK(f.session.nextDeadline() == f.clock.now() + 90s);
}

TEST_CASE("a visit that read a page is asked the pack's questions once, on Home", "[session][questions]") {
    Fixture f;
    f.session.setQuestions(kQuestions);
    f.toPage();
    f.session.openHelp();
    f.session.home();
    REQUIRE(f.session.screen() == Screen::Questions);
    CHECK_FALSE(f.session.canGoBack());
    REQUIRE(f.session.question());
    CHECK(f.session.question()->id == "know_who");
    f.session.answer("maybe"); // not one of its answers: nothing counted, nothing moves
    CHECK(f.sink.n(Event::VisitAnswer) == 0);
    f.session.answer("not_sure");
    REQUIRE(f.session.question());
    CHECK(f.session.question()->id == "learned");
    f.session.answer("a_little");
    CHECK(f.session.screen() == Screen::Audience);
    CHECK_FALSE(f.session.question());
    REQUIRE(f.sink.n(Event::VisitAnswer) == 2);
    const Counted& last = f.sink.events.back();
    CHECK(last.event == Event::VisitAnswer);
    CHECK(last.ctx.detail == "learned:a_little");
    CHECK(last.ctx.locale == "bn");
    CHECK(last.ctx.audience == "parent");
    CHECK(last.ctx.page.empty());
    // The same visit reads on and goes Home again: asked once per visit.
    f.session.chooseAudience(Audience::Parent);
    f.session.openPage("signs");
    f.session.home();
    CHECK(f.session.screen() == Screen::Audience);
}

TEST_CASE("skipping is one tap, Home from the questions skips too, and nothing is counted", "[session][questions]") {
    for (const bool byHome : {false, true}) {
        Fixture f;
        reach(f, Screen::Questions);
        if (byHome) f.session.home();
        else f.session.skipQuestions();
        CHECK(f.session.screen() == Screen::Audience);
        CHECK(f.sink.n(Event::VisitAnswer) == 0);
    }
}

TEST_CASE("no questions without a page read, without questions in the pack, or for a new visit's Home", "[session][questions]") {
    Fixture f;
    f.session.setQuestions(kQuestions);
    f.session.start();
    f.session.chooseLanguage("en");
    f.session.chooseAudience(Audience::Child);
    f.session.home(); // nothing read
    CHECK(f.session.screen() == Screen::Audience);

    Fixture none;
    none.toPage();
    none.session.home(); // the pack asks nothing
    CHECK(none.session.screen() == Screen::Audience);

    // A page read by the last visitor, who left by the quick exit or walked away, does not make
    // the next one's Home ask.
    for (const bool idle : {false, true}) {
        Fixture g;
        g.session.setQuestions(kQuestions);
        g.toPage();
        if (idle) g.wait(120s);
        else g.session.quickExit();
        CHECK(g.session.screen() != Screen::Questions);
        g.session.goTo({Screen::Attract, {}});
        g.session.start();
        g.session.chooseLanguage("en");
        g.session.home();
        CHECK(g.session.screen() == Screen::Audience);
    }
}

TEST_CASE("the questions time out quietly to the start: no prompt, no idle reset", "[session][questions][idle]") {
    Fixture f;
    reach(f, Screen::Questions);
    CHECK(f.session.nextDeadline() == f.clock.now() + 30s);
    f.wait(29s);
    CHECK(f.session.screen() == Screen::Questions);
    CHECK_FALSE(f.session.idlePromptShown());
    f.wait(1s);
    CHECK(f.session.screen() == Screen::Attract);
    CHECK(f.sink.n(Event::IdleReset) == 0);
    CHECK(f.sink.n(Event::VisitAnswer) == 0);
    CHECK(f.session.locale() == "en");

}

TEST_CASE("present mode has no idle prompt and no idle reset, and counts nothing for time passing", "[session][present]") {
    Fixture f;
    reach(f, Screen::Present);
    CHECK_FALSE(f.session.nextDeadline());
    f.wait(Millis(3'600'000)); // an hour's talk without a touch
    CHECK(f.session.screen() == Screen::Present);
    CHECK_FALSE(f.session.idlePromptShown());
    CHECK(f.sink.n(Event::IdleReset) == 0);
}

TEST_CASE("the record screen left alone goes back to the start like the admin screen, uncounted", "[session][present]") {
    Fixture f;
    reach(f, Screen::Record);
    f.wait(f.session.settings().idleLimit);
    CHECK(f.session.idlePromptShown());
    f.wait(f.session.settings().promptTime);
    CHECK(f.session.screen() == Screen::Attract);
    CHECK(f.sink.n(Event::IdleReset) == 0);
}

TEST_CASE("the quick exit leaves present mode for the neutral screen", "[session][present]") {
    Fixture f;
    f.session.present("topics:parent");
    for (int i = 0; i < 3; ++i) f.session.keyDown(Key::Shift);
    CHECK(f.session.screen() == Screen::Neutral);
    CHECK(f.sink.n(Event::QuickExit) == 1);
}

TEST_CASE("a page presented is counted once per presentation as page_presented, never page_view", "[session][present]") {
    Fixture f;
    f.session.chooseLanguage("bn");
    f.session.present("plan:parents");
    f.session.presentPage("signs");
    f.session.presentPage("signs"); // the page's next step, or Back to it
    f.session.presentPage("tell");
    CHECK(f.sink.n(Event::PageView) == 0);
    REQUIRE(f.sink.n(Event::PagePresented) == 2);
    const Counted& c = f.sink.events.back();
    CHECK(c.ctx.page == "tell");
    CHECK(c.ctx.locale == "bn");
    CHECK(c.ctx.detail == "parents");
    f.session.present("topics:parent"); // a new presentation counts its pages again, with no plan
    f.session.presentPage("signs");
    CHECK(f.sink.n(Event::PagePresented) == 3);
    CHECK(f.sink.events.back().ctx.detail.empty());
    f.session.goTo({Screen::Attract, {}});
    f.session.presentPage("signs"); // not presenting
    CHECK(f.sink.n(Event::PagePresented) == 3);
}

TEST_CASE("a group session is recorded once however often it is tapped, and Undo takes it back", "[session][present]") {
    Fixture f;
    const GroupSession g{{Audience::Community, Audience::Parent}, {"en", "bn"}, 25, "parents"};
    CHECK_FALSE(f.session.recordGroupSession(g)); // not from a resident's screen
    f.session.openRecord("parents");
    CHECK(f.session.recordGroupSession(g));
    CHECK_FALSE(f.session.recordGroupSession(g)); // the second tap
    REQUIRE(f.sink.n(Event::FacilitatedSession) == 1);
    const Counted c = f.sink.events.back();
    CHECK(c.ctx.audience == "parent+community"); // in one order, whatever order they were tapped
    CHECK(c.ctx.locale == "en+bn");
    CHECK(c.ctx.detail == "25/parents");
    CHECK(c.n == 1);
    CHECK(f.session.undo(Record::GroupSession));
    CHECK(f.sink.events.back().n == -1);
    CHECK(f.sink.events.back().ctx.detail == "25/parents");
    CHECK_FALSE(f.session.undo(Record::GroupSession)); // nothing left to undo
    CHECK(f.session.recordGroupSession(g));             // after an Undo it may be recorded again
    f.session.forget(Record::GroupSession);
    CHECK_FALSE(f.session.undo(Record::GroupSession));
    CHECK(f.session.recordGroupSession({{Audience::Teen}, {"ur"}, 9, ""}));
    CHECK(f.sink.events.back().ctx.detail == "9");
    f.session.forget(Record::GroupSession);
    CHECK_FALSE(f.session.recordGroupSession({{Audience::Teen}, {"ur"}, 0, ""})); // a head count of none
    CHECK_FALSE(f.session.recordGroupSession({{}, {"ur"}, 5, ""}));               // for nobody
    CHECK_FALSE(f.session.recordGroupSession({{Audience::Teen}, {}, 5, ""}));     // in no language
}

TEST_CASE("a room's show of hands is counted with n = hands, and Undo subtracts it", "[session][present]") {
    Fixture f;
    f.session.present("plan:parents");
    CHECK(f.session.recordRoomAnswers("parents", false, {{"very", 4}, {"somewhat", 11}, {"not", 0}}));
    CHECK_FALSE(f.session.recordRoomAnswers("parents", false, {{"very", 4}}));
    REQUIRE(f.sink.n(Event::RoomAnswer) == 2); // no row for an answer nobody gave
    CHECK(f.sink.events[0].ctx.detail == "parents:before:very");
    CHECK(f.sink.events[0].n == 4);
    CHECK(f.sink.events[1].ctx.detail == "parents:before:somewhat");
    CHECK(f.sink.events[1].n == 11);
    CHECK(f.session.recordRoomAnswers("parents", true, {{"very", 20}}));
    CHECK(f.sink.events.back().ctx.detail == "parents:after:very");
    CHECK(f.session.undo(Record::RoomAfter));
    CHECK(f.sink.events.back().n == -20);
    CHECK(f.session.recorded(Record::RoomBefore));
}
