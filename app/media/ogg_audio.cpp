#include "media/ogg_audio.h"

#include <opusfile.h>
#include <vorbis/vorbisfile.h>

#include <bit>
#include <cstdio>
#include <cstring>

namespace ev {

namespace {

// libvorbisfile and libopusfile share their error numbers (both from libogg's tradition).
std::string describe(int code) {
    switch (code) {
    case OV_HOLE: return "a gap in the data (a damaged page)";
    case OV_EREAD: return "the data could not be read";
    case OV_EFAULT: return "the decoder failed (out of memory?)";
    case OV_EIMPL: return "a feature the decoder does not implement";
    case OV_EINVAL: return "invalid data";
    case OV_ENOTVORBIS: return "not the codec its header says";
    case OV_EBADHEADER: return "a damaged header";
    case OV_EVERSION: return "an unknown codec version";
    case OV_ENOTAUDIO: return "not audio";
    case OV_EBADPACKET: return "a damaged packet";
    case OV_EBADLINK: return "a damaged link in a chained stream";
    case OV_ENOSEEK: return "the data cannot be sought";
    case OP_EBADTIMESTAMP: return "a damaged timestamp";
    default: return "error " + std::to_string(code);
    }
}

// What the pages say: the codec of the first packet, or why the bytes are not one whole Ogg
// file. Walking the page headers costs microseconds and catches a truncated copy before a
// visitor hears half of it.
enum class Codec { Vorbis, Opus, Other };

Codec checkPages(std::span<const std::uint8_t> b, std::string& error) {
    constexpr std::size_t kHeader = 27; // fixed part of a page header; then the segment table
    Codec codec = Codec::Other;
    bool ended = false;
    std::size_t at = 0;
    while (at < b.size()) {
        const std::size_t left = b.size() - at;
        if (left < kHeader || std::memcmp(&b[at], "OggS", 4) != 0) {
            error = at == 0 ? "not an Ogg file" : "damaged or truncated at byte " + std::to_string(at);
            return Codec::Other;
        }
        const std::size_t segments = b[at + 26];
        if (left < kHeader + segments) {
            error = "truncated: the last page is cut short";
            return Codec::Other;
        }
        std::size_t body = 0;
        for (std::size_t i = 0; i < segments; ++i) body += b[at + kHeader + i];
        if (left < kHeader + segments + body) {
            error = "truncated: the last page is cut short";
            return Codec::Other;
        }
        if (at == 0) {
            const std::uint8_t* packet = &b[kHeader + segments];
            if (body >= 7 && std::memcmp(packet, "\x01vorbis", 7) == 0) codec = Codec::Vorbis;
            else if (body >= 8 && std::memcmp(packet, "OpusHead", 8) == 0) codec = Codec::Opus;
        }
        ended = b[at + 5] & 0x04; // end of stream
        at += kHeader + segments + body;
    }
    if (!ended) {
        error = b.empty() ? "empty" : "truncated: the stream has no last page";
        return Codec::Other;
    }
    if (codec == Codec::Other) error = "an Ogg file, but neither Vorbis nor Opus";
    return codec;
}

class VorbisAudio final : public OggAudio {
public:
    explicit VorbisAudio(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    ~VorbisAudio() override {
        if (opened_) ov_clear(&file_);
    }

    bool open(std::string& error) {
        const ov_callbacks io{&VorbisAudio::readBytes, &VorbisAudio::seek, nullptr, &VorbisAudio::tell};
        if (const int e = ov_open_callbacks(this, &file_, nullptr, 0, io); e != 0) {
            error = "Ogg Vorbis: " + describe(e);
            return false;
        }
        opened_ = true;
        const vorbis_info* info = ov_info(&file_, -1);
        rate_ = static_cast<int>(info->rate);
        channels_ = info->channels;
        if (channels_ < 1 || channels_ > 2) {
            error = "Ogg Vorbis: " + std::to_string(channels_) + " channels; narration is mono or stereo";
            return false;
        }
        return true;
    }

    long read(std::int16_t* out, long maxFrames) override {
        if (!error_.empty()) return -1;
        int link = 0;
        const long got = ov_read(&file_, reinterpret_cast<char*>(out),
                                 static_cast<int>(maxFrames * channels_ * sizeof(std::int16_t)),
                                 std::endian::native == std::endian::big, 2, 1, &link);
        if (got < 0) {
            error_ = "Ogg Vorbis: " + describe(static_cast<int>(got));
            return -1;
        }
        // A chained file may change format between links; the player was set up for the first.
        const vorbis_info* info = ov_info(&file_, link);
        if (info->rate != rate_ || info->channels != channels_) {
            error_ = "Ogg Vorbis: the format changes part way through";
            return -1;
        }
        return got / static_cast<long>(channels_ * sizeof(std::int16_t));
    }

private:
    static std::size_t readBytes(void* to, std::size_t size, std::size_t count, void* source) {
        auto* self = static_cast<VorbisAudio*>(source);
        const std::size_t n = std::min(size * count, self->bytes_.size() - self->at_);
        std::memcpy(to, self->bytes_.data() + self->at_, n);
        self->at_ += n;
        return size ? n / size : 0;
    }
    static int seek(void* source, ogg_int64_t offset, int whence) {
        auto* self = static_cast<VorbisAudio*>(source);
        const auto size = static_cast<ogg_int64_t>(self->bytes_.size());
        const ogg_int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? static_cast<ogg_int64_t>(self->at_) : size;
        if (base + offset < 0 || base + offset > size) return -1;
        self->at_ = static_cast<std::size_t>(base + offset);
        return 0;
    }
    static long tell(void* source) { return static_cast<long>(static_cast<VorbisAudio*>(source)->at_); }

    std::span<const std::uint8_t> bytes_;
    std::size_t at_ = 0;
    OggVorbis_File file_{};
    bool opened_ = false;
};

class OpusAudio final : public OggAudio {
public:
    ~OpusAudio() override {
        if (file_) op_free(file_);
    }

    bool open(std::span<const std::uint8_t> bytes, std::string& error) {
        int e = 0;
        file_ = op_open_memory(bytes.data(), bytes.size(), &e);
        if (!file_) {
            error = "Ogg Opus: " + describe(e);
            return false;
        }
        rate_ = 48000;
        // More than two channels are mixed down to stereo by libopusfile.
        channels_ = op_channel_count(file_, -1) == 1 ? 1 : 2;
        return true;
    }

    long read(std::int16_t* out, long maxFrames) override {
        if (!error_.empty()) return -1;
        const int size = static_cast<int>(maxFrames * channels_);
        int link = 0;
        const int got = channels_ == 1 ? op_read(file_, out, size, &link) : op_read_stereo(file_, out, size);
        if (got < 0) {
            error_ = "Ogg Opus: " + describe(got);
            return -1;
        }
        if (channels_ == 1 && op_channel_count(file_, link) != 1) {
            error_ = "Ogg Opus: the format changes part way through";
            return -1;
        }
        return got;
    }

private:
    OggOpusFile* file_ = nullptr;
};

} // namespace

std::unique_ptr<OggAudio> OggAudio::open(std::span<const std::uint8_t> bytes, std::string& error) {
    error.clear();
    switch (checkPages(bytes, error)) {
    case Codec::Vorbis: {
        auto audio = std::make_unique<VorbisAudio>(bytes);
        if (audio->open(error)) return audio;
        return nullptr;
    }
    case Codec::Opus: {
        auto audio = std::make_unique<OpusAudio>();
        if (audio->open(bytes, error)) return audio;
        return nullptr;
    }
    case Codec::Other: break;
    }
    return nullptr;
}

} // namespace ev
