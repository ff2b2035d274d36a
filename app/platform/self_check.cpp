#include "platform/self_check.h"

#include <GL/gl.h>
#include <SDL.h>

#include <cstdlib>

#include "core/i18n/i18n.h"
#include "platform/host.h"

namespace ev::platform {

using Level = CheckResult::Level;

CheckResult checkGlContext() {
    const auto text = [](GLenum what) {
        const auto* s = reinterpret_cast<const char*>(glGetString(what));
        return std::string(s ? s : "?");
    };
    // The running kiosk's admin screen: the context it draws with.
    if (SDL_GL_GetCurrentContext()) return {"gl", Level::Pass, "OpenGL " + text(GL_VERSION) + " (" + text(GL_RENDERER) + ")"};
    std::unique_ptr<Host> host = makeSdlHost();
    WindowOptions window;
    window.width = window.height = 200;
    window.title = "Every Voice self-check";
    if (const std::string error = host->open(window); !error.empty()) {
        // Over ssh, or before the compositor starts (the unit's ExecStartPre), there is nothing
        // to draw on: that says nothing about the machine's GL.
        if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
            return {"gl", Level::Warn, "not tried, no display here (" + error + ")"};
        return {"gl", Level::Fail, error};
    }
    CheckResult r{"gl", Level::Pass, "OpenGL " + text(GL_VERSION) + " (" + text(GL_RENDERER) + ")"};
    host->close();
    return r;
}

CheckResult checkFonts(text::Engine& engine, const Pack& pack) {
    std::string found, missing;
    for (const LocaleInfo& l : pack.locales) {
        const std::string name = autonym(l.tag);
        text::ParagraphSpec spec;
        spec.language = l.tag;
        const auto p = engine.layout(name, text::Style{}, spec);
        std::vector<text::Quad> quads;
        engine.quads(*p, quads);
        if (text::Engine::hasMissingGlyphs(*p) || quads.empty())
            missing += (missing.empty() ? "" : ", ") + l.tag + " (" + name + ")";
        else
            found += (found.empty() ? "" : " ") + l.tag;
    }
    if (!missing.empty())
        return {"fonts", Level::Fail, "no font draws " + missing + ": install fonts-noto-core"};
    return {"fonts", Level::Pass, "every language draws its name: " + found};
}

CheckResult checkAudio() {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        return {"audio", Level::Warn, std::string("no audio (") + SDL_GetError() + "): Listen will not play"};
    SDL_AudioSpec want{};
    want.freq = 22050;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
    CheckResult r{"audio", Level::Pass, std::string("plays through SDL's ") + SDL_GetCurrentAudioDriver() + " driver"};
    if (device == 0) r = {"audio", Level::Warn, std::string("no audio device (") + SDL_GetError() + "): Listen will not play"};
    else SDL_CloseAudioDevice(device);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return r;
}

} // namespace ev::platform
