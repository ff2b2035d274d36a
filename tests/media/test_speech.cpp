// espeak-ng's voices, as the "Listen" button uses them: speech for the languages it has,
// none for those it lacks, and a reading that stops when asked.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "media/speech.h"

TEST_CASE("espeak-ng speaks the kiosk's languages that it has a voice for") {
    ev::SpeechSynth synth;
    REQUIRE(synth.available());
    CHECK(synth.sampleRate() > 8000);
    for (const char* tag : {"en", "pl", "ro", "lt", "pt", "bn", "ur", "pa"}) {
        INFO(tag);
        CHECK(synth.hasVoice(tag));
    }
    CHECK_FALSE(synth.hasVoice("so")); // Somali and Yoruba have no espeak-ng voice: no button
    CHECK_FALSE(synth.hasVoice("yo"));

    long samples = 0, loud = 0;
    const bool ok = synth.speak("Call Childline free on 0800 1111.", "en", [&](const std::int16_t* s, int n) {
        samples += n;
        for (int i = 0; i < n; ++i) loud += std::abs(s[i]) > 1000;
        return true;
    });
    CHECK(ok);
    CHECK(samples > synth.sampleRate()); // more than a second of speech
    CHECK(loud > samples / 20);          // and not silence

    long first = 0;
    synth.speak("A long sentence that is stopped after the first piece of sound comes out.", "bn",
                [&](const std::int16_t*, int n) {
                    first += n;
                    return false;
                });
    CHECK(first > 0);
    CHECK(first < synth.sampleRate()); // stopped long before the sentence's end
    CHECK_FALSE(synth.speak("Hello", "so", [](const std::int16_t*, int) { return true; }));
}
