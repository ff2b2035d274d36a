// pack_open PACK [RUNS]: how long readPack takes to open, check (quick_check) and load a pack,
// media included: the median of RUNS (default 9), in milliseconds. The budget is 100 ms for a
// 20 MB pack (tools/bench.sh makes one).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/pack_reader.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: pack_open PACK [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 9;
    std::vector<double> ms;
    std::size_t mediaBytes = 0;
    try {
        for (int i = 0; i < runs; ++i) {
            const auto start = std::chrono::steady_clock::now();
            const ev::Pack pack = ev::readPack(argv[1]);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            mediaBytes = 0;
            for (const auto& [name, m] : pack.mediaByName) mediaBytes += m.bytes.size();
        }
    } catch (const ev::PackError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    std::sort(ms.begin(), ms.end());
    std::printf("pack open: %.1f ms median of %d (%.1f MB of media)\n", ms[ms.size() / 2], runs, mediaBytes / 1e6);
    return 0;
}
