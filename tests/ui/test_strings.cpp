// A pack built from an old locales folder lacks most UI strings: every screen shows the
// kiosk's built-in English for them, never a key, and on a right-to-left screen that English
// is set in its own direction, as is a help card that has only English.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/pack/builtin_help.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

namespace {

// "idle.title", "nav.exit", ... : a key of any section the kiosk knows, where words would be.
std::regex keyShaped() {
    std::set<std::string> sections;
    for (const auto& [key, text] : builtInEnglishStrings()) sections.insert(key.substr(0, key.find('.')));
    std::string alternatives;
    for (const std::string& s : sections) alternatives += (alternatives.empty() ? "" : "|") + s;
    return std::regex("(^|[^A-Za-z0-9_.])(" + alternatives + ")\\.[a-z0-9_]+");
}

} // namespace

TEST_CASE("strings a pack lacks are shown in the built-in English on every screen, never as keys", "[strings]") {
    const std::regex key = keyShaped();
    const std::vector<VisitQuestion> questions{{"know_who", {"yes", "not_sure", "no"}}};
    for (const char* locale : {"en", "ur"})
        for (const ImVec2 display : {ImVec2{1080, 1920}, ImVec2{1920, 1080}}) {
            UiHarness h(display);
            // Two strings in all, as a pack built with a locales folder from long ago.
            h.pack.strings = {{"en", {{"nav.exit", "Exit"}}}, {"ur", {{"nav.help", "ابھی مدد حاصل کریں"}}}};
            h.pack.questions = questions;
            h.session.setQuestions(questions);
            std::vector<std::string> texts;
            h.app.text().keepTexts(&texts);
            const auto check = [&](const std::string& where) {
                INFO(locale << ", " << display.x << "x" << display.y << ", " << where);
                CHECK_FALSE(texts.empty());
                for (const std::string& t : texts) {
                    INFO(t);
                    CHECK_FALSE(std::regex_search(t, key));
                }
                const auto shows = [&](const std::string& english) {
                    return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(english) != std::string::npos; });
                };
                if (where == "idle") {
                    // In Urdu, the English is isolated left to right: its "?" stays at its end.
                    const std::string title = builtInEnglishStrings().at("idle.title");
                    CHECK(shows(std::string(locale) == "ur" ? "\u2066" + title + "\u2069" : title));
                }
                if (where == "help" || where == "signpost:childline") {
                    // The help card has only English: on an Urdu screen its words are set left
                    // to right too ("Talk to someone." keeps its full stop at its end).
                    for (const std::string english : {"For children", "Call free", "Talk to someone."})
                        CHECK(shows(std::string(locale) == "ur" ? "\u2066" + english + "\u2069" : english));
                }
                texts.clear();
            };
            for (const char* word : {"attract", "languages", "audience", "topics:parent", "page:first", "help",
                                     "signpost:childline", "questions", "neutral", "admin", "present:topics:parent", "record"}) {
                const auto target = parseTarget(word);
                REQUIRE(target);
                h.session.chooseLanguage(locale);
                h.session.goTo(target->first, target->second.value_or(Audience::Parent));
                h.frames(3);
                REQUIRE(h.session.screen() == target->first.screen);
                check(word);
            }
            // What lies over a screen: the text and colour panel, and "Still there?".
            h.session.chooseLanguage(locale);
            h.session.goTo({Screen::Page, "first"}, Audience::Parent);
            h.frames(3);
            h.tap("nav:display");
            check("text and colour");
            h.tap("display:done");
            h.clock.advance(h.session.settings().idleLimit);
            h.frames(2);
            REQUIRE(h.session.idlePromptShown());
            check("idle");
            h.app.text().keepTexts(nullptr);
        }
}
