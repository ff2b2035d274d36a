#pragma once
// Reading a page aloud: the "Listen" button asks, the platform plays. An interface here so
// the UI can use it without knowing of audio devices, and tests can stand in for it.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ev {

// A pack's recorded narration: the bytes of an Ogg Vorbis or Ogg Opus file. Shared, because
// playback outlives the call that starts it (and may outlive the pack being shown).
using Recording = std::shared_ptr<const std::vector<std::uint8_t>>;

class Narrator {
public:
    enum class State { Idle, Playing, Paused };

    // Volume, in percent of the kiosk's full level (staff set the speakers' level with the
    // system); the visitor steps it with "Quieter" and "Louder". The default leaves one step
    // up for a visitor who needs it louder.
    static constexpr int kVolumeMin = 25, kVolumeMax = 100, kVolumeStep = 25, kVolumeDefault = 75;

    virtual ~Narrator() = default;
    // Sound can be played: false on a kiosk with no audio device. The first call may open it.
    virtual bool canPlay() = 0;
    // canPlay() and espeak-ng has a voice for this language (BCP 47).
    virtual bool canRead(const std::string& tag) = 0;
    // Starts reading text aloud in tag's voice, replacing whatever was playing.
    virtual void read(const std::string& text, const std::string& tag) = 0;
    // Starts playing a recording, replacing whatever was playing. False, and silence, when it
    // cannot be decoded (damaged, truncated, not Vorbis or Opus): the caller reads the text
    // instead. The reason goes to the log.
    virtual bool play(Recording recording) = 0;
    // Holds the sound where it is, and carries on from there. Nothing when idle.
    virtual void pause() = 0;
    virtual void resume() = 0;
    // Silence at once, paused or not: the quick exit and the idle reset call it.
    virtual void stop() = 0;
    virtual State state() const = 0;
    // kVolumeMin..kVolumeMax percent; applies to what is playing within a fraction of a second.
    virtual void setVolume(int percent) = 0;
};

} // namespace ev
