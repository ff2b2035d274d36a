// The kiosk's host: SDL2 gives real touch, fullscreen on X11, Wayland and KMSDRM, and audio.
#include <GL/gl.h>
#include <SDL.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <climits>
#include <cstring>

#include "platform/gl_host.h"
#include "platform/gl_texture.h"
#include "platform/window_size.h"

namespace ev::platform {

namespace {

KeyPress keyPress(SDL_Keycode key) {
    switch (key) {
    case SDLK_LSHIFT:
    case SDLK_RSHIFT: return KeyPress::Shift;
    case SDLK_TAB: return KeyPress::Tab;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return KeyPress::Enter;
    case SDLK_SPACE: return KeyPress::Space;
    case SDLK_ESCAPE: return KeyPress::Escape;
    case SDLK_LEFT: return KeyPress::Left;
    case SDLK_RIGHT: return KeyPress::Right;
    case SDLK_UP: return KeyPress::Up;
    case SDLK_DOWN: return KeyPress::Down;
    case SDLK_PAGEUP: return KeyPress::PageUp;
    case SDLK_PAGEDOWN: return KeyPress::PageDown;
    case SDLK_HOME: return KeyPress::Home;
    case SDLK_END: return KeyPress::End;
    case SDLK_b: return KeyPress::B;
    case SDLK_PERIOD: return KeyPress::Period;
    case SDLK_n: return KeyPress::N;
    default: return KeyPress::Other;
    }
}

class SdlHost final : public GlHost {
public:
    ~SdlHost() override { close(); }

    std::string open(const WindowOptions& options) override {
        if (!ImGui::GetCurrentContext()) return "no ImGui context to attach the SDL2 window to";
        // ImGui 1.86's SDL backend reads only the mouse, so a finger must also move and click
        // the mouse. That is SDL's default; said here so that it stays true.
        SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
        if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) return fail("SDL2 could not start video");
        sdlStarted_ = true;
        // With no display SDL falls back to an invisible "offscreen" window: a kiosk would then
        // seem to start while showing nothing. Only take it when asked for by name.
        const char* asked = SDL_getenv("SDL_VIDEODRIVER");
        if (std::strcmp(SDL_GetCurrentVideoDriver(), "offscreen") == 0 && !(asked && std::strcmp(asked, "offscreen") == 0)) {
            close();
            return "no display found (set DISPLAY or WAYLAND_DISPLAY, or run on a console with KMS)";
        }

        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, GlRenderer::kGlMajor);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, GlRenderer::kGlMinor);
        SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
        // ImGui draws flat 2D: no depth or stencil buffer (4 MB saved at 1080x1920).
        SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
        SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

        Uint32 flags = SDL_WINDOW_OPENGL;
        Size size{options.width, options.height};
        if (options.fullscreen) {
            // The display's own size as well: without a window manager (a kiosk session, a
            // test's X server) nothing else makes a fullscreen window fill it.
            flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
            SDL_Rect b{};
            if (SDL_GetDisplayBounds(0, &b) == 0) size = Size{b.w, b.h};
        } else {
            flags |= SDL_WINDOW_RESIZABLE;
            if (size.width <= 0 || size.height <= 0) {
                SDL_Rect usable{};
                size = defaultWindowSize(SDL_GetDisplayUsableBounds(0, &usable) == 0 ? Size{usable.w, usable.h} : Size{});
            }
        }
        window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                   std::max(size.width, 1), std::max(size.height, 1), flags);
        if (!window_) return fail("SDL2 could not open a window");
        // SDL starts text input by default wherever there is no on-screen keyboard: it opens an
        // input method and, on touch devices, may bring up a keyboard. The kiosk takes no text
        // from anyone (docs/design.md, safeguarding rule 1), so text input is never on.
        SDL_StopTextInput();

        context_ = SDL_GL_CreateContext(window_);
        if (!context_) return fail("SDL2 could not create an OpenGL 3.0 context");
        SDL_GL_MakeCurrent(window_, context_);
        // Vsync paces any run of frames to the display; where it is not offered, frames are
        // few anyway (the loop draws only after a change), so failure is not an error.
        SDL_GL_SetSwapInterval(1);

        if (!ImGui_ImplSDL2_InitForOpenGL(window_, context_)) return fail("ImGui's SDL2 backend did not start");
        return backendStarted(options.programCache);
    }

    const char* name() const override { return "sdl2"; }
    void swap() override { SDL_GL_SwapWindow(window_); }

    int displays() const override { return std::max(1, SDL_GetNumVideoDisplays()); }
    bool hasPresenter() const override { return presenter_ != nullptr; }

    // The facilitator's laptop screen; the kiosk's window (the room's) goes to the other display.
    std::string openPresenter(const WindowOptions& options, int display) override {
        if (!window_) return "no window yet";
        // On a display, it fills it (its bounds given too: without a window manager nothing
        // else would); beside the first window, it has the size asked for.
        SDL_Rect at{int(SDL_WINDOWPOS_UNDEFINED), int(SDL_WINDOWPOS_UNDEFINED), std::max(options.width, 200),
                    std::max(options.height, 200)};
        Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE;
        if (display >= 0 && SDL_GetDisplayBounds(display, &at) == 0) flags = SDL_WINDOW_OPENGL | SDL_WINDOW_FULLSCREEN_DESKTOP;
        presenter_ = SDL_CreateWindow((options.title + ": presenter").c_str(), at.x, at.y, at.w, at.h, flags);
        if (!presenter_) return std::string("SDL2 could not open the presenter window: ") + SDL_GetError();
        SDL_Rect room{};
        if (display >= 0 && SDL_GetDisplayBounds((display + 1) % displays(), &room) == 0) { // the room's window on the next display
            const Uint32 full = SDL_GetWindowFlags(window_) & SDL_WINDOW_FULLSCREEN_DESKTOP;
            if (full) SDL_SetWindowFullscreen(window_, 0); // a fullscreen window moves only as a window
            if (full) SDL_SetWindowSize(window_, room.w, room.h);
            int w = 0, h = 0;
            SDL_GetWindowSize(window_, &w, &h);
            SDL_SetWindowPosition(window_, room.x + std::max(0, (room.w - w) / 2), room.y + std::max(0, (room.h - h) / 2));
            if (full) SDL_SetWindowFullscreen(window_, full);
        }
        SDL_GL_MakeCurrent(window_, context_);
        return {};
    }

    void presenterSize(int& w, int& h) const override {
        w = h = 0;
        if (presenter_) SDL_GL_GetDrawableSize(presenter_, &w, &h);
    }

    // The one GL context draws in both windows (they share a pixel format), with the room's
    // ImGui renderer: the presenter's context shares its font atlas and the text atlas.
    void renderPresenter(ImDrawData* data, std::vector<unsigned char>* capture) override {
        if (!presenter_) return;
        SDL_GL_MakeCurrent(presenter_, context_);
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(presenter_, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        draw(data, w, h);
        if (capture) *capture = readPixels(w, h);
        SDL_GL_SwapWindow(presenter_);
        SDL_GL_MakeCurrent(window_, context_);
    }

private:
    bool waitOnce(std::optional<std::chrono::nanoseconds> left, HostEvents& events) override {
        SDL_Event e;
        int got = 0;
        if (!left) {
            got = SDL_WaitEvent(&e);
        } else {
            const auto ms = std::chrono::ceil<Millis>(*left).count();
            got = ms > 0 ? SDL_WaitEventTimeout(&e, static_cast<int>(std::min<long long>(ms, INT_MAX))) : SDL_PollEvent(&e);
        }
        if (!got) return left.has_value(); // SDL_WaitEvent failed: waiting again would fail again
        handle(e, events);
        while (SDL_PollEvent(&e)) handle(e, events);
        return true;
    }

    void backendNewFrame() override { ImGui_ImplSDL2_NewFrame(); }
    void backendShutdown() override { ImGui_ImplSDL2_Shutdown(); }
    bool hasWindow() const override { return window_ != nullptr; }
    void drawableSize(int& w, int& h) const override { SDL_GL_GetDrawableSize(window_, &w, &h); }

    void closeWindow() override {
        if (presenter_) SDL_DestroyWindow(presenter_);
        presenter_ = nullptr;
        if (context_) SDL_GL_DeleteContext(context_);
        context_ = nullptr;
        if (window_) SDL_DestroyWindow(window_);
        window_ = nullptr;
        if (sdlStarted_) SDL_Quit();
        sdlStarted_ = false;
    }

    std::string fail(const std::string& what) {
        std::string message = what + ": " + SDL_GetError();
        close();
        return message;
    }

    void handle(const SDL_Event& e, HostEvents& events) {
        // The presenter window shows, it takes no pointer: only its keys drive the presentation.
        const bool presenter = presenter_ && e.type != SDL_KEYDOWN && e.type != SDL_KEYUP &&
                               windowOf(e) == SDL_GetWindowID(presenter_);
        if (presenter) {
            if (e.type == SDL_WINDOWEVENT) events.exposed = true; // resized, shown: draw both again
            return;
        }
        ImGui_ImplSDL2_ProcessEvent(&e);
        switch (e.type) {
        case SDL_QUIT: events.quit = true; break;
        case SDL_WINDOWEVENT:
            switch (e.window.event) {
            case SDL_WINDOWEVENT_CLOSE: events.quit = true; break;
            case SDL_WINDOWEVENT_SIZE_CHANGED: events.resized = true; break;
            case SDL_WINDOWEVENT_SHOWN:
            case SDL_WINDOWEVENT_EXPOSED:
            case SDL_WINDOWEVENT_RESTORED: events.exposed = true; break;
            default: break;
            }
            break;
        case SDL_KEYDOWN:
            events.input = true;
            if (!e.key.repeat) events.keys.push_back(keyPress(e.key.keysym.sym));
            break;
        case SDL_KEYUP:
        case SDL_TEXTINPUT:
        case SDL_MOUSEMOTION:
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
        case SDL_MOUSEWHEEL:
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
        case SDL_FINGERMOTION: events.input = true; break;
        default: break;
        }
    }

    static Uint32 windowOf(const SDL_Event& e) {
        switch (e.type) {
        case SDL_WINDOWEVENT: return e.window.windowID;
        case SDL_MOUSEMOTION: return e.motion.windowID;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: return e.button.windowID;
        case SDL_MOUSEWHEEL: return e.wheel.windowID;
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
        case SDL_FINGERMOTION: return e.tfinger.windowID;
        default: return 0;
        }
    }

    SDL_Window* window_ = nullptr;
    SDL_Window* presenter_ = nullptr; // present mode's second window, if any
    SDL_GLContext context_ = nullptr;
    bool sdlStarted_ = false;
};

} // namespace

std::unique_ptr<Host> makeSdlHost() { return std::make_unique<SdlHost>(); }

} // namespace ev::platform
