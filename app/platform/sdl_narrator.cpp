#include "platform/sdl_narrator.h"

#include <SDL.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace ev::platform {

namespace {

// The device runs at Opus's rate in stereo: recordings play as made, speech is converted up.
constexpr int kDeviceRate = 48000, kDeviceChannels = 2;
// How far the queue may run ahead of the speakers: the delay before a change of volume is
// heard, and what is left to drain after a pause is lifted.
constexpr int kAheadMs = 250;
constexpr long kPieceFrames = 4096; // decoded at a time from a recording

} // namespace

// One job's sound on its way to the device: converted to the device's rate and channels,
// scaled to the volume, and queued no further ahead than kAheadMs. Each call answers false
// once the job has been stopped or replaced, which ends it.
class SdlNarrator::Feed {
public:
    Feed(SdlNarrator& owner, unsigned generation, int rate, int channels)
        : owner_(owner), mine_(generation),
          stream_(SDL_NewAudioStream(AUDIO_S16SYS, static_cast<Uint8>(channels), rate, AUDIO_S16SYS,
                                     kDeviceChannels, kDeviceRate)) {
        if (!stream_) std::fprintf(stderr, "everyvoice-kiosk: cannot convert sound (%s)\n", SDL_GetError());
    }
    ~Feed() {
        if (stream_) SDL_FreeAudioStream(stream_);
    }
    Feed(const Feed&) = delete;
    Feed& operator=(const Feed&) = delete;

    bool put(const std::int16_t* samples, long count) {
        return stream_ && SDL_AudioStreamPut(stream_, samples, static_cast<int>(count * sizeof(std::int16_t))) == 0 &&
               drain();
    }
    // The end of the job: what the converter still holds goes out too.
    bool finish() { return stream_ && SDL_AudioStreamFlush(stream_) == 0 && drain(); }

private:
    bool drain() {
        for (;;) {
            const int got = SDL_AudioStreamGet(stream_, piece_, sizeof piece_);
            if (got < 0) return false;
            if (got == 0) return true;
            if (!queue(got / static_cast<int>(sizeof(std::int16_t)))) return false;
        }
    }
    bool queue(int count) {
        const Uint32 ahead = kDeviceRate * kDeviceChannels * sizeof(std::int16_t) * kAheadMs / 1000;
        while (SDL_GetQueuedAudioSize(owner_.device_) > ahead) {
            if (owner_.generation_ != mine_) return false;
            SDL_Delay(10); // the device drains in real time; paused, it waits here until stopped
        }
        const int volume = owner_.volume_;
        for (int i = 0; i < count; ++i) piece_[i] = static_cast<std::int16_t>(piece_[i] * volume / 100);
        std::lock_guard lock(owner_.mutex_);
        if (owner_.generation_ != mine_) return false;
        SDL_QueueAudio(owner_.device_, piece_, static_cast<Uint32>(count * sizeof(std::int16_t)));
        return true;
    }

    SdlNarrator& owner_;
    const unsigned mine_;
    SDL_AudioStream* stream_;
    std::int16_t piece_[4096];
};

bool SdlNarrator::canPlay() {
    if (!opened_) open();
    return device_ != 0;
}

bool SdlNarrator::canRead(const std::string& tag) { return canPlay() && synth_->hasVoice(tag); }

void SdlNarrator::open() {
    opened_ = true;
    synth_ = std::make_unique<SpeechSynth>();
    if (!synth_->available())
        std::fprintf(stderr, "everyvoice-kiosk: no espeak-ng voices (install the Debian package libespeak-ng1): recordings only\n");
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        std::fprintf(stderr, "everyvoice-kiosk: no audio (%s): no read aloud\n", SDL_GetError());
        return;
    }
    SDL_AudioSpec want{};
    want.freq = kDeviceRate;
    want.format = AUDIO_S16SYS;
    want.channels = kDeviceChannels;
    want.samples = 1024;
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0); // SDL converts to the hardware's format
    if (device_ == 0) {
        std::fprintf(stderr, "everyvoice-kiosk: no audio device (%s): no read aloud\n", SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return;
    }
    worker_ = std::thread([this] { run(); });
}

SdlNarrator::~SdlNarrator() {
    if (device_ == 0) return;
    stop();
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_one();
    worker_.join();
    SDL_CloseAudioDevice(device_);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlNarrator::read(const std::string& text, const std::string& tag) {
    if (!canRead(tag)) return;
    start(Job{0, nullptr, nullptr, text, tag});
}

bool SdlNarrator::play(Recording recording) {
    if (!recording || !canPlay()) return false;
    std::string error;
    auto audio = OggAudio::open(*recording, error);
    if (!audio) {
        std::fprintf(stderr, "everyvoice-kiosk: narration not played: %s\n", error.c_str());
        return false;
    }
    start(Job{0, std::move(recording), std::move(audio), {}, {}});
    return true;
}

void SdlNarrator::start(Job job) {
    {
        std::lock_guard lock(mutex_);
        ++generation_; // what was playing ends
        SDL_PauseAudioDevice(device_, 1);
        SDL_ClearQueuedAudio(device_);
        job.generation = generation_;
        next_ = std::move(job);
        busy_ = true;
        paused_ = false;
    }
    wake_.notify_one();
}

void SdlNarrator::pause() {
    if (device_ == 0) return;
    std::lock_guard lock(mutex_);
    if (!busy_ && SDL_GetQueuedAudioSize(device_) == 0) return;
    paused_ = true;
    SDL_PauseAudioDevice(device_, 1);
}

void SdlNarrator::resume() {
    if (device_ == 0) return;
    std::lock_guard lock(mutex_);
    if (!paused_) return;
    paused_ = false;
    SDL_PauseAudioDevice(device_, 0);
}

void SdlNarrator::stop() {
    if (device_ == 0) return;
    std::lock_guard lock(mutex_);
    ++generation_;
    next_.reset();
    busy_ = false;
    paused_ = false;
    SDL_PauseAudioDevice(device_, 1);
    SDL_ClearQueuedAudio(device_);
}

Narrator::State SdlNarrator::state() const {
    if (device_ == 0) return State::Idle;
    std::lock_guard lock(mutex_);
    if (!busy_ && SDL_GetQueuedAudioSize(device_) == 0) return State::Idle;
    return paused_ ? State::Paused : State::Playing;
}

void SdlNarrator::setVolume(int percent) { volume_ = std::clamp(percent, kVolumeMin, kVolumeMax); }

void SdlNarrator::run() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return next_ || quit_; });
            if (quit_) return;
            job = std::move(*next_);
            next_.reset();
            if (!paused_) SDL_PauseAudioDevice(device_, 0);
        }
        if (job.recording) {
            OggAudio& audio = *job.recording;
            Feed feed(*this, job.generation, audio.sampleRate(), audio.channels());
            std::vector<std::int16_t> piece(static_cast<std::size_t>(kPieceFrames * audio.channels()));
            long frames = 0;
            bool going = true;
            while (going && (frames = audio.read(piece.data(), kPieceFrames)) > 0)
                going = feed.put(piece.data(), frames * audio.channels());
            if (frames < 0) std::fprintf(stderr, "everyvoice-kiosk: narration cut short: %s\n", audio.error().c_str());
            if (going) feed.finish();
        } else {
            Feed feed(*this, job.generation, synth_->sampleRate(), 1);
            synth_->speak(job.text, job.tag, [&](const std::int16_t* samples, int count) { return feed.put(samples, count); });
            feed.finish();
        }
        std::lock_guard lock(mutex_);
        if (job.generation == generation_) busy_ = false; // not stopped or replaced meanwhile
    }
}

} // namespace ev::platform
