// Recorded narration as the comms team will make it: speech saved by espeak-ng, encoded by
// oggenc (vorbis-tools) and opusenc (opus-tools), none of them ours. The decoder must agree
// with the WAV and with ogginfo/opusinfo about rate, channels and length, and must refuse
// damaged or truncated files with a reason instead of crashing.
#include <catch2/catch.hpp>

#include <cstring>
#include <regex>
#include <vector>

#include "media/ogg_audio.h"
#include "process.h"

namespace {

using evtest::quote;
using evtest::run;

std::vector<std::uint8_t> bytesOf(const evtest::fs::path& f) {
    const std::string s = evtest::readFile(f);
    return {s.begin(), s.end()};
}

// Seconds of 16-bit mono sound in a WAV, from where its data chunk starts to the end of the file
// (espeak-ng may leave the chunk's size unset when it writes as it speaks).
double wavSeconds(const std::vector<std::uint8_t>& wav, int rate) {
    for (std::size_t at = 12; at + 8 <= wav.size();) {
        const std::uint32_t size = wav[at + 4] | wav[at + 5] << 8 | wav[at + 6] << 16 | std::uint32_t(wav[at + 7]) << 24;
        if (std::memcmp(&wav[at], "data", 4) == 0) return double(wav.size() - at - 8) / 2 / rate;
        at += 8 + size;
    }
    FAIL("no data chunk in the WAV");
    return 0;
}

int wavRate(const std::vector<std::uint8_t>& wav) {
    return wav[24] | wav[25] << 8 | wav[26] << 16 | wav[27] << 24;
}

// A number that a tool printed after label, e.g. "Rate: 22050" or "Channels: 1".
int reported(const std::string& output, const std::string& label) {
    std::smatch m;
    REQUIRE(std::regex_search(output, m, std::regex(label + ":\\s*([0-9]+)")));
    return std::stoi(m[1]);
}

struct Decoded {
    long frames = 0, loud = 0;
    int rate = 0, channels = 0;
    double seconds() const { return double(frames) / rate; }
};

Decoded decodeAll(const std::vector<std::uint8_t>& bytes) {
    std::string error;
    auto audio = ev::OggAudio::open(bytes, error);
    INFO(error);
    REQUIRE(audio);
    Decoded d{0, 0, audio->sampleRate(), audio->channels()};
    std::vector<std::int16_t> piece(4096 * 2);
    while (const long n = audio->read(piece.data(), 4096)) {
        INFO(audio->error());
        REQUIRE(n > 0);
        d.frames += n;
        for (long i = 0; i < n * d.channels; ++i) d.loud += std::abs(piece[i]) > 1000;
    }
    return d;
}

struct Recordings {
    evtest::TempDir dir;
    std::vector<std::uint8_t> wav;
    int rate = 0;
    double seconds = 0;

    Recordings() {
        const auto wavFile = dir.path / "speech.wav";
        const auto r = run("espeak-ng -v en -w " + quote(wavFile) +
                           " 'If you are worried about a child, you can talk to someone today. Call Childline free.'");
        REQUIRE(r.status == 0);
        wav = bytesOf(wavFile);
        rate = wavRate(wav);
        seconds = wavSeconds(wav, rate);
        REQUIRE(seconds > 2);
    }
    evtest::fs::path make(const std::string& name, const std::string& command) {
        const auto out = dir.path / name;
        const auto r = run(command + " " + quote(out));
        INFO(r.output);
        REQUIRE(r.status == 0);
        return out;
    }
    evtest::fs::path wavFile() const { return dir.path / "speech.wav"; }
};

} // namespace

TEST_CASE("Ogg Vorbis from oggenc decodes at its rate, channels and length") {
    Recordings rec;
    SECTION("mono, at espeak-ng's own rate") {
        const auto ogg = rec.make("mono.ogg", "oggenc -Q " + quote(rec.wavFile()) + " -o");
        const auto info = run("ogginfo " + quote(ogg));
        const Decoded d = decodeAll(bytesOf(ogg));
        CHECK(d.rate == reported(info.output, "Rate"));
        CHECK(d.rate == rec.rate);
        CHECK(d.channels == reported(info.output, "Channels"));
        CHECK(d.channels == 1);
        CHECK(d.seconds() == Approx(rec.seconds).margin(0.05));
        CHECK(d.loud > d.frames / 20); // speech, not silence
    }
    SECTION("resampled to 44.1 kHz") {
        const auto ogg = rec.make("44k.ogg", "oggenc -Q --resample 44100 " + quote(rec.wavFile()) + " -o");
        const Decoded d = decodeAll(bytesOf(ogg));
        CHECK(d.rate == 44100);
        CHECK(d.seconds() == Approx(rec.seconds).margin(0.05));
    }
    SECTION("stereo (the same samples read as pairs: half as long)") {
        const auto ogg = rec.make("stereo.ogg", "oggenc -Q -r -B 16 -C 2 -R " + std::to_string(rec.rate) + " " +
                                                    quote(rec.wavFile()) + " -o");
        const Decoded d = decodeAll(bytesOf(ogg));
        CHECK(d.channels == 2);
        CHECK(d.seconds() == Approx(rec.seconds / 2).margin(0.05));
    }
}

TEST_CASE("Ogg Opus from opusenc decodes at 48 kHz, its channels and length") {
    Recordings rec;
    SECTION("mono") {
        const auto opus = rec.make("mono.opus", "opusenc --quiet " + quote(rec.wavFile()));
        const auto info = run("opusinfo " + quote(opus));
        const Decoded d = decodeAll(bytesOf(opus));
        CHECK(d.rate == 48000);
        CHECK(d.channels == reported(info.output, "Channels"));
        CHECK(d.channels == 1);
        CHECK(d.seconds() == Approx(rec.seconds).margin(0.05));
        CHECK(d.loud > d.frames / 20);
    }
    SECTION("stereo") {
        const auto opus = rec.make("stereo.opus", "opusenc --quiet --raw --raw-bits 16 --raw-chan 2 --raw-rate " +
                                                      std::to_string(rec.rate) + " " + quote(rec.wavFile()));
        const Decoded d = decodeAll(bytesOf(opus));
        CHECK(d.channels == 2);
        CHECK(d.seconds() == Approx(rec.seconds / 2).margin(0.05));
    }
}

TEST_CASE("Damaged, truncated or foreign bytes are refused with a reason") {
    Recordings rec;
    const auto ogg = bytesOf(rec.make("speech.ogg", "oggenc -Q " + quote(rec.wavFile()) + " -o"));
    const auto opus = bytesOf(rec.make("speech.opus", "opusenc --quiet " + quote(rec.wavFile())));
    std::string error;

    CHECK_FALSE(ev::OggAudio::open({}, error));
    CHECK(error == "empty");
    CHECK_FALSE(ev::OggAudio::open(rec.wav, error));
    CHECK(error == "not an Ogg file");
    std::vector<std::uint8_t> garbage(5000);
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = std::uint8_t(i * 7919 >> 3);
    CHECK_FALSE(ev::OggAudio::open(garbage, error));
    CHECK(error == "not an Ogg file");

    for (const auto* file : {&ogg, &opus}) {
        for (const double keep : {0.01, 0.3, 0.5, 0.99}) {
            INFO("kept " << keep);
            const std::vector<std::uint8_t> cut(file->begin(), file->begin() + long(file->size() * keep));
            CHECK_FALSE(ev::OggAudio::open(cut, error));
            CHECK_THAT(error, Catch::Contains("truncated"));
        }
    }

    // Bytes overwritten in the middle: the pages still line up, but their checksums fail.
    for (const auto* file : {&ogg, &opus}) {
        auto damaged = *file;
        for (std::size_t i = damaged.size() / 2; i < damaged.size() / 2 + 64; ++i) damaged[i] ^= 0x5a;
        auto audio = ev::OggAudio::open(damaged, error);
        long last = 1;
        std::vector<std::int16_t> piece(4096 * 2);
        if (audio)
            while ((last = audio->read(piece.data(), 4096)) > 0) {}
        INFO(error);
        CHECK((!audio || last == -1));
        CHECK_FALSE((audio ? audio->error() : error).empty());
    }

    // An Ogg file of another codec: a Vorbis stream's pages with its codec name changed.
    auto other = ogg;
    other[27 + other[26] + 1] = 'X'; // the first packet: "\x01vorbis"
    CHECK_FALSE(ev::OggAudio::open(other, error));
    CHECK(error == "an Ogg file, but neither Vorbis nor Opus");
}
