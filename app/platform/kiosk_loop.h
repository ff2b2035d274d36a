#pragma once
// The main loop. It draws only when something changes: after input it draws a few frames
// (ImGui sizes some things on a first pass), then sleeps in the host until the next input or
// the next deadline (idle prompt, reset, attract cycling). See docs/design.md, "Draw only when
// something changes".
#include <filesystem>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/session/session.h"
#include "platform/driver.h"
#include "platform/gl_images.h"
#include "platform/gl_texture.h"
#include "platform/host.h"
#include "shell/pack_updates.h"
#include "platform/service_notify.h"
#include "platform/start_times.h"
#include "text/engine.h"
#include "ui/app.h"

namespace ev::platform {

struct LoopOptions {
    std::optional<std::filesystem::path> screenshot; // draw until settled, write it, stop
    Driver* driver = nullptr;                        // a script or the monkey, if any
    bool benchFirstFrame = false; // draw the first frame as always, print when it was finished and its steps, stop
    shell::PackUpdates* updates = nullptr;  // the pack inbox, if any
    ServiceNotifier* service = nullptr; // systemd: ready after the first frame, then the watchdog
    bool presenter = false; // the host has a presenter window: draw the presenter view in it
    StartTimes* startTimes = nullptr; // marked up to the first frame; printed with benchFirstFrame
};

class KioskLoop {
public:
    KioskLoop(Host& host, ui::App& app, Session& session, OffsetClock& clock, text::Engine& engine);
    // Releases the images' textures while the GL context is still there.
    ~KioskLoop();
    KioskLoop(const KioskLoop&) = delete;
    KioskLoop& operator=(const KioskLoop&) = delete;
    // Returns the process exit code: 0 (also when staff closed the kiosk), or 1 when a script's expectation failed or a
    // screenshot could not be written.
    int run(const LoopOptions& options);

private:
    int runInteractive(const LoopOptions& options);
    int runDriven(const LoopOptions& options);
    bool play(const Action& a);
    // One frame built and drawn (and read back into capture, if given), and the presenter
    // view's too when there is a presenter window (read back into presenterCapture). The
    // kiosk's first frame marks its phases in firstFrame: first_layout, first_render and
    // first_swap (which then waits for the GPU to finish), so --bench-first-frame times the
    // frame a resident sees, not a copy of it.
    void frame(std::vector<unsigned char>* capture = nullptr, std::vector<unsigned char>* presenterCapture = nullptr,
               StartTimes* firstFrame = nullptr);
    void presenterFrame(std::vector<unsigned char>* capture);
    // One ImGui frame built, not drawn: the steps of a scripted press or drag deliver input,
    // and only the frame after the action is drawn, as a person would see it.
    void buildFrame();
    // The atlas texture brought up to date with the engine's atlas, and handed to the UI.
    void syncAtlas();
    void settle(int frames = kSettleFrames);
    bool screenshot(const std::filesystem::path& file);
    void pressKey(KeyPress k);
    // Runs the pack updates if they are due; true when the screen may have changed.
    bool runUpdates(const LoopOptions& options);

    // Frames drawn after anything changes: ImGui lays out some widgets on a first dry run.
    static constexpr int kSettleFrames = 3;

    Host& host_;
    ui::App& app_;
    Session& session_;
    OffsetClock& clock_;
    text::Engine& engine_;
    GlAtlasTexture atlas_;
    GlImageUploader images_;
    ImGuiContext* presenter_ = nullptr; // the presenter window's ImGui context, sharing the font atlas
    std::optional<ImVec2> pointer_; // injected pointer position for the next frame
    bool pointerDown_ = false;
};

} // namespace ev::platform
