// switch_bench PACK [RUNS]: the first frame in each language, drawn with GL in the kiosk's own
// window and context (the SDL2 host at 1080x1920): the ImGui frame built (text shaped, glyphs
// rasterised), the atlas texture brought up to date, drawn, swapped and finished (glFinish):
// the wall time a resident waits. Each run starts with a fresh text engine on the attract
// screen, lets the language warm-up finish as an idle kiosk does, then for each language in
// the pack's order goes back to the attract screen, chooses the language (the "who is this
// for" screen follows) and, after the idle turns a kiosk has while the resident reads it,
// opens the language's longest page. Prints, per language, the median
// and max over the runs of both first frames (wall time), with the medians of their parts: the
// frame built (layout, rasterising) and the atlas texture's upload, in this thread's CPU time
// (on a loaded machine wall time there is mostly waiting for a core), and drawing it, in wall
// time (llvmpipe rasterises the whole window on its own threads at the swap); and, as the
// floor, the same screen drawn again with nothing new (wall).
#include <GL/gl.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/pack/pack_reader.h"
#include "core/session/session.h"
#include "platform/gl_images.h"
#include "platform/gl_texture.h"
#include "platform/host.h"
#include "text/engine.h"
#include "ui/app.h"

#include "bench_pages.h"

namespace {

using ev::bench::cpuMs;
using ev::bench::wallMs;


struct Timing {
    double wall = 0, build = 0, upload = 0, draw = 0; // build and upload CPU, the others wall
    double total() const { return wall; }
};

// One kind of frame over the runs: the first in a language, or the same screen again.
struct Series {
    std::vector<Timing> first;
    std::vector<double> again;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

template <class F> double medianOf(const std::vector<Timing>& v, F part) {
    std::vector<double> out;
    for (const Timing& t : v) out.push_back(part(t));
    return median(out);
}

std::string summary(const Series& s) {
    if (s.first.empty()) return "-";
    std::vector<double> totals;
    for (const Timing& t : s.first) totals.push_back(t.total());
    char out[160];
    std::snprintf(out, sizeof out, "%6.2f max %6.2f (build %5.2f upload %5.2f cpu, draw %6.2f; again %6.2f)", median(totals),
                  *std::max_element(totals.begin(), totals.end()), medianOf(s.first, [](const Timing& t) { return t.build; }),
                  medianOf(s.first, [](const Timing& t) { return t.upload; }),
                  medianOf(s.first, [](const Timing& t) { return t.draw; }), median(s.again));
    return out;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: switch_bench PACK [RUNS]\n");
        return 2;
    }
    const ev::Pack pack = ev::readPack(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;

    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    auto host = ev::platform::makeSdlHost();
    if (const std::string error = host->open(ev::platform::WindowOptions{1080, 1920, false, "switch_bench", {}}); !error.empty()) {
        std::fprintf(stderr, "switch_bench: %s\n", error.c_str());
        return 1;
    }
    std::map<std::string, Series> chosen, paged;
    int atlasSide = 0;
    for (int run = 0; run < runs; ++run) {
        ev::OffsetClock clock(true);
        ev::bench::NullSink sink;
        ev::SessionSettings settings;
        settings.defaultLocale = pack.defaultLocale;
        ev::Session session(clock, sink, settings);
        ev::text::Engine engine;
        ev::platform::GlAtlasTexture atlas;
        ev::platform::GlImageUploader images;
        {
            ev::ui::App app(pack, session, clock, engine);
            app.setTextureUploader(&images);
            // As KioskLoop::buildFrame and frame: a frame whose atlas grew is built again.
            const auto frame = [&] {
                Timing t;
                const double start = wallMs();
                for (int attempt = 0; attempt < 2; ++attempt) {
                    const int before = engine.atlas().width;
                    const double t0 = cpuMs();
                    host->newFrame();
                    ImGui::NewFrame();
                    session.tick();
                    app.frame();
                    ImGui::Render();
                    const double t1 = cpuMs();
                    app.text().setAtlasTexture(atlas.sync(engine.atlas(), engine.takeAtlasChanged()));
                    const double t2 = cpuMs();
                    t.build += t1 - t0;
                    t.upload += t2 - t1;
                    if (engine.atlas().width == before) break;
                }
                const double t0 = wallMs();
                host->render(app.background());
                host->swap();
                glFinish();
                t.draw = wallMs() - t0;
                t.wall = wallMs() - start;
                return t;
            };
            // The first frame, the kiosk's settling frames, and one more of the same screen.
            const auto measure = [&](Series* into) {
                const Timing first = frame();
                frame();
                frame();
                const double again = frame().total();
                if (into) {
                    into->first.push_back(first);
                    into->again.push_back(again);
                }
            };
            session.goTo({ev::Screen::Attract, {}});
            measure(nullptr);
            while (app.warming()) app.warmUp();
            for (const auto& l : pack.locales) {
                session.goTo({ev::Screen::Attract, {}});
                measure(nullptr);
                session.chooseLanguage(l.tag);
                measure(&chosen[l.tag]);
                const ev::Page* longest = ev::bench::longestPage(pack, l.tag);
                if (!longest) continue;
                // The idle turns a kiosk has while the resident reads the screen, before the
                // next touch (the visit's warm-up, ui/page_warmup.h).
                while (app.warming()) app.warmUp();
                session.openPage(longest->id);
                measure(&paged[l.tag]);
            }
            atlasSide = engine.atlas().width;
        }
    }
    std::printf("switch_bench: %d runs; ms of a first frame (built, uploaded, drawn, glFinish), wall median and max,\n"
                "build and upload CPU, draw and the same screen again wall;\n"
                "atlas %dx%d at the end of a run\n",
                runs, atlasSide, atlasSide);
    Series allChosen, allPaged;
    for (const auto& l : pack.locales) {
        std::printf("switch %-5s chosen %s\n             page   %s\n", l.tag.c_str(), summary(chosen[l.tag]).c_str(),
                    summary(paged[l.tag]).c_str());
        for (auto [all, one] : {std::pair{&allChosen, &chosen[l.tag]}, std::pair{&allPaged, &paged[l.tag]}}) {
            all->first.insert(all->first.end(), one->first.begin(), one->first.end());
            all->again.insert(all->again.end(), one->again.begin(), one->again.end());
        }
    }
    std::printf("switch all   chosen %s\n             page   %s\n", summary(allChosen).c_str(), summary(allPaged).c_str());
    host->close();
    ImGui::DestroyContext();
    return 0;
}
