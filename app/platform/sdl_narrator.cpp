#include "sdl_narrator.h"

#include <SDL.h>

#include <cstdio>

namespace ev::platform {

bool SdlNarrator::canRead(const std::string& tag) {
    if (!opened_) open();
    return device_ != 0 && synth_->hasVoice(tag);
}

void SdlNarrator::open() {
    opened_ = true;
    synth_ = std::make_unique<SpeechSynth>();
    if (!synth_->available()) {
        std::fprintf(stderr, "everyvoice-kiosk: no espeak-ng voices (install the Debian package libespeak-ng1): no read aloud\n");
        return;
    }
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        std::fprintf(stderr, "everyvoice-kiosk: no audio (%s): no read aloud\n", SDL_GetError());
        return;
    }
    SDL_AudioSpec want{};
    want.freq = synth_->sampleRate();
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 2048;
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
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
    stop();
    {
        std::lock_guard lock(mutex_);
        text_ = text;
        tag_ = tag;
        pending_ = true;
    }
    busy_ = true;
    wake_.notify_one();
}

void SdlNarrator::stop() {
    if (device_ == 0) return;
    ++generation_;
    SDL_PauseAudioDevice(device_, 1);
    SDL_ClearQueuedAudio(device_);
}

bool SdlNarrator::reading() const { return device_ != 0 && (busy_ || SDL_GetQueuedAudioSize(device_) > 0); }

void SdlNarrator::run() {
    for (;;) {
        std::string text, tag;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return pending_ || quit_; });
            if (quit_) return;
            text = std::move(text_);
            tag = std::move(tag_);
            pending_ = false;
        }
        const unsigned mine = generation_;
        SDL_PauseAudioDevice(device_, 0);
        synth_->speak(text, tag, [&](const std::int16_t* samples, int count) {
            if (generation_ != mine) return false; // stopped, or another page asked to be read
            SDL_QueueAudio(device_, samples, static_cast<Uint32>(count) * sizeof(std::int16_t));
            return true;
        });
        std::lock_guard lock(mutex_);
        if (!pending_) busy_ = false;
    }
}

} // namespace ev::platform
