// Fuzz target: a session plan as the pack tool reads and lints it, then as present mode lays
// it out. The input is plans/p/plan.toml, then optionally "\n%%\n" and its English text, then
// "\n%%\n" and its Urdu text, written into a copy of the small right-to-left fixture source
// (tests/tools/fixtures/rtl, two pages) so cross-checks against real pages run too.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/pack/deck.h"
#include "diagnostics.h"
#include "plan_check.h"
#include "source.h"

namespace {

namespace fs = std::filesystem;

const fs::path& workDir() {
    static const fs::path dir = [] {
        const fs::path d = fs::temp_directory_path() / ("ev-fuzz-plan-" + std::to_string(::getpid()));
        fs::remove_all(d);
        fs::copy(fs::path(EV_FUZZ_FIXTURES) / "rtl", d, fs::copy_options::recursive);
        fs::create_directories(d / "plans" / "p");
        return d;
    }();
    return dir;
}

void write(const fs::path& file, std::string_view bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    const fs::path plan = workDir() / "plans" / "p";
    const char* files[] = {"plan.toml", "en.toml", "ur.toml"};
    for (const char* name : files) {
        const std::size_t cut = rest.find("\n%%\n");
        if (rest.empty() && name != files[0]) {
            fs::remove(plan / name);
            continue;
        }
        write(plan / name, rest.substr(0, cut));
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 4);
    }
    evpack::Diagnostics diag;
    const evpack::Source src = evpack::readSource(workDir(), fs::path(EV_FUZZ_FIXTURES) / "locales", diag);
    evpack::checkPlans(src, diag);
    for (const std::string locale : {"en", "ur"}) {
        const auto deck = ev::deckFor(src.pack, "plan:p", locale);
        if (!deck) continue;
        for (const ev::DeckStep& step : deck->steps)
            for (const ev::Page& page : src.pack.pages)
                if (page.id == step.pageId)
                    for (const auto& [tag, text] : page.text) (void)ev::stepBlocks(step, text);
    }
    return 0;
}
