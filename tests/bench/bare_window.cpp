// bench_bare_window [W H | WxH]: the floor for the kiosk's first-frame budget. Opens an SDL2
// window (default 1080x1920) with the same GL 3.0 context the kiosk asks for, clears it, reads
// one pixel back, swaps, waits for the GPU, and prints when the frame was finished:
//   first_frame_ms N       from the first statement of main (leaves out exec and dynamic linking)
//   first_frame_at_ns T    wall clock, as the kiosk's --bench-first-frame prints it, so that
//                          tools/bench.sh measures both programs from its own start the same way
// Both are taken at the point where the kiosk takes its own: after the swap and glFinish, when
// the frame has reached the window (with llvmpipe the swap copies it to the X server).
#include <GL/gl.h>
#include <SDL.h>

#include <charconv>
#include <cstdio>
#include <ctime>
#include <string_view>

namespace {

long long nanos(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<long long>(t.tv_sec) * 1'000'000'000LL + t.tv_nsec;
}

bool parseInt(std::string_view s, int& out) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && out > 0;
}

bool parseSize(int argc, char** argv, int& w, int& h) {
    if (argc == 1) return true;
    if (argc == 3) return parseInt(argv[1], w) && parseInt(argv[2], h);
    if (argc == 2) {
        const std::string_view s = argv[1];
        const auto x = s.find('x');
        return x != std::string_view::npos && parseInt(s.substr(0, x), w) && parseInt(s.substr(x + 1), h);
    }
    return false;
}

} // namespace

int main(int argc, char** argv) {
    const long long start = nanos(CLOCK_MONOTONIC);
    int w = 1080, h = 1920;
    if (!parseSize(argc, argv, w, h)) {
        std::fprintf(stderr, "usage: bench_bare_window [W H | WxH]   (default 1080 1920)\n");
        return 2;
    }
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "bench_bare_window: SDL2 could not start video: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    SDL_Window* window = SDL_CreateWindow("bench_bare_window", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                          SDL_WINDOW_OPENGL);
    SDL_GLContext context = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!context) {
        std::fprintf(stderr, "bench_bare_window: no window with an OpenGL 3.0 context: %s\n", SDL_GetError());
        SDL_Quit();
        return 1;
    }
    SDL_GL_SetSwapInterval(1);

    glViewport(0, 0, w, h);
    glClearColor(11 / 255.0f, 31 / 255.0f, 51 / 255.0f, 1.0f); // the kiosk's navy
    glClear(GL_COLOR_BUFFER_BIT);
    unsigned char pixel[4] = {};
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(w / 2, h / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
    SDL_GL_SwapWindow(window);
    glFinish();
    const long long done = nanos(CLOCK_MONOTONIC);
    const long long doneWall = nanos(CLOCK_REALTIME);

    // A frame that never reached the GPU would make the floor meaninglessly low.
    const bool drawn = pixel[0] == 11 && pixel[1] == 31 && pixel[2] == 51;
    SDL_GL_DeleteContext(context);
    SDL_DestroyWindow(window);
    SDL_Quit();
    if (!drawn) {
        std::fprintf(stderr, "bench_bare_window: read back %d,%d,%d instead of the clear colour 11,31,51\n",
                     pixel[0], pixel[1], pixel[2]);
        return 1;
    }
    std::printf("first_frame_ms %.1f\nfirst_frame_at_ns %lld\n", (done - start) / 1e6, doneWall);
    return 0;
}
