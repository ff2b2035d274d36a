#pragma once
// "Listen" on a page, the help screen and a service's screen: the text read aloud in its own
// language where a voice (or a recording) exists for it. While it plays the same button stops
// it, and pause and volume controls appear beneath. Where it cannot speak (no voice for the
// language, no audio device) one line says why in the button's place.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ui/ui_context.h"

namespace ev::ui {

// Draws the controls at y in the column; returns their height. tag: the language of the text;
// recording: the pack's narration of it, or null; spoken: the text a voice reads, asked for
// only when Listen is tapped.
float listen(Ui& ui, const std::string& tag, const std::vector<std::uint8_t>* recording,
             const std::function<std::string()>& spoken, float y);

// Every service's phone numbers in the pack, for spokenText: a voice reads them digit by digit.
std::vector<std::string> phoneNumbers(const Pack& pack);

} // namespace ev::ui
