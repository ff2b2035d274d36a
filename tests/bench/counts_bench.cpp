// counts_bench: the UI thread's cost per counted event, and how long the writer takes to
// commit 1,000,000 events, in a temporary state folder.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/clock.h"
#include "core/counts/counts.h"

int main() {
    namespace fs = std::filesystem;
    using Clock = std::chrono::steady_clock;
    const fs::path dir = fs::temp_directory_path() / ("ev-counts-bench-" + std::to_string(::getpid()));
    constexpr int kEvents = 1'000'000;
    const char* pages[] = {"what-is-abuse", "signs", "online-safety", "if-a-child-tells-you"};
    const char* locales[] = {"en", "bn", "ur", "pl"};
    const char* audiences[] = {"child", "parent", "community"};
    ev::SystemClock clock;
    double perEventNs = 0, totalMs = 0;
    {
        ev::Counter counter(dir, clock);
        counter.setPack("default");
        ev::EventContext ctx;
        const auto t0 = Clock::now();
        for (int i = 0; i < kEvents; ++i) {
            ctx.page = pages[i % 4];
            ctx.locale = locales[(i / 4) % 4];
            ctx.audience = audiences[i % 3];
            counter.count(i % 5 ? ev::Event::PageView : ev::Event::HelpView, ctx);
        }
        const auto t1 = Clock::now();
        counter.flush();
        const auto t2 = Clock::now();
        perEventNs = std::chrono::duration<double, std::nano>(t1 - t0).count() / kEvents;
        totalMs = std::chrono::duration<double, std::milli>(t2 - t0).count();
    }
    // What each second's commit costs on disk: a visit's worth of events (a dozen keys), then
    // flush(), as the writer does once a second. This is the price of the rollback journal and
    // secure_delete (docs/counts.md, "No visit's path on disk").
    constexpr int kCommits = 200;
    double perCommitMs = 0;
    {
        ev::Counter counter(dir, clock);
        counter.setPack("default");
        ev::EventContext ctx;
        const auto t0 = Clock::now();
        for (int c = 0; c < kCommits; ++c) {
            for (int i = 0; i < 12; ++i) {
                ctx.page = pages[(c + i) % 4];
                ctx.locale = locales[c % 4];
                ctx.audience = audiences[i % 3];
                counter.count(i % 3 ? ev::Event::PageView : ev::Event::HelpView, ctx);
            }
            counter.flush();
        }
        perCommitMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count() / kCommits;
    }
    fs::remove_all(dir);
    std::printf("counts: UI thread %.1f ns per event (includes setting the context strings); "
                "%d events counted and committed in %.0f ms; one visit's commit %.2f ms (mean of %d)\n",
                perEventNs, kEvents, totalMs, perCommitMs, kCommits);
    return 0;
}
