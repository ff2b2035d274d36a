// The desktop preview host (--platform glfw) for the comms team. GLFW has no touch API, so the
// kiosk itself runs on SDL2; this host gives the same window, drawing and keys with a mouse.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <imgui.h>

#include <utility>

#include "platform/gl_host.h"
#include "platform/window_size.h"

namespace ev::platform {

namespace {

KeyPress keyPress(int key) {
    switch (key) {
    case GLFW_KEY_LEFT_SHIFT:
    case GLFW_KEY_RIGHT_SHIFT: return KeyPress::Shift;
    case GLFW_KEY_TAB: return KeyPress::Tab;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER: return KeyPress::Enter;
    case GLFW_KEY_SPACE: return KeyPress::Space;
    case GLFW_KEY_ESCAPE: return KeyPress::Escape;
    case GLFW_KEY_LEFT: return KeyPress::Left;
    case GLFW_KEY_RIGHT: return KeyPress::Right;
    case GLFW_KEY_UP: return KeyPress::Up;
    case GLFW_KEY_DOWN: return KeyPress::Down;
    case GLFW_KEY_PAGE_UP: return KeyPress::PageUp;
    case GLFW_KEY_PAGE_DOWN: return KeyPress::PageDown;
    case GLFW_KEY_HOME: return KeyPress::Home;
    case GLFW_KEY_END: return KeyPress::End;
    case GLFW_KEY_B: return KeyPress::B;
    case GLFW_KEY_PERIOD: return KeyPress::Period;
    case GLFW_KEY_N: return KeyPress::N;
    default: return KeyPress::Other;
    }
}

class GlfwHost final : public GlHost {
public:
    ~GlfwHost() override { close(); }

    std::string open(const WindowOptions& options) override {
        if (!ImGui::GetCurrentContext()) return "no ImGui context to attach the GLFW window to";
        if (!glfwInit()) return fail("GLFW could not start");
        glfwStarted_ = true;

        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, GlRenderer::kGlMajor);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, GlRenderer::kGlMinor);
        glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);
        // ImGui draws flat 2D: no depth or stencil buffer (4 MB saved at 1080x1920).
        glfwWindowHint(GLFW_DEPTH_BITS, 0);
        glfwWindowHint(GLFW_STENCIL_BITS, 0);

        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        Size size{options.width, options.height};
        int areaX = 0, areaY = 0;
        Size area{};
        if (monitor) glfwGetMonitorWorkarea(monitor, &areaX, &areaY, &area.width, &area.height);
        GLFWmonitor* fullscreenOn = nullptr;
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (options.fullscreen && mode) {
            // The desktop's own mode, so the screen does not switch modes (borderless fullscreen).
            glfwWindowHint(GLFW_RED_BITS, mode->redBits);
            glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
            glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
            glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
            size = {mode->width, mode->height};
            fullscreenOn = monitor;
        } else if (size.width <= 0 || size.height <= 0) {
            size = defaultWindowSize(area);
        }
        // Hidden until placed, so the window does not jump from where the window manager put it.
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        window_ = glfwCreateWindow(size.width, size.height, options.title.c_str(), fullscreenOn, nullptr);
        if (!window_) return fail("GLFW could not open a window with an OpenGL 3.0 context");
        if (!fullscreenOn && area.width > size.width && area.height > size.height)
            glfwSetWindowPos(window_, areaX + (area.width - size.width) / 2, areaY + (area.height - size.height) / 2);
        glfwShowWindow(window_);
        glfwMakeContextCurrent(window_);
        // Vsync paces any run of frames to the display; where it is not offered, frames are
        // few anyway (the loop draws only after a change).
        glfwSwapInterval(1);

        // Set before ImGui's backend installs its own: it then calls these first (1.86 keeps
        // the previous key, button, scroll and char callbacks and chains them).
        glfwSetWindowUserPointer(window_, this);
        glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int, int action, int) {
            HostEvents& events = self(w).pending_;
            events.input = true;
            if (action == GLFW_PRESS) events.keys.push_back(keyPress(key)); // GLFW_REPEAT ignored
        });
        glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned) { self(w).pending_.input = true; });
        glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int, int, int) { self(w).pending_.input = true; });
        glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double) { self(w).pending_.input = true; });
        glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) { self(w).pending_.input = true; });
        glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) { self(w).pending_.resized = true; });
        glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) { self(w).pending_.exposed = true; });

        if (!ImGui_ImplGlfw_InitForOpenGL(window_, true)) {
            close();
            return "ImGui's GLFW backend did not start";
        }
        return backendStarted(options.programCache);
    }

    const char* name() const override { return "glfw"; }
    void swap() override { glfwSwapBuffers(window_); }

private:
    bool waitOnce(std::optional<std::chrono::nanoseconds> left, HostEvents& events) override {
        std::swap(pending_, events); // the callbacks add to what this wait has gathered so far
        if (!left) glfwWaitEvents();
        else if (left->count() > 0) glfwWaitEventsTimeout(std::chrono::duration<double>(*left).count());
        else glfwPollEvents();
        if (glfwWindowShouldClose(window_)) pending_.quit = true;
        std::swap(pending_, events);
        return true;
    }

    void backendNewFrame() override { ImGui_ImplGlfw_NewFrame(); }
    void backendShutdown() override { ImGui_ImplGlfw_Shutdown(); }
    bool hasWindow() const override { return window_ != nullptr; }
    void drawableSize(int& w, int& h) const override { glfwGetFramebufferSize(window_, &w, &h); }

    void closeWindow() override {
        if (window_) glfwDestroyWindow(window_);
        window_ = nullptr;
        if (glfwStarted_) glfwTerminate();
        glfwStarted_ = false;
    }

    static GlfwHost& self(GLFWwindow* w) { return *static_cast<GlfwHost*>(glfwGetWindowUserPointer(w)); }

    std::string fail(const std::string& what) {
        const char* reason = nullptr;
        glfwGetError(&reason);
        std::string message = what + ": " + (reason ? reason : "no reason given");
        close();
        return message;
    }

    GLFWwindow* window_ = nullptr;
    bool glfwStarted_ = false;
    HostEvents pending_; // filled by the callbacks during a wait
};

} // namespace

std::unique_ptr<Host> makeGlfwHost() { return std::make_unique<GlfwHost>(); }

} // namespace ev::platform
