#pragma once
// The window system behind the kiosk: SDL2 (default, touch and fullscreen kiosks) or GLFW
// (desktop preview). One small interface so the main loop does not care which.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

struct ImDrawData;

namespace ev::platform {

struct WindowOptions {
    int width = 0, height = 0; // 0 x 0: portrait 1080x1920 scaled to fit the screen
    bool fullscreen = false;
    std::string title = "Every Voice";
    // Where the UI's linked shader program is kept between starts (platform/gl_program.h);
    // empty: nowhere, it is compiled at every start.
    std::filesystem::path programCache;
};

// PageUp, PageDown, Home, End, B, Period and N drive present mode (a presentation clicker
// sends PageUp and PageDown, some also B or '.').
enum class KeyPress { Shift, Tab, Enter, Space, Escape, Left, Right, Up, Down, PageUp, PageDown, Home, End, B, Period, N, Other };

struct HostEvents {
    bool quit = false;         // window closed
    bool input = false;        // any touch, click, drag, wheel or key since the last call
    bool resized = false;
    bool exposed = false;      // the window system lost the picture (shown, restored): draw again
    std::vector<KeyPress> keys; // key presses, in order (Shift: either shift key; repeats ignored)
};

class Host {
public:
    virtual ~Host() = default;
    // Creates the window, a GL 3 context and the ImGui backends (an ImGui context must exist).
    // Returns an empty string on success, else one line saying what failed.
    virtual std::string open(const WindowOptions& options) = 0;
    // Blocks until input arrives or the timeout passes (nullopt: wait forever, 0: poll), feeds
    // input to ImGui, and reports it. Events that need nothing from the kiosk (window moved,
    // focus changed) do not end the wait, so an idle kiosk stays asleep.
    virtual HostEvents waitEvents(std::optional<Millis> timeout) = 0;
    virtual void newFrame() = 0;                 // backend NewFrame, before ImGui::NewFrame
    // Clears to background (packed as ImGui's IM_COL32) and draws ImGui's draw data.
    virtual void render(std::uint32_t background) = 0;
    virtual void swap() = 0;
    virtual void framebufferSize(int& w, int& h) const = 0; // pixels; what readPixels reads
    virtual void close() = 0;
    virtual const char* name() const = 0;

    // Present mode's presenter view: a second window for the facilitator (current and next
    // step, notes, a clock), on display `display` (SDL's numbering) filling it, or, when
    // display < 0, as a window of the given size beside the first (one screen, tests). Returns
    // an empty string, or why not (the GLFW preview host has none).
    virtual std::string openPresenter(const WindowOptions& options, int display) {
        (void)options;
        (void)display;
        return std::string("no presenter window on the ") + name() + " host";
    }
    virtual int displays() const { return 1; }
    virtual bool hasPresenter() const { return false; }
    virtual void presenterSize(int& w, int& h) const { w = h = 0; }
    // Draws another ImGui context's draw data in the presenter window and shows it; with
    // capture, also reads its pixels back first (screenshots).
    virtual void renderPresenter(ImDrawData* data, std::vector<unsigned char>* capture) {
        (void)data;
        (void)capture;
    }
};

std::unique_ptr<Host> makeSdlHost();
std::unique_ptr<Host> makeGlfwHost();

} // namespace ev::platform
