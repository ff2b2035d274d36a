#pragma once
// Drives ui::App on a headless ImGui context: sets the display size and the pointer the way
// a backend would, and finds widgets by the ids the UI records each frame.
#include <imgui.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/pack/content.h"
#include "core/session/narrator.h"
#include "core/session/session.h"
#include "text/engine.h"
#include "ui/app.h"

namespace ev::test {

struct RecordingSink final : EventSink {
    std::vector<Event> events;
    std::vector<EventContext> contexts; // parallel to events
    std::vector<std::int64_t> weights;  // parallel to events: 1, or a room's hands, or negative for an Undo
    void add(Event e, const EventContext& c, std::int64_t n) override {
        events.push_back(e);
        contexts.push_back(c);
        weights.push_back(n);
    }
    long n(Event e) const { return std::count(events.begin(), events.end(), e); }
};

// Stands in for the kiosk's audio: remembers what it was asked, and plays until stopped.
struct FakeNarrator final : Narrator {
    std::vector<std::string> texts, tags; // each read(), in order
    int stops = 0;
    int volume = 0; // as last set
    State now = State::Idle;
    bool sound = true;                          // an audio device
    std::vector<std::string> voices{"en", "ur"}; // languages espeak-ng would read
    bool canPlay() override { return sound; }
    bool canRead(const std::string& tag) override {
        return sound && std::find(voices.begin(), voices.end(), tag) != voices.end();
    }
    void read(const std::string& text, const std::string& tag) override {
        texts.push_back(text);
        tags.push_back(tag);
        now = State::Playing;
    }
    std::vector<Recording> played; // each play() that started, in order
    // Empty bytes stand for a recording that does not decode.
    bool play(Recording recording) override {
        if (!recording || recording->empty()) return false;
        played.push_back(recording);
        now = State::Playing;
        return true;
    }
    void pause() override { now = now == State::Playing ? State::Paused : now; }
    void resume() override { now = now == State::Paused ? State::Playing : now; }
    void stop() override {
        ++stops;
        now = State::Idle;
    }
    State state() const override { return now; }
    void setVolume(int percent) override { volume = percent; }
};

// A small pack in two languages, one of them right to left, with a page long enough to scroll.
Pack samplePack();

// One case of the layout tests' matrix: a display size, a language, a text size and where the
// buttons are.
struct Variant {
    ImVec2 display;
    std::string locale;
    int textSize = 0;
    bool low = false; // "buttons lower down"
};

// What a layout test runs over: every language of the default pack in each display size, at
// every text size or the standard one only, with the buttons high and low or high only.
struct Matrix {
    std::vector<ImVec2> displays{{1080, 1920}, {1920, 1080}};
    bool textSizes = true;
    bool lowToo = true;
    bool newHarnessEach = false; // a harness per variant, not per display size (a show of hands is recorded once a session)
};

class UiHarness {
public:
    explicit UiHarness(ImVec2 display = {1080, 1920});
    ~UiHarness();

    void frame();
    void frames(int n);
    // Presses and releases at the widget's centre; fails the test if it is not on screen.
    void tap(const std::string& idOrLabel);
    void drag(ImVec2 from, ImVec2 to);
    // Goes to `where` (as a parent) in v's language, at its text size and button position.
    void show(const Variant& v, const Location& where);
    bool has(const std::string& idOrLabel) const { return app.widgets().find(idOrLabel).has_value(); }
    ui::WidgetInfo widget(const std::string& idOrLabel) const;

    Pack pack;
    OffsetClock clock{true};
    RecordingSink sink;
    Session session;
    text::Engine engine;
    ui::App app;

private:
    ImGuiContext* context_;
};

// Calls each(h, v) for every variant of m, in a harness showing the default pack (one per
// display size unless m asks for one each); a failure names the variant.
void forEachVariant(const Matrix& m, const std::function<void(UiHarness&, const Variant&)>& each);

} // namespace ev::test
