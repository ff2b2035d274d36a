#include "platform/kiosk_loop.h"

#include <GL/gl.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <thread>

#include "media/png_writer.h"

namespace ev::platform {

namespace {

KeyPress keyFromName(const std::string& name) {
    if (name == "shift") return KeyPress::Shift;
    if (name == "tab") return KeyPress::Tab;
    if (name == "enter") return KeyPress::Enter;
    if (name == "space") return KeyPress::Space;
    if (name == "escape") return KeyPress::Escape;
    if (name == "left") return KeyPress::Left;
    if (name == "right") return KeyPress::Right;
    if (name == "up") return KeyPress::Up;
    if (name == "down") return KeyPress::Down;
    if (name == "pageup") return KeyPress::PageUp;
    if (name == "pagedown") return KeyPress::PageDown;
    if (name == "home") return KeyPress::Home;
    if (name == "end") return KeyPress::End;
    if (name == "b") return KeyPress::B;
    if (name == "." || name == "period") return KeyPress::Period;
    if (name == "n") return KeyPress::N;
    return KeyPress::Other;
}

// What the screen shows, so the loop knows when to draw again.
struct Look {
    Location location;
    std::string locale;
    bool prompt;
    int shifts;
    bool operator==(const Look&) const = default;
};

Look lookOf(const Session& s) { return {s.location(), s.locale(), s.idlePromptShown(), s.shiftCount()}; }

// Present mode's keys, as presentation programs have them; Tab and Enter still move and take
// the focus among its controls.
std::optional<ui::PresentKey> presentKey(KeyPress k) {
    switch (k) {
    case KeyPress::Right:
    case KeyPress::PageDown:
    case KeyPress::Space: return ui::PresentKey::Next;
    case KeyPress::Left:
    case KeyPress::PageUp: return ui::PresentKey::Previous;
    case KeyPress::Home: return ui::PresentKey::First;
    case KeyPress::End: return ui::PresentKey::Last;
    case KeyPress::B:
    case KeyPress::Period: return ui::PresentKey::Blank;
    case KeyPress::N: return ui::PresentKey::Notes;
    case KeyPress::Tab:
    case KeyPress::Enter: return std::nullopt;
    default: return ui::PresentKey::Other;
    }
}

} // namespace

KioskLoop::KioskLoop(Host& host, ui::App& app, Session& session, OffsetClock& clock, text::Engine& engine)
    : host_(host), app_(app), session_(session), clock_(clock), engine_(engine) {
    app_.setTextureUploader(&images_);
}

KioskLoop::~KioskLoop() {
    app_.setTextureUploader(nullptr);
    if (presenter_) ImGui::DestroyContext(presenter_);
}

void KioskLoop::syncAtlas() { app_.text().setAtlasTexture(atlas_.sync(engine_.atlas(), engine_.takeAtlasChanged())); }

int KioskLoop::run(const LoopOptions& options) {
    syncAtlas();
    if (options.presenter && host_.hasPresenter()) {
        ImGuiContext* room = ImGui::GetCurrentContext();
        presenter_ = ImGui::CreateContext(ImGui::GetIO().Fonts);
        ImGui::SetCurrentContext(presenter_);
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::SetCurrentContext(room);
        app_.setPresenterWindow(true);
    }
    if (options.startTimes) options.startTimes->mark("loop_setup");
    return options.driver ? runDriven(options) : runInteractive(options);
}

void KioskLoop::pressKey(KeyPress k) {
    session_.keyDown(k == KeyPress::Shift ? Key::Shift : Key::Other);
    if (app_.present(presentKey(k))) return;
    switch (k) {
    case KeyPress::Tab:
    case KeyPress::Down: app_.key(ui::Focus::Key::Next); break;
    case KeyPress::Up: app_.key(ui::Focus::Key::Previous); break;
    case KeyPress::Right: app_.arrow(true); break;
    case KeyPress::Left: app_.arrow(false); break;
    case KeyPress::Escape: app_.escape(); break;
    case KeyPress::Enter:
    case KeyPress::Space: app_.key(ui::Focus::Key::Activate); break;
    default: break;
    }
}

void KioskLoop::frame(std::vector<unsigned char>* capture, std::vector<unsigned char>* presenterCapture,
                      StartTimes* firstFrame) {
    buildFrame();
    if (firstFrame) firstFrame->mark("first_layout");
    host_.render(app_.background());
    if (firstFrame) firstFrame->mark("first_render");
    if (capture) {
        int w = 0, h = 0;
        host_.framebufferSize(w, h);
        *capture = readPixels(w, h);
    }
    host_.swap();
    if (firstFrame) {
        // The frame is on screen when the GPU has finished it, not when the swap was queued.
        glFinish();
        firstFrame->mark("first_swap");
    }
    presenterFrame(presenterCapture);
}

// The presenter view in its own ImGui context and window, drawn by the room's renderer.
void KioskLoop::presenterFrame(std::vector<unsigned char>* capture) {
    if (!presenter_) return;
    ImGuiContext* room = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(presenter_);
    int w = 0, h = 0;
    host_.presenterSize(w, h);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(w), float(h));
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    app_.presenterFrame();
    ImGui::Render();
    ImDrawData* data = ImGui::GetDrawData();
    ImGui::SetCurrentContext(room);
    syncAtlas();
    host_.renderPresenter(data, capture);
}

void KioskLoop::buildFrame() {
    // A glyph atlas that grew during the frame moved every texture coordinate: draw it again.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto before = engine_.atlas();
        host_.newFrame();
        ImGuiIO& io = ImGui::GetIO();
        if (pointer_) {
            io.MousePos = *pointer_;
            io.MouseDown[0] = pointerDown_;
        }
        ImGui::NewFrame();
        session_.tick();
        app_.frame();
        ImGui::Render();
        syncAtlas();
        const auto after = engine_.atlas();
        if (after.width == before.width && after.height == before.height) break;
    }
}

void KioskLoop::settle(int frames) {
    for (int i = 0; i < frames; ++i) frame();
}

bool KioskLoop::screenshot(const std::filesystem::path& file) {
    // Nobody sees the settling frames of a screenshot: build them (ImGui's first passes),
    // draw only the one that is captured. preview shoots hundreds; this keeps it fast.
    for (int i = 0; i < kSettleFrames; ++i) buildFrame();
    std::vector<unsigned char> pixels, presenter;
    frame(&pixels, &presenter);
    int w = 0, h = 0;
    host_.framebufferSize(w, h);
    std::string error;
    if (!writePng(file, w, h, pixels, error)) {
        std::fprintf(stderr, "everyvoice-kiosk: cannot write screenshot %s: %s\n", file.c_str(), error.c_str());
        return false;
    }
    if (!presenter_) return true;
    // The presenter window beside it: shot.png and shot-presenter.png.
    host_.presenterSize(w, h);
    std::filesystem::path second = file;
    second.replace_filename(file.stem().string() + "-presenter" + file.extension().string());
    if (!writePng(second, w, h, presenter, error)) {
        std::fprintf(stderr, "everyvoice-kiosk: cannot write screenshot %s: %s\n", second.c_str(), error.c_str());
        return false;
    }
    return true;
}

bool KioskLoop::runUpdates(const LoopOptions& options) {
    if (!options.updates) return false;
    const auto due = options.updates->due();
    return due && *due <= clock_.now() && options.updates->run();
}

int KioskLoop::runInteractive(const LoopOptions& options) {
    if (options.screenshot) return screenshot(*options.screenshot) ? 0 : 1;
    int owed = kSettleFrames;
    bool first = true;
    for (;;) {
        std::optional<Millis> timeout;
        // When something on screen changes by itself; the pack inbox alone draws nothing.
        std::optional<Millis> redrawAt;
        const Millis now = clock_.now();
        if (owed > 0) {
            timeout = Millis(0);
        } else {
            redrawAt = session_.nextDeadline();
            if (const auto anim = app_.nextAnimation()) redrawAt = redrawAt ? std::min(*redrawAt, now + *anim) : now + *anim;
            if (redrawAt) timeout = std::max(Millis(0), *redrawAt - now);
            // Idle with warming owed (the first screen's languages, a visit's next pages;
            // App::warming): a step at a time between waits that return at once, until done.
            if (app_.warming()) timeout = Millis(0);
        }
        if (const auto due = options.updates ? options.updates->due() : std::nullopt) {
            const Millis wait = std::max(Millis(0), *due - now);
            timeout = timeout ? std::min(*timeout, wait) : wait;
        }
        // The watchdog hears from the loop itself: a loop stuck anywhere stops the pings.
        const auto aliveEvery = options.service ? options.service->aliveEvery() : std::nullopt;
        if (aliveEvery) timeout = timeout ? std::min(*timeout, *aliveEvery) : *aliveEvery;
        const HostEvents ev = host_.waitEvents(timeout);
        if (aliveEvery) options.service->alive();
        if (ev.quit) return 0;
        const Look before = lookOf(session_);
        if (ev.input) session_.activity();
        for (KeyPress k : ev.keys) pressKey(k);
        const bool switched = runUpdates(options);
        const bool draw = owed > 0 || ev.input || ev.resized || switched || (redrawAt && clock_.now() >= *redrawAt);
        if (!draw) {
            app_.warmUp();
            continue;
        }
        // Woken by input, a resize, a deadline or a new pack: in every case the screen may differ.
        owed = std::max(owed, ev.input || ev.resized || switched ? kSettleFrames : 1);
        frame(nullptr, nullptr, first ? options.startTimes : nullptr);
        if (first && options.benchFirstFrame) {
            // Wall-clock time, so tools/bench.sh can subtract the moment it started the process.
            timespec t{};
            clock_gettime(CLOCK_REALTIME, &t);
            std::printf("first_frame_at_ns %lld\n", static_cast<long long>(t.tv_sec) * 1'000'000'000LL + t.tv_nsec);
            if (options.startTimes) options.startTimes->print();
            return 0;
        }
        first = false;
        --owed;
        if (options.service) options.service->ready();
        if (app_.quitRequested()) return 0;
        if (!(lookOf(session_) == before)) owed = kSettleFrames;
    }
}

bool KioskLoop::play(const Action& a) {
    const auto tapAt = [&](ImVec2 p) {
        session_.activity();
        pointer_ = p;
        pointerDown_ = true;
        buildFrame();
        pointerDown_ = false;
        buildFrame();
    };
    const auto onScreen = [&]() {
        const auto w = app_.widgets().find(a.text);
        if (!w) std::fprintf(stderr, "%s: nothing called \"%s\" on screen\n", a.where.c_str(), a.text.c_str());
        return w;
    };
    switch (a.kind) {
    case Action::Kind::TapTarget: {
        const auto w = onScreen();
        if (!w) return false;
        tapAt(w->centre());
        break;
    }
    case Action::Kind::Hold: {
        const auto w = onScreen();
        if (!w) return false;
        session_.activity();
        pointer_ = w->centre();
        pointerDown_ = true;
        buildFrame();
        clock_.advance(a.wait); // the finger stays still: no input meanwhile, as on the glass
        buildFrame();
        pointerDown_ = false;
        buildFrame();
        break;
    }
    case Action::Kind::TapPoint:
        tapAt({a.x1, a.y1});
        break;
    case Action::Kind::Drag: {
        session_.activity();
        const ImVec2 from{a.x1, a.y1}, to{a.x2, a.y2};
        pointer_ = from;
        pointerDown_ = true;
        buildFrame();
        constexpr int kSteps = 6;
        for (int i = 1; i <= kSteps; ++i) {
            const float t = static_cast<float>(i) / kSteps;
            pointer_ = ImVec2{from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t};
            buildFrame();
        }
        pointerDown_ = false;
        buildFrame();
        break;
    }
    case Action::Kind::Key:
        session_.activity();
        pressKey(keyFromName(a.text));
        // A key that activates a control changes the screen within this frame; the next frame
        // lists the new screen's controls, which the next key moves among.
        buildFrame();
        break;
    case Action::Kind::Wait:
        clock_.advance(a.wait);
        break;
    case Action::Kind::Sleep:
        std::this_thread::sleep_for(a.wait);
        break;
    case Action::Kind::Mark: {
        timespec t{};
        clock_gettime(CLOCK_MONOTONIC, &t);
        std::printf("mark %s %lld\n", a.text.c_str(), static_cast<long long>(t.tv_sec) * 1'000'000'000LL + t.tv_nsec);
        std::fflush(stdout);
        return true;
    }
    case Action::Kind::Screenshot:
        return screenshot(a.text);
    case Action::Kind::Goto: {
        const auto target = parseTarget(a.text); // checked when the script was read
        if (const std::string missing = missingIn(app_.pack(), target->first); !missing.empty()) {
            std::fprintf(stderr, "%s: %s in this pack\n", a.where.c_str(), missing.c_str());
            return false;
        }
        session_.goTo(target->first, target->second);
        break;
    }
    case Action::Kind::Expect:
        settle();
        if (!app_.widgets().find(a.text)) {
            std::fprintf(stderr, "%s: expected \"%s\" on screen\n", a.where.c_str(), a.text.c_str());
            return false;
        }
        return true;
    }
    frame();
    return true;
}

int KioskLoop::runDriven(const LoopOptions& options) {
    settle();
    while (const auto action = options.driver->next(app_.widgets())) {
        // Before time passes or anything is looked at, the pack worker finishes what it was
        // asked and the screen takes the outcome, as a real kiosk's would have meanwhile: a
        // scripted run stays the same run whatever the machine's speed. Input alone never
        // waits for the worker, so a script can time the quick exit while it is busy.
        const bool observes = action->kind == Action::Kind::Wait || action->kind == Action::Kind::Expect ||
                              action->kind == Action::Kind::Screenshot;
        if (observes && options.updates) {
            options.updates->settle();
            if (runUpdates(options)) settle();
        }
        if (!play(*action)) return 1;
        if (app_.quitRequested()) return 0;
        if (runUpdates(options)) settle();
        if (host_.waitEvents(Millis(0)).quit) return 0;
    }
    if (options.screenshot && !screenshot(*options.screenshot)) return 1;
    return 0;
}

} // namespace ev::platform
