#pragma once
// Plays narration through SDL2 audio: a pack's recording (media/ogg_audio.h) or espeak-ng's
// speech (media/speech.h). Both are made on a worker thread, converted to the device's format
// with an SDL_AudioStream and queued to the device a little ahead of the speakers, so the UI
// never waits, pause and volume act within a fraction of a second, and stop empties the queue.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/session/narrator.h"
#include "media/ogg_audio.h"
#include "media/speech.h"

namespace ev::platform {

class SdlNarrator final : public Narrator {
public:
    // Opens espeak-ng and the default audio device the first time a page asks (never on the
    // way to the first frame); without a device the kiosk shows no "Listen" button.
    // SDL_AUDIODRIVER=disk writes the sound to a file (tests), =dummy drops it.
    SdlNarrator() = default;
    ~SdlNarrator() override;

    bool canPlay() override;
    bool canRead(const std::string& tag) override;
    void read(const std::string& text, const std::string& tag) override;
    bool play(Recording recording) override;
    void pause() override;
    void resume() override;
    void stop() override;
    State state() const override;
    void setVolume(int percent) override;

private:
    // One thing to play: a recording (with the bytes it decodes from) or text to speak.
    struct Job {
        unsigned generation = 0;
        Recording bytes;
        std::unique_ptr<OggAudio> recording;
        std::string text, tag;
    };
    class Feed; // one job's path to the device: conversion, volume, queueing

    void open();
    void start(Job job);
    void run();

    bool opened_ = false;
    std::unique_ptr<SpeechSynth> synth_;
    std::uint32_t device_ = 0; // an SDL_AudioDeviceID; 0: none
    int deviceRate_ = 0, deviceChannels_ = 0;
    // Guards the job hand-over, and makes stop() and the worker's queueing exclusive, so that
    // no piece of a stopped job reaches the device after stop() returns.
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Job> next_;
    bool quit_ = false;
    bool busy_ = false;   // a job is waiting or being made; the device may still hold its end
    bool paused_ = false;
    std::atomic<unsigned> generation_{0}; // bumped by stop(): the worker drops older jobs
    std::atomic<int> volume_{kVolumeDefault};
    std::thread worker_;
};

} // namespace ev::platform
