#pragma once
// Recorded narration from a pack: Ogg Vorbis (libvorbisfile) or Ogg Opus (libopusfile) decoded
// from memory to 16-bit PCM a piece at a time, so a long recording starts playing at once and
// is never held decoded in full. Playing it is the platform's business.
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace ev {

class OggAudio {
public:
    // Checks that bytes are one whole Ogg file (every page complete, the last one ending the
    // stream, so a truncated copy is refused here rather than cut short while playing) and
    // reads its Vorbis or Opus headers. bytes must stay alive and unchanged while the decoder
    // is. nullptr, with the reason in error, for anything else.
    static std::unique_ptr<OggAudio> open(std::span<const std::uint8_t> bytes, std::string& error);

    virtual ~OggAudio() = default;
    int sampleRate() const { return rate_; }   // Hz; Opus always decodes at 48000
    int channels() const { return channels_; } // 1 or 2; samples are interleaved
    // Decodes the next piece into out, at most maxFrames frames (a frame is channels()
    // samples). Returns the frames written, 0 at the end, or -1 when the data is damaged,
    // with the reason in error(); a decoder that failed stays failed.
    virtual long read(std::int16_t* out, long maxFrames) = 0;
    const std::string& error() const { return error_; }

protected:
    int rate_ = 0, channels_ = 0;
    std::string error_;
};

} // namespace ev
