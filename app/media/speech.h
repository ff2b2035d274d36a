#pragma once
// Speech from text with espeak-ng (Debian's libespeak-ng), for pages that have no recorded
// narration. Produces PCM; playing it is the platform's business.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ev {

class SpeechSynth {
public:
    // Loads espeak-ng and its voices. espeak-ng keeps global state: make one of these.
    SpeechSynth();
    ~SpeechSynth();
    SpeechSynth(const SpeechSynth&) = delete;
    SpeechSynth& operator=(const SpeechSynth&) = delete;

    bool available() const { return sampleRate_ > 0; }
    int sampleRate() const { return sampleRate_; } // Hz, 16-bit mono
    // espeak-ng has a voice for the language of this BCP 47 tag ("bn", "ur", "pa"; not "so").
    bool hasVoice(const std::string& tag) const;
    // Speaks text in tag's voice, handing out PCM as it comes; sink returns false to stop.
    // Returns false if there is no voice or synthesis failed.
    bool speak(const std::string& text, const std::string& tag,
               const std::function<bool(const std::int16_t*, int)>& sink);

private:
    int sampleRate_ = 0;
    std::vector<std::string> languages_; // of the installed voices, lower case
};

} // namespace ev
