// frame_bench PACK [LOCALE]: CPU time to build one frame of the pack's longest page on a
// headless ImGui context at 1080x1920 (no GL: rasterisation by the GPU is not counted).
// Prints the cold first frame (layout included) and the median of 200 warm frames; then tours
// every page in every language (from cold, after the first screen's warm-up, and as a visit
// with idle turns between touches): the first frames in a new language and of each page, the
// warm-ups' steps and the layout cache's size.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/i18n/i18n.h"
#include "core/pack/pack_reader.h"
#include "core/session/session.h"
#include "text/engine.h"
#include "ui/app.h"

#include "bench_pages.h"

using ev::bench::cpuMs;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: frame_bench PACK [LOCALE]\n");
        return 2;
    }
    const ev::Pack pack = ev::readPack(argv[1]);
    const std::string locale = argc > 2 ? argv[2] : pack.defaultLocale;
    const ev::Page* longest = ev::bench::longestPage(pack, locale);
    if (!longest) return 1;

    // Layout alone, from cold: a fresh engine (fonts opened on first use) lays out every
    // paragraph of the page at the kiosk's sizes and width, with no glyph rasterised.
    double layoutMs = 0;
    {
        ev::text::Engine cold;
        const ev::PageText* t = pack.pageText(longest->id, locale);
        const bool rtl = ev::isRightToLeft(locale);
        const double t0 = cpuMs();
        for (const auto& b : t->body.blocks) {
            std::vector<ev::text::Run> runs;
            for (const auto& s : b.spans)
                runs.push_back({s.text, {38.0f, s.strong ? ev::text::Weight::Bold : ev::text::Weight::Regular}, 0});
            ev::text::ParagraphSpec spec;
            spec.maxWidth = 984;
            spec.language = locale;
            spec.direction = rtl ? ev::text::Direction::Rtl : ev::text::Direction::Ltr;
            cold.layout(runs, spec);
        }
        layoutMs = cpuMs() - t0;
    }

    ev::OffsetClock clock(true);
    ev::bench::NullSink sink;
    ev::SessionSettings settings;
    settings.defaultLocale = pack.defaultLocale;
    ev::Session session(clock, sink, settings);
    ev::text::Engine engine;
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {1080, 1920};
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    ev::ui::App app(pack, session, clock, engine);
    if (locale != pack.defaultLocale) session.chooseLanguage(locale);
    session.goTo({ev::Screen::Page, longest->id}, ev::Audience::Parent);

    // One frame of app on touring's screen, its CPU time.
    const auto tourFrame = [&](ev::Session& touring, ev::ui::App& tourApp) {
        const double t0 = cpuMs();
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        touring.tick();
        tourApp.frame();
        ImGui::Render();
        return cpuMs() - t0;
    };
    const auto frame = [&] { return tourFrame(session, app); };
    const double cold = frame();
    std::vector<double> warm;
    for (int i = 0; i < 200; ++i) warm.push_back(frame());
    std::sort(warm.begin(), warm.end());
    std::printf("page %s (%s, %zu bytes of text): layout from cold %.2f ms CPU, cold frame %.2f ms CPU, "
                "warm frame median %.3f ms CPU (p90 %.3f)\n",
                longest->id.c_str(), locale.c_str(), ev::bench::textLength(*pack.pageText(longest->id, locale)), layoutMs, cold, warm[warm.size() / 2],
                warm[warm.size() * 9 / 10]);

    // A tour of every page in every language, as a busy day's residents would make it: the
    // atlas must stay within its one texture. The first frame in each new language is the
    // frame that draws it (the switch), so its cost is what a resident waits. Toured twice:
    // from cold, and after the kiosk has warmed the languages on its first screen (the idle
    // steps the main loop gives it there). Each page opens straight after the last, with no
    // idle turn between: the worst case.
    const auto cache = [](const ev::text::EngineStats& s) {
        char out[96];
        std::snprintf(out, sizeof out, "layout cache %zu paragraphs, %.2f MiB", s.cachedParagraphs, double(s.cacheBytes) / 1048576.0);
        return std::string(out);
    };
    for (const bool warm : {false, true}) {
        ev::Session touring(clock, sink, settings);
        ev::text::Engine fresh;
        ev::ui::App tourApp(pack, touring, clock, fresh);
        touring.goTo({ev::Screen::Attract, {}});
        int steps = 0;
        double warmMs = 0;
        if (warm)
            for (; tourApp.warming(); ++steps) {
                const double t0 = cpuMs();
                tourApp.warmUp();
                warmMs = std::max(warmMs, cpuMs() - t0);
            }
        const std::string warmed = cache(fresh.stats());
        std::vector<double> switches, opened;
        for (const auto& l : pack.locales) {
            touring.chooseLanguage(l.tag);
            bool first = true;
            for (const auto& p : pack.pages) {
                touring.goTo({ev::Screen::Page, p.id}, ev::Audience::Parent);
                const double ms = tourFrame(touring, tourApp);
                if (first) switches.push_back(ms);
                opened.push_back(ms);
                first = false;
            }
        }
        std::sort(switches.begin(), switches.end());
        std::sort(opened.begin(), opened.end());
        const auto atlas = fresh.atlas();
        const auto stats = fresh.stats();
        std::printf("tour%s: %zu languages x %zu pages: atlas %dx%d (limit 4096x4096), %llu glyphs rasterised, "
                    "%llu atlas evictions; first frame in a new language median %.2f ms CPU, max %.2f ms",
                    warm ? " after warm-up" : "", pack.locales.size(), pack.pages.size(), atlas.width, atlas.height,
                    static_cast<unsigned long long>(stats.glyphsRasterised),
                    static_cast<unsigned long long>(stats.atlasEvictions), switches[switches.size() / 2],
                    switches.back());
        if (warm) std::printf(" (warm-up: %d steps, longest %.2f ms CPU, %s)", steps, warmMs, warmed.c_str());
        std::printf("; a page's first frame median %.2f ms, max %.2f ms; %s\n", opened[opened.size() / 2], opened.back(),
                    cache(stats).c_str());
    }

    // The same tour as a visit makes it, with the idle turns a kiosk has between touches (a
    // resident reads): after the first screen's warm-up, each language is chosen from the
    // bar on the page read last, which returns to that page in the new language (the switch),
    // and each page is opened from the one before. Every idle spell runs the warm-up to its
    // end, as a visitor's second or more of reading allows.
    {
        ev::Session touring(clock, sink, settings);
        ev::text::Engine fresh;
        ev::ui::App tourApp(pack, touring, clock, fresh);
        touring.goTo({ev::Screen::Attract, {}});
        int steps = 0;
        double stepMs = 0;
        const auto idle = [&] {
            for (; tourApp.warming(); ++steps) {
                const double t0 = cpuMs();
                tourApp.warmUp();
                stepMs = std::max(stepMs, cpuMs() - t0);
            }
        };
        idle();
        const int firstSteps = steps;
        const double firstStepMs = stepMs;
        steps = 0;
        stepMs = 0;
        const std::string warmed = cache(fresh.stats());
        touring.goTo({ev::Screen::Page, pack.pages.front().id}, ev::Audience::Parent);
        tourFrame(touring, tourApp);
        std::vector<double> switches, opened;
        std::string oneLanguage; // once the first language's pages are warm too
        for (const auto& l : pack.locales) {
            touring.openLanguages();
            tourFrame(touring, tourApp);
            idle();
            touring.chooseLanguage(l.tag);
            switches.push_back(tourFrame(touring, tourApp));
            idle();
            if (oneLanguage.empty()) oneLanguage = cache(fresh.stats());
            for (const auto& p : pack.pages) {
                touring.openPage(p.id);
                opened.push_back(tourFrame(touring, tourApp));
                idle();
            }
        }
        // The visit ends: back on the first screen the languages are warmed again where the
        // visit's pages pushed them out of the layout cache.
        touring.quickExit();
        tourFrame(touring, tourApp);
        touring.goTo({ev::Screen::Attract, {}});
        tourFrame(touring, tourApp);
        int again = 0;
        double againMs = 0, againLongest = 0;
        for (; tourApp.warming(); ++again) {
            const double t0 = cpuMs();
            tourApp.warmUp();
            const double ms = cpuMs() - t0;
            againMs += ms;
            againLongest = std::max(againLongest, ms);
        }
        std::sort(switches.begin(), switches.end());
        std::sort(opened.begin(), opened.end());
        std::printf("visit ended: the first screen's warm-up again, %d steps, %.1f ms CPU in all, longest %.2f ms\n", again,
                    againMs, againLongest);
        std::printf("visit: %zu languages x %zu pages, idle turns between touches: first frame in a new language "
                    "median %.2f ms CPU, max %.2f ms; a page's first frame median %.2f ms, max %.2f ms "
                    "(first screen's warm-up: %d steps, longest %.2f ms CPU, %s; the visit's: %d steps, longest %.2f ms "
                    "CPU); with the first language's pages %s; at the end %s\n",
                    pack.locales.size(), pack.pages.size(), switches[switches.size() / 2], switches.back(),
                    opened[opened.size() / 2], opened.back(), firstSteps, firstStepMs, warmed.c_str(), steps, stepMs,
                    oneLanguage.c_str(), cache(fresh.stats()).c_str());
    }
    ImGui::DestroyContext();
    return 0;
}
