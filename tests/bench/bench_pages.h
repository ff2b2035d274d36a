#pragma once
// What the frame benchmarks (frame_bench, switch_bench) share: their clocks, a sink that
// counts nothing, and the page each one times, the longest in a language.
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <string>

#include "core/pack/content.h"
#include "core/counts/events.h"

namespace ev::bench {

struct NullSink final : EventSink {
    void add(Event, const EventContext&, std::int64_t) override {}
};

inline double ms(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}
inline double wallMs() { return ms(CLOCK_MONOTONIC); }
inline double cpuMs() { return ms(CLOCK_THREAD_CPUTIME_ID); } // this thread's CPU time

// Bytes of text in a page's body.
inline std::size_t textLength(const PageText& t) {
    std::size_t n = 0;
    for (const auto& b : t.body.blocks)
        for (const auto& s : b.spans) n += s.text.size();
    return n;
}

// The page with the most body text in locale; nullptr if none has text there.
inline const Page* longestPage(const Pack& pack, const std::string& locale) {
    const Page* longest = nullptr;
    std::size_t most = 0;
    for (const Page& p : pack.pages)
        if (const PageText* t = pack.pageText(p.id, locale); t && textLength(*t) > most) {
            longest = &p;
            most = textLength(*t);
        }
    return longest;
}

} // namespace ev::bench
