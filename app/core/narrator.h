#pragma once
// Reading a page aloud: the "Listen" button asks, the platform speaks. An interface here so
// the UI can use it without knowing of audio devices, and tests can stand in for it.
#include <string>

namespace ev {

class Narrator {
public:
    virtual ~Narrator() = default;
    // A voice exists for this language (BCP 47): without one there is no "Listen" button.
    // The first call may open the audio device.
    virtual bool canRead(const std::string& tag) = 0;
    // Starts reading text aloud in tag's voice, replacing whatever was being read.
    virtual void read(const std::string& text, const std::string& tag) = 0;
    // Silence at once: the quick exit and the idle reset call it.
    virtual void stop() = 0;
    virtual bool reading() const = 0;
};

} // namespace ev
