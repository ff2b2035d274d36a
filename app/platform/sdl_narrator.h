#pragma once
// Reads pages aloud through SDL2 audio with espeak-ng's voices. Speech is made on a worker
// thread and queued to the audio device as it comes, so the UI never waits for it.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/narrator.h"
#include "core/speech.h"

namespace ev::platform {

class SdlNarrator final : public Narrator {
public:
    // Opens espeak-ng and the default audio device the first time a page asks (never on the
    // way to the first frame); with neither the kiosk shows no "Listen" button.
    // SDL_AUDIODRIVER=disk writes the sound to a file (tests), =dummy drops it.
    SdlNarrator() = default;
    ~SdlNarrator() override;

    bool canRead(const std::string& tag) override;
    void read(const std::string& text, const std::string& tag) override;
    void stop() override;
    bool reading() const override;

private:
    void open();
    void run();

    bool opened_ = false;
    std::unique_ptr<SpeechSynth> synth_;
    std::uint32_t device_ = 0; // an SDL_AudioDeviceID; 0: none
    std::mutex mutex_;
    std::condition_variable wake_;
    std::string text_, tag_;            // what the worker reads next
    bool pending_ = false, quit_ = false;
    std::atomic<unsigned> generation_{0}; // bumped by stop(): the worker drops older speech
    std::atomic<bool> busy_{false};
    std::thread worker_;
};

} // namespace ev::platform
