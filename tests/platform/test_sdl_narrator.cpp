// SdlNarrator with a recording made by espeak-ng and oggenc, played through SDL's disk audio
// driver (which writes what a sound card would get to a file, in real time): the sound
// arrives, pause and stop act at once, volume scales it, and a damaged file plays nothing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "platform/sdl_narrator.h"

using namespace std::chrono_literals;
using ev::Narrator;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string name = (fs::temp_directory_path() / "ev-narrator-XXXXXX").string();
        REQUIRE(mkdtemp(name.data()));
        path = name;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string readFile(const fs::path& f) {
    std::ifstream in(f, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Paths made here hold no quotes or spaces; the shell sees them as they are.
int run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

ev::Recording makeRecording(const TempDir& dir) {
    const std::string wav = dir.path / "speech.wav", ogg = dir.path / "speech.ogg";
    REQUIRE(run("espeak-ng -v en -w " + wav + " 'If you are worried about a child, you can talk to someone today.'") == 0);
    REQUIRE(run("oggenc -Q " + wav + " -o " + ogg) == 0);
    const std::string s = readFile(ogg);
    return std::make_shared<const std::vector<std::uint8_t>>(s.begin(), s.end());
}

// The loudest 16-bit sample of the sound the disk driver wrote, from byte `from` to `to`.
int peak(const std::string& s, std::size_t from, std::size_t to) {
    int most = 0;
    for (std::size_t i = from & ~std::size_t(1); i + 1 < to; i += 2)
        most = std::max(most, std::abs(int(std::int16_t(std::uint8_t(s[i]) | std::uint8_t(s[i + 1]) << 8))));
    return most;
}

} // namespace

// One narrator for the whole run: espeak-ng's global state allows one initialisation a process.
TEST_CASE("a recording plays, pauses, resumes and stops at once, at the volume asked") {
    setenv("SDL_AUDIODRIVER", "disk", 1);
    TempDir dir;
    const ev::Recording recording = makeRecording(dir);
    const fs::path raw = dir.path / "out.raw";
    setenv("SDL_DISKAUDIOFILE", raw.c_str(), 1);
    std::size_t fullEnds = 0, quietStarts = 0;
    {
        ev::platform::SdlNarrator narrator;
        REQUIRE(narrator.canPlay());
        CHECK(narrator.state() == Narrator::State::Idle);
        narrator.setVolume(Narrator::kVolumeMax);
        REQUIRE(narrator.play(recording));
        CHECK(narrator.state() == Narrator::State::Playing);
        std::this_thread::sleep_for(1s);
        narrator.pause();
        CHECK(narrator.state() == Narrator::State::Paused);
        std::this_thread::sleep_for(300ms);
        CHECK(narrator.state() == Narrator::State::Paused); // holds, with sound still to come
        narrator.resume();
        CHECK(narrator.state() == Narrator::State::Playing);
        narrator.stop();
        CHECK(narrator.state() == Narrator::State::Idle); // nothing left queued, nothing coming
        fullEnds = fs::file_size(raw);

        const auto damaged = std::make_shared<const std::vector<std::uint8_t>>(recording->begin(),
                                                                               recording->begin() + recording->size() / 2);
        CHECK_FALSE(narrator.play(damaged));
        CHECK(narrator.state() == Narrator::State::Idle);

        // The same first second again, at the least volume.
        quietStarts = fs::file_size(raw);
        narrator.setVolume(Narrator::kVolumeMin);
        REQUIRE(narrator.play(recording));
        std::this_thread::sleep_for(1s);
    }
    const std::string sound = readFile(raw);
    const int full = peak(sound, 0, fullEnds), quiet = peak(sound, quietStarts, sound.size());
    INFO("peak at full volume " << full << ", at the least " << quiet);
    CHECK(full > 3000);
    CHECK(quiet > full * 0.15);
    CHECK(quiet < full * 0.35);
}
