// Present mode and the session record: text a room can read, nothing cut off, the keys of a
// presentation clicker, counts kept apart from residents', and a record that counts once.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/pack/deck.h"
#include "core/pack/pack_reader.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

namespace {

void key(UiHarness& h, ui::PresentKey k) {
    REQUIRE(h.app.present(k));
    h.frames(2);
}

std::size_t step(const UiHarness& h) { return h.app.presentView().current(); }

} // namespace

TEST_CASE("present mode: body text is at least 1/25 of the screen height and no step is cut off, in every language", "[present]") {
    const ev::test::Matrix projectors{.displays = {{1920, 1080}, {1280, 720}}, .textSizes = false, .lowToo = false};
    ev::test::forEachVariant(projectors, [](UiHarness& h, const ev::test::Variant& v) {
        const float minBody = v.display.y / 25.0f;
        std::vector<std::string> sources;
        for (const Audience a : kAllAudiences) sources.push_back(std::string("topics:") + audienceId(a));
        for (const Plan& p : h.pack.plans) sources.push_back("plan:" + p.id);
        REQUIRE(sources.size() >= 7);
        for (const std::string& source : sources) {
            h.session.chooseLanguage(v.locale);
            h.session.present(source);
            h.frames(3);
            const std::size_t steps = h.app.presentView().stepCount();
            REQUIRE(steps > 1);
            const auto next = h.widget("present:next");
            const auto exit = h.widget("nav:exit");
            for (std::size_t i = 0; i < steps; ++i) {
                INFO(source << ", step " << i + 1);
                REQUIRE(step(h) == i);
                int body = 0;
                for (const ui::TextInfo& t : h.app.widgets().texts()) {
                    if (t.owner != "present:body" && t.owner != "present:heading") continue;
                    body += t.owner == "present:body";
                    CHECK(t.sizePx >= minBody);
                    // The ink is where the text engine put it: a line of it is as tall as its size says.
                    CHECK(t.inkMax.y - t.inkMin.y >= t.sizePx * 0.5f);
                    // Nothing cut: every glyph on screen, above the Back and Next controls,
                    // below the exit, and not clipped.
                    CHECK(t.inkMin.x >= 0);
                    CHECK(t.inkMax.x <= v.display.x);
                    CHECK(t.inkMin.y >= exit.max.y * 0.5f);
                    CHECK(t.inkMax.y <= next.min.y);
                    CHECK(t.inkMin.y >= t.clipMin.y);
                    CHECK(t.inkMax.y <= t.clipMax.y);
                }
                CHECK(body > 0);
                if (i + 1 < steps) key(h, ui::PresentKey::Next);
            }
        }
    });
}

TEST_CASE("present mode: a landscape step uses the width, in two columns", "[present]") {
    UiHarness h({1920, 1080});
    h.pack = readPack(EV_BINARY_DIR "/content/default.evpack");
    h.session.present("topics:parent");
    h.frames(3);
    float left = 1920, right = 0;
    for (const ui::TextInfo& t : h.app.widgets().texts())
        if (t.owner == "present:body") {
            left = std::min(left, t.boxMin.x);
            right = std::max(right, t.boxMax.x);
        }
    // The kiosk's portrait column would leave a third of the width empty on each side.
    CHECK(right - left > 1920 * 0.8f);
}

TEST_CASE("present mode: clicker keys move through the steps, B blanks and any key returns", "[present]") {
    UiHarness h({1920, 1080});
    h.session.present("topics:parent");
    h.frames(3);
    const std::size_t steps = h.app.presentView().stepCount();
    REQUIRE(steps >= 3);
    key(h, ui::PresentKey::Next);
    CHECK(step(h) == 1);
    key(h, ui::PresentKey::Previous);
    CHECK(step(h) == 0);
    key(h, ui::PresentKey::Previous); // nothing before the first
    CHECK(step(h) == 0);
    key(h, ui::PresentKey::Last);
    CHECK(step(h) == steps - 1);
    key(h, ui::PresentKey::First);
    CHECK(step(h) == 0);
    key(h, ui::PresentKey::Blank);
    CHECK(h.app.presentView().blank());
    CHECK_FALSE(h.has("present:next")); // black: nothing of the step
    key(h, ui::PresentKey::Next);       // any key brings the step back, and does nothing else
    CHECK_FALSE(h.app.presentView().blank());
    CHECK(step(h) == 0);
    key(h, ui::PresentKey::Blank);
    REQUIRE(h.app.present(std::nullopt)); // Enter or Tab too
    CHECK_FALSE(h.app.presentView().blank());
    key(h, ui::PresentKey::Blank);
    h.tap("present:blank"); // and a tap
    CHECK_FALSE(h.app.presentView().blank());
    h.tap("present:next"); // the large controls, by touch or mouse
    CHECK(step(h) == 1);
    h.tap("present:back");
    CHECK(step(h) == 0);
    key(h, ui::PresentKey::Last);
    key(h, ui::PresentKey::Next); // past the last step: the session record
    CHECK(h.session.screen() == Screen::Record);
    h.tap("record:back");
    CHECK(h.session.screen() == Screen::Present);
    CHECK(step(h) == steps - 1);
}

TEST_CASE("present mode: the exit button and Shift x3 leave for the neutral screen, blank or not", "[present]") {
    UiHarness h({1920, 1080});
    h.session.present("topics:parent");
    h.frames(3);
    h.tap("nav:exit");
    CHECK(h.session.screen() == Screen::Neutral);
    h.session.present("topics:parent");
    h.frames(3);
    key(h, ui::PresentKey::Blank);
    for (int i = 0; i < 3; ++i) {
        h.session.keyDown(Key::Shift);
        h.app.present(ui::PresentKey::Other);
    }
    h.frames(2);
    CHECK(h.session.screen() == Screen::Neutral);
    CHECK(h.sink.n(Event::QuickExit) == 2);
}

TEST_CASE("present mode counts page_presented, never page_view, and no idle reset", "[present]") {
    UiHarness h({1280, 720});
    h.session.present("topics:parent");
    h.frames(3);
    for (int i = 0; i < 40 && h.session.screen() == Screen::Present; ++i) {
        h.clock.advance(Millis(600'000)); // ten minutes on each step
        h.session.tick();
        key(h, ui::PresentKey::Next);
    }
    CHECK(h.session.screen() == Screen::Record); // the deck ran out: the record screen
    CHECK(h.sink.n(Event::PageView) == 0);
    CHECK(h.sink.n(Event::IdleReset) == 0);
    CHECK(h.sink.n(Event::PagePresented) == 2); // "first" and "second", each once however many steps
}

TEST_CASE("the session record: buttons only, a double tap records once, Undo takes it back", "[present]") {
    UiHarness h({1920, 1080});
    h.session.openRecord("");
    h.frames(2);
    h.tap("record:save"); // nothing chosen yet: nothing recorded
    CHECK(h.sink.n(Event::FacilitatedSession) == 0);
    h.tap("record:parent");
    h.tap("record:community");
    h.tap("record:lang:ur"); // en is chosen already: the language presented in
    for (int i = 0; i < 5; ++i) h.tap("record:plus5");
    h.tap("record:minus1");
    CHECK(h.widget("record:heads").label == "24");
    const auto save = h.widget("record:save");
    h.tap("record:save");
    // The second tap of a double tap, where the button was.
    ImGui::GetIO().MousePos = save.centre();
    ImGui::GetIO().MouseDown[0] = true;
    h.frame();
    ImGui::GetIO().MouseDown[0] = false;
    h.frames(2);
    REQUIRE(h.sink.n(Event::FacilitatedSession) == 1);
    const EventContext& c = h.sink.contexts.back();
    CHECK(c.audience == "parent+community");
    CHECK(c.locale == "en+ur");
    CHECK(c.detail == "24");
    CHECK(h.has("record:undo"));
    h.tap("record:undo");
    CHECK(h.sink.weights.back() == -1);
    CHECK(h.sink.contexts.back().detail == "24");
    CHECK_FALSE(h.has("record:undo"));
    SECTION("Undo goes after a while; the record stays") {
        h.tap("record:save");
        CHECK(h.sink.n(Event::FacilitatedSession) == 3); // recorded, undone, recorded again
        h.clock.advance(ui::RecordView::kUndoFor);
        h.frames(2);
        CHECK_FALSE(h.has("record:undo"));
        CHECK(h.session.screen() == Screen::Record);
    }
}

TEST_CASE("present mode from a plan: the question first and last, prompts for the room, notes only on N", "[present]") {
    UiHarness h({1920, 1080});
    h.pack = readPack(EV_BINARY_DIR "/content/default.evpack");
    REQUIRE(h.pack.plan("parents-and-carers"));
    h.session.present("plan:parents-and-carers");
    h.frames(3);
    const ui::PresentView& v = h.app.presentView();
    using Kind = ui::PresentView::Step::Kind;
    REQUIRE(v.stepCount() > 4);
    CHECK(v.step(0).kind == Kind::Question);
    CHECK(v.step(v.stepCount() - 2).kind == Kind::Question);
    CHECK(v.step(v.stepCount() - 2).after);
    CHECK(v.step(v.stepCount() - 1).kind == Kind::Help);
    std::size_t prompts = 0;
    for (std::size_t i = 0; i < v.stepCount(); ++i) prompts += v.step(i).kind == Kind::Prompt;
    CHECK(prompts == h.pack.plan("parents-and-carers")->steps.size());
    // The show of hands: counted with buttons, recorded once, the button gone where it was.
    h.tap("hands:very:plus5");
    h.tap("hands:very:plus1");
    h.tap("hands:not-yet:plus1");
    h.tap("hands:save");
    CHECK_FALSE(h.has("hands:save"));
    REQUIRE(h.sink.n(Event::RoomAnswer) == 2);
    CHECK(h.sink.contexts[0].detail == "parents-and-carers:before:very");
    CHECK(h.sink.weights[0] == 6);
    h.tap("hands:undo");
    CHECK(h.sink.weights.back() == -1);
    CHECK(h.sink.contexts.back().detail == "parents-and-carers:before:not-yet");
    CHECK(h.has("hands:save")); // it may be counted again
    key(h, ui::PresentKey::Next);
    CHECK_FALSE(h.has("present:notes")); // the facilitator's notes are not the room's
    key(h, ui::PresentKey::Notes);
    REQUIRE(h.has("present:notes"));
    CHECK(h.widget("present:notes").label.find("If someone tells you about abuse") != std::string::npos);
    key(h, ui::PresentKey::Notes);
    CHECK_FALSE(h.has("present:notes"));
}

TEST_CASE("the presenter window shows now, next, the notes, the prompt and a clock, and the room sees no notes", "[present]") {
    UiHarness h({1920, 1080});
    h.pack = readPack(EV_BINARY_DIR "/content/default.evpack");
    h.app.setPresenterWindow(true);
    h.session.present("plan:parents-and-carers");
    h.frames(3);
    key(h, ui::PresentKey::Next); // the first page
    key(h, ui::PresentKey::Notes);
    CHECK_FALSE(h.has("present:notes")); // N does not put them on the projector
    // The presenter view in a context of its own, as the kiosk draws it in its second window.
    ImGuiContext* room = ImGui::GetCurrentContext();
    ImGuiContext* second = ImGui::CreateContext(ImGui::GetIO().Fonts);
    ImGui::SetCurrentContext(second);
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().DisplaySize = {1280, 800};
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    h.app.presenterFrame();
    ImGui::Render();
    ImGui::SetCurrentContext(room);
    const ui::WidgetRegistry& p = h.app.presenterWidgets();
    REQUIRE(p.find("presenter:notes"));
    CHECK(p.find("presenter:notes")->label.find("If someone tells you about abuse") != std::string::npos);
    REQUIRE(p.find("presenter:prompt"));
    CHECK_FALSE(p.find("presenter:prompt")->label.empty());
    CHECK(p.find("presenter:now"));
    CHECK(p.find("presenter:next"));
    CHECK(p.find("presenter:clock")->label.size() == 5); // HH:MM
    CHECK(p.find("presenter:step")->label == "Step 2 of " + std::to_string(h.app.presentView().stepCount()));
    for (const ui::WidgetInfo& w : p.all()) { // all of it inside the window
        INFO(w.id);
        CHECK(w.max.x <= 1280.5f);
        CHECK(w.max.y <= 800.5f);
    }
    ImGui::DestroyContext(second);
}

TEST_CASE("a plan not yet translated is set in its own language's direction on a right-to-left screen", "[present]") {
    // The plan's words fall back to English in Urdu: laid out left to right ("told you?"), while
    // a topics deck is all in the screen's language. The default pack's plan, its Urdu taken out.
    Pack pack = readPack(EV_BINARY_DIR "/content/default.evpack");
    const auto plan = std::find_if(pack.plans.begin(), pack.plans.end(), [](const Plan& p) { return p.id == "parents-and-carers"; });
    REQUIRE(plan != pack.plans.end());
    plan->text.erase("ur");
    const auto fallback = deckFor(pack, "plan:parents-and-carers", "ur");
    REQUIRE(fallback);
    CHECK(fallback->tag == pack.defaultLocale);
    const auto topics = deckFor(pack, "topics:parent", "ur");
    REQUIRE(topics);
    CHECK(topics->tag == "ur");
}

TEST_CASE("present mode speaks to the room in its language, and labels the notes in the notes' own", "[present]") {
    // A new harness each time: a show of hands is recorded once per session.
    const Pack pack = readPack(EV_BINARY_DIR "/content/default.evpack");
    const auto en = [&](const char* key) { return pack.string(key, "en"); };
    for (const char* tag : {"bn", "ur"}) {
        INFO(tag);
        const auto own = [&](const char* key) { return pack.string(key, tag); };
        REQUIRE(own("present.save_hands") != en("present.save_hands"));
        UiHarness h({1920, 1080});
        h.pack = pack;
        h.session.chooseLanguage(tag);
        h.session.present("plan:parents-and-carers");
        h.frames(3);
        REQUIRE(h.has("hands:save"));
        CHECK(h.widget("hands:save").label == own("present.save_hands"));
        h.tap("hands:very:plus1");
        h.tap("hands:save");
        REQUIRE(h.has("hands:undo"));
        CHECK(h.widget("hands:undo").label == own("present.undo"));
        key(h, ui::PresentKey::Next);
        key(h, ui::PresentKey::Notes);
        REQUIRE(h.has("present:notes"));
        CHECK(h.widget("present:notes").label.find(own("present.ask")) != std::string::npos);
        CHECK(h.widget("present:notes").label.find(en("present.ask")) == std::string::npos);
    }
    // A plan with no Urdu falls back to English: its notes' label is English too, one text.
    UiHarness h({1920, 1080});
    h.pack = pack;
    const auto plan = std::find_if(h.pack.plans.begin(), h.pack.plans.end(), [](const Plan& p) { return p.id == "parents-and-carers"; });
    REQUIRE(plan != h.pack.plans.end());
    plan->text.erase("ur");
    h.session.chooseLanguage("ur");
    h.session.present("plan:parents-and-carers");
    h.frames(3);
    REQUIRE(h.has("hands:save"));
    CHECK(h.widget("hands:save").label == pack.string("present.save_hands", "ur")); // the room's
    key(h, ui::PresentKey::Next);
    key(h, ui::PresentKey::Notes);
    REQUIRE(h.has("present:notes"));
    CHECK(h.widget("present:notes").label.find(en("present.ask")) != std::string::npos);
}

TEST_CASE("present mode: the room's buttons have labels the room can read, in every language", "[present]") {
    // Measured with the text engine: the size each label was shaped at and its glyphs' ink,
    // at a projector's usual sizes. The kiosk's own sizes are for arm's length, not a hall.
    const ev::test::Matrix projectors{.displays = {{1280, 720}, {1920, 1080}}, .textSizes = false, .lowToo = false, .newHarnessEach = true};
    ev::test::forEachVariant(projectors, [](UiHarness& h, const ev::test::Variant& v) {
        h.session.chooseLanguage(v.locale);
        h.session.present("plan:parents-and-carers");
        h.frames(3);
        for (std::size_t i = 0; i < h.app.presentView().stepCount() && !h.has("hands:save"); ++i) key(h, ui::PresentKey::Next);
        REQUIRE(h.has("hands:save"));
        const auto measure = [&](const std::string& id) {
            INFO(id);
            REQUIRE(h.has(id));
            const ui::WidgetInfo w = h.widget(id);
            CHECK(w.labelPx >= v.display.y * ui::present::kMinLabelShare);
            // Drawn at that size (the ink of a line is at least half of it), inside the button.
            CHECK(w.labelMax.y - w.labelMin.y >= w.labelPx * 0.5f);
            CHECK(w.labelMin.x >= w.min.x);
            CHECK(w.labelMax.x <= w.max.x);
            CHECK(w.labelMin.y >= w.min.y);
            CHECK(w.labelMax.y <= w.max.y);
            // A target a facilitator hits from a step away: as tall as a line and a half of body text.
            CHECK(w.max.y - w.min.y >= v.display.y * ui::present::kBodyShare * 1.5f);
        };
        // Clear of the Next arrow below them.
        const auto above = [&](const std::string& id) { CHECK(h.widget(id).max.y <= h.widget("present:next").min.y); };
        measure("nav:exit");
        measure("hands:save");
        above("hands:save");
        std::string plus;
        for (const ui::WidgetInfo& w : h.app.widgets().all())
            if (w.id.starts_with("hands:") && w.id.ends_with(":plus1")) plus = w.id;
        measure(plus);
        h.tap(plus);
        h.tap("hands:save");
        measure("hands:undo");
        above("hands:undo");
        key(h, ui::PresentKey::Last);
        measure("present:record");
    });
}
