// pack_open PACK KEY.pub [RUNS]: how long the kiosk takes to open a signed pack as it does an
// update: the minisign signature checked (BLAKE2b over the whole file, then Ed25519), then
// readPack's open, quick_check and load, media included. The median of RUNS (default 9), in
// milliseconds. The budget is 100 ms for a 20 MB pack (tools/bench.sh makes and signs one).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/pack/minisign.h"
#include "core/pack/signed_pack.h"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: pack_open PACK KEY.pub [RUNS]\n");
        return 2;
    }
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 9;
    std::vector<double> ms;
    std::size_t mediaBytes = 0;
    try {
        const std::vector<ev::PublicKey> keys{ev::readPublicKey(argv[2])};
        for (int i = 0; i < runs; ++i) {
            const auto start = std::chrono::steady_clock::now();
            const ev::Pack pack = ev::openSignedPack(argv[1], keys).pack;
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            mediaBytes = 0;
            for (const auto& [name, m] : pack.mediaByName) mediaBytes += m.bytes.size();
        }
    } catch (const std::exception& e) { // PackError, SignatureError
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    std::sort(ms.begin(), ms.end());
    std::printf("pack open and verify: %.1f ms median of %d (%.1f MB of media)\n", ms[ms.size() / 2], runs, mediaBytes / 1e6);
    return 0;
}
