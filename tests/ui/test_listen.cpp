// "Listen" on a page, with a stand-in narrator: the controls shown while it plays, what they
// ask of the narrator, the silence at the quick exit and the idle reset, and "Still there?"
// spoken to a visitor who has been listening.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/pack/pack_reader.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::FakeNarrator;
using ev::test::UiHarness;

namespace {

struct Listening {
    UiHarness h;
    FakeNarrator narrator;
    Listening() {
        h.pack.strings["en"].insert({{"page.listen", "Listen"}, {"page.stop_listening", "Stop"}, {"page.pause", "Pause"},
                                     {"page.resume", "Continue"}, {"page.quieter", "Quieter"}, {"page.louder", "Louder"},
                                     {"page.volume", "Volume {level} of {levels}"}, {"idle.title", "Still there?"},
                                     {"idle.body", "Back to the start in {seconds} seconds."}});
        h.app.setNarrator(&narrator);
        h.session.goTo({Screen::Page, "first"}, Audience::Parent);
        h.frames(3);
    }
};

} // namespace

TEST_CASE("Listen reads the page, counts once as speech, and shows pause and volume while it plays") {
    Listening l;
    REQUIRE(l.h.has("page:listen"));
    CHECK_FALSE(l.h.has("page:pause")); // only while something plays
    CHECK_FALSE(l.h.has("page:louder"));
    l.h.tap("page:listen");
    REQUIRE(l.narrator.texts.size() == 1);
    CHECK(l.narrator.texts[0].starts_with("First page."));
    CHECK(l.narrator.tags[0] == "en");
    CHECK(std::count(l.h.sink.events.begin(), l.h.sink.events.end(), Event::AudioPlayed) == 1);
    CHECK(l.h.sink.contexts.back().detail == "speech");

    CHECK(l.h.widget("page:listen").label == "Stop");
    CHECK(l.h.widget("page:pause").label == "Pause");
    CHECK(l.h.has("page:quieter"));
    l.h.tap("page:pause");
    CHECK(l.narrator.now == Narrator::State::Paused);
    CHECK(l.h.widget("page:pause").label == "Continue");
    l.h.tap("page:pause");
    CHECK(l.narrator.now == Narrator::State::Playing);

    SECTION("volume steps up to the most and down to the least, applied to the narrator") {
        CHECK(l.narrator.volume == Narrator::kVolumeDefault);
        l.h.tap("page:louder");
        l.h.tap("page:louder");
        CHECK(l.h.session.volume() == Narrator::kVolumeMax);
        CHECK(l.narrator.volume == Narrator::kVolumeMax);
        for (int i = 0; i < 5; ++i) l.h.tap("page:quieter");
        CHECK(l.narrator.volume == Narrator::kVolumeMin);
        CHECK(l.narrator.now == Narrator::State::Playing); // still reading meanwhile
    }
    SECTION("Stop silences it and the page shows Listen alone again") {
        l.h.tap("page:listen");
        CHECK(l.narrator.now == Narrator::State::Idle);
        CHECK(l.h.widget("page:listen").label == "Listen");
        CHECK_FALSE(l.h.has("page:pause"));
        CHECK(std::count(l.h.sink.events.begin(), l.h.sink.events.end(), Event::AudioPlayed) == 1);
    }
}

TEST_CASE("the quick exit and the idle reset silence the narrator and forget the volume") {
    Listening l;
    l.h.tap("page:listen");
    l.h.tap("page:quieter");
    l.h.tap("page:pause"); // paused is silenced too
    const int stopsBefore = l.narrator.stops;
    SECTION("quick exit") { l.h.tap("nav:exit"); }
    SECTION("Shift three times") {
        for (int i = 0; i < 3; ++i) l.h.session.keyDown(Key::Shift);
        l.h.frame();
    }
    SECTION("idle reset") {
        l.h.clock.advance(l.h.session.settings().idleLimit);
        l.h.frames(2);
        l.h.clock.advance(l.h.session.settings().promptTime);
        l.h.frames(2);
        CHECK(l.h.session.screen() == Screen::Attract);
    }
    CHECK(l.narrator.stops > stopsBefore);
    CHECK(l.narrator.now == Narrator::State::Idle);
    CHECK(l.narrator.volume == Narrator::kVolumeDefault);
}

TEST_CASE("Still there? is spoken to a visitor who listened, and falls silent when answered") {
    Listening l;
    SECTION("a visitor who never listened hears nothing") {
        l.h.clock.advance(l.h.session.settings().idleLimit);
        l.h.frames(2);
        REQUIRE(l.h.session.idlePromptShown());
        CHECK(l.narrator.texts.empty());
    }
    SECTION("a visitor who listened hears the prompt in their language, once") {
        l.h.tap("page:listen");
        l.h.tap("page:listen"); // stopped again: listening is on for the visit all the same
        l.h.clock.advance(l.h.session.settings().idleLimit);
        l.h.frames(2);
        REQUIRE(l.h.session.idlePromptShown());
        REQUIRE(l.narrator.texts.size() == 2);
        CHECK(l.narrator.texts[1] == "Still there?\nBack to the start in 30 seconds.");
        CHECK(l.narrator.tags[1] == "en");
        l.h.clock.advance(Millis(1000));
        l.h.frames(3);
        CHECK(l.narrator.texts.size() == 2); // not again with each tick of the countdown
        const int stops = l.narrator.stops;
        l.h.tap("idle:continue");
        CHECK(l.narrator.stops > stops);
        CHECK(l.narrator.now == Narrator::State::Idle);
    }
}

TEST_CASE("a page with a recording in its language plays it, without one, or if it does not decode, speech reads it") {
    Listening l;
    l.h.pack.mediaByName["first.en.ogg"] = MediaItem{"first.en.ogg", "audio/ogg", {'O', 'g', 'g', 'S', 1, 2, 3}};
    l.h.pack.pages[0].text["en"].narration = "first.en.ogg";
    l.h.tap("page:listen");
    REQUIRE(l.narrator.played.size() == 1);
    CHECK(*l.narrator.played[0] == l.h.pack.mediaByName["first.en.ogg"].bytes);
    CHECK(l.narrator.texts.empty());
    CHECK(l.h.sink.contexts.back().detail == "recording");
    l.h.tap("page:listen"); // Stop
    CHECK(l.narrator.now == Narrator::State::Idle);

    // Listen on the page in a language: it must be read by the voice, not played.
    const auto spoken = [&](const char* locale) {
        INFO(locale);
        const std::size_t before = l.narrator.tags.size();
        l.h.session.chooseLanguage(locale);
        l.h.session.goTo({Screen::Page, "first"});
        l.h.frames(3);
        l.h.tap("page:listen");
        CHECK(l.narrator.played.size() == 1);
        REQUIRE(l.narrator.tags.size() == before + 1);
        CHECK(l.narrator.tags.back() == locale);
        CHECK(l.h.sink.contexts.back().detail == "speech");
        l.h.tap("page:listen"); // Stop
    };
    // Urdu has no recording of its own: the English one is not played over Urdu text.
    spoken("ur");
    // A damaged recording: the page is read by the voice instead, and counted as speech.
    l.h.pack.mediaByName["first.en.ogg"].bytes.clear();
    spoken("en");
}

namespace {

// The line drawn where Listen cannot speak, or empty when there is none.
std::string whyNoListen(const UiHarness& h) {
    for (const ui::TextInfo& t : h.app.widgets().texts())
        if (t.owner == "page:listen-unavailable") return t.text;
    return {};
}

} // namespace

TEST_CASE("where Listen cannot speak the page says why in one line in the reader's language") {
    Listening l;
    l.h.pack.strings["en"].insert({{"page.listen_no_voice", "Reading aloud is not available in this language here."},
                                   {"page.listen_no_audio", "Reading aloud is not available on this kiosk."}});
    l.h.pack.strings["ur"].insert({{"page.listen_no_voice", "no voice (ur)"}, {"page.listen_no_audio", "no sound (ur)"}});
    CHECK(whyNoListen(l.h).empty()); // a voice for English: the button, and no line
    SECTION("a language with no voice and no recording") {
        l.narrator.voices = {"en"};
        l.h.session.chooseLanguage("ur");
        l.h.session.goTo({Screen::Page, "first"});
        l.h.frames(3);
        CHECK_FALSE(l.h.has("page:listen"));
        CHECK(whyNoListen(l.h) == "no voice (ur)");
        SECTION("a recording in it brings the button back") {
            l.h.pack.mediaByName["first.ur.ogg"] = MediaItem{"first.ur.ogg", "audio/ogg", {'O', 'g', 'g', 'S', 1}};
            l.h.pack.pages[0].text["ur"].narration = "first.ur.ogg";
            l.h.frames(2);
            CHECK(l.h.has("page:listen"));
            CHECK(whyNoListen(l.h).empty());
        }
    }
    SECTION("no audio device, in English too, recording or not") {
        l.narrator.sound = false;
        l.h.pack.mediaByName["first.en.ogg"] = MediaItem{"first.en.ogg", "audio/ogg", {'O', 'g', 'g', 'S', 1}};
        l.h.pack.pages[0].text["en"].narration = "first.en.ogg";
        l.h.frames(2);
        CHECK_FALSE(l.h.has("page:listen"));
        CHECK(whyNoListen(l.h) == "Reading aloud is not available on this kiosk.");
    }
}

TEST_CASE("a Somali page with no recording says in Somali why there is no Listen", "[pack]") {
    UiHarness h;
    h.pack = readPack(EV_BINARY_DIR "/content/default.evpack");
    FakeNarrator narrator; // voices for English and Urdu only, as espeak-ng has none for Somali
    h.app.setNarrator(&narrator);
    h.session.chooseLanguage("so");
    h.session.goTo({Screen::Page, "your-body-belongs-to-you"}, Audience::Parent);
    h.frames(3);
    CHECK_FALSE(h.has("page:listen"));
    CHECK(whyNoListen(h) == h.pack.strings["so"].at("page.listen_no_voice"));
    CHECK_FALSE(whyNoListen(h).empty());
}

namespace {

// espeak-ng's phonemes for text in an English voice ("espeak-ng -x -q"), or "" without it.
std::string phonemes(const std::string& text) {
    const auto file = std::filesystem::temp_directory_path() / ("ev-ui-speech-" + std::to_string(::getpid()) + ".txt");
    std::ofstream(file) << text;
    std::string out;
    if (FILE* p = ::popen(("espeak-ng -v en -x -q -f '" + file.string() + "' 2>/dev/null").c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
        ::pclose(p);
    }
    std::filesystem::remove(file);
    return out;
}

} // namespace

TEST_CASE("Listen on the help screen and each service's screen reads every number digit by digit", "[pack][speech]") {
    UiHarness h;
    h.pack = readPack(EV_BINARY_DIR "/content/default.evpack");
    FakeNarrator narrator;
    narrator.voices = {"en", "pl", "ro", "lt", "pt", "bn", "ur", "pa"}; // espeak-ng's, of the pack's ten
    h.app.setNarrator(&narrator);
    std::vector<Location> screens{{Screen::Help, {}}};
    for (const Signpost& s : h.pack.signposts) screens.push_back({Screen::Signpost, s.id});
    int read = 0;
    for (const auto& [locale, status] : h.pack.locales)
        for (const Location& where : screens) {
            INFO(locale << ", " << (where.id.empty() ? "help" : where.id));
            h.session.chooseLanguage(locale);
            h.session.goTo(where, Audience::Parent);
            h.frames(3);
            const bool voice = std::count(narrator.voices.begin(), narrator.voices.end(), locale) > 0;
            // Listen comes after the cards: Tab brings it into view, as it would for a visitor.
            for (int i = 0; i < 40 && !h.has("page:listen"); ++i) {
                h.app.key(ui::Focus::Key::Next);
                h.frames(2);
            }
            REQUIRE(h.has("page:listen") == voice);
            if (!voice) continue;
            h.tap("page:listen");
            REQUIRE(narrator.texts.size() == std::size_t(++read));
            const std::string& text = narrator.texts.back();
            CHECK(narrator.tags.back() == locale);
            // Every number of every service shown, spoken digit by digit, and none read whole.
            for (const Signpost& s : h.pack.signposts) {
                if (!(where.screen == Screen::Help ? s.isFor(Audience::Parent) : s.id == where.id) || !s.confirmed("phones"))
                    continue;
                for (const std::string& number : s.phones) {
                    INFO(number);
                    CHECK(text.find(spokenNumber(number)) != std::string::npos);
                    CHECK(text.find(number) == std::string::npos);
                }
            }
            if (locale == "en" && where.screen == Screen::Help) {
                CHECK(text.find("0 8 0 0, 1 1 1 1") != std::string::npos); // Childline
                // espeak-ng itself reads no phone number as an amount: no hundreds, thousands or
                // millions in the lines that hold one (a description may say "200 languages").
                std::string numbered;
                std::istringstream lines(text);
                for (std::string l; std::getline(lines, l);)
                    if (std::regex_search(l, std::regex("[0-9] [0-9]"))) numbered += l + "\n";
                CHECK(std::count(numbered.begin(), numbered.end(), '\n') >= 5);
                const std::string said = phonemes(numbered);
                INFO(said);
                CHECK_FALSE(said.empty());
                for (const char* amount : {"h'VndrI2d", "T'aUz@nd", "m'Ilj@n"}) CHECK(said.find(amount) == std::string::npos);
            }
            h.tap("page:listen"); // Stop
        }
    CHECK(read > 8);
    CHECK(h.sink.n(Event::AudioPlayed) == read);
}
