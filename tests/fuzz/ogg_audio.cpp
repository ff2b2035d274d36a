// Fuzz target: recorded narration (core OggAudio), as the kiosk decodes a pack's recording
// when Listen is tapped. Refusing the bytes or failing part way with a reason are the expected
// answers to bad input; a crash, a hang or a leak is a bug.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "media/ogg_audio.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string error;
    const auto audio = ev::OggAudio::open(std::span(data, size), error);
    if (!audio) return 0;
    std::vector<std::int16_t> piece(1024 * static_cast<std::size_t>(audio->channels()));
    while (audio->read(piece.data(), 1024) > 0) {
    }
    return 0;
}
