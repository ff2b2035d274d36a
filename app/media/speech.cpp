#include "media/speech.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>

namespace ev {

namespace {

// espeak-ng calls back with each piece of sound; the user data carries where it goes.
struct Call {
    const std::function<bool(const std::int16_t*, int)>* sink;
    bool stopped = false;
};

int onSound(short* wav, int count, espeak_EVENT* events) {
    auto* call = static_cast<Call*>(events->user_data);
    if (!wav || count <= 0 || !call) return 0;
    if (!(*call->sink)(wav, count)) {
        call->stopped = true;
        return 1; // espeak-ng: non-zero aborts the synthesis
    }
    return 0;
}

std::string language(const std::string& tag) {
    std::string l = tag.substr(0, tag.find_first_of("-_"));
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return l;
}

} // namespace

SpeechSynth::SpeechSynth() {
    // Synchronous: espeak_Synth returns when the text is spoken into the callback.
    const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) return;
    sampleRate_ = rate;
    espeak_SetSynthCallback(onSound);
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
        // languages: a list of (priority byte, NUL-terminated name), ended by a zero byte.
        for (const char* p = (*v)->languages; p && *p;) {
            ++p; // priority
            languages_.push_back(language(p));
            p += std::char_traits<char>::length(p) + 1;
        }
    }
}

SpeechSynth::~SpeechSynth() {
    if (available()) espeak_Terminate();
}

bool SpeechSynth::hasVoice(const std::string& tag) const {
    return available() && std::find(languages_.begin(), languages_.end(), language(tag)) != languages_.end();
}

bool SpeechSynth::speak(const std::string& text, const std::string& tag,
                        const std::function<bool(const std::int16_t*, int)>& sink) {
    if (!hasVoice(tag)) return false;
    espeak_VOICE want{};
    const std::string lang = language(tag);
    want.languages = lang.c_str();
    if (espeak_SetVoiceByProperties(&want) != EE_OK) return false;
    Call call{&sink};
    const espeak_ERROR e = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                        espeakCHARS_UTF8, nullptr, &call);
    return e == EE_OK || call.stopped;
}

} // namespace ev
