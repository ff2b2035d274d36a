#pragma once
// A --script file: input played into the kiosk one command a line, for end-to-end tests and
// for the comms team's walk-throughs. Parsing is apart from playing so that a bad script is
// refused, with FILE:LINE, before any window opens.
//
//   tap <widget-id or visible label>    the label is the rest of the line, spaces and all
//   tap <x> <y>                         a point in window pixels
//   drag <x1> <y1> <x2> <y2>
//   key <name>                          shift tab enter space escape left right up down;
//                                       any other single word is some other key
//   wait <seconds>                      advances the kiosk's clock; decimal, 0 to kMaxWait
//   sleep <seconds>                     lets real time pass, for sound, which plays in real
//                                       time (the kiosk's clock stays); 0 to kMaxSleep
//   hold <widget-id or label> <seconds> presses on it, lets the clock run, releases
//                                       (hold attract:title 5 asks for the staff keypad)
//   screenshot <file.png>               relative to the current folder
//   expect <widget-id or label>         fails the run when nothing on screen has it
//   goto <screen>                       what --goto does, e.g. goto page:staying-safe
//                                       (everyvoice-pack preview shoots every screen so)
//   mark <word>                         prints "mark <word> <ns>" on stdout, the real
//                                       monotonic time, so a test can time what lies between
//
// Blank lines and lines starting with '#' are skipped. Numbers are plain decimals.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace ev {

struct ScriptCommand {
    enum class Kind { TapTarget, TapPoint, Drag, Key, Wait, Sleep, Hold, Screenshot, Expect, Goto, Mark };
    Kind kind = Kind::Wait;
    std::string text;        // TapTarget/Hold/Expect: widget id or label; Mark: the word; Key: name (lower case if
                             // one of the named keys above); Screenshot: the file;
                             // Goto: the screen, as --goto takes it
    float x1 = 0, y1 = 0;    // TapPoint: the point; Drag: where it starts
    float x2 = 0, y2 = 0;    // Drag: where it ends
    Millis wait{0};          // Wait, Sleep; Hold: how long the finger stays down
    std::string where;       // "FILE:LINE", for messages while playing
};

// Longest `wait`: a day is far beyond any idle limit and keeps the clock arithmetic small.
inline constexpr double kMaxScriptWaitSeconds = 86'400;
// Longest `sleep`: a script's real time is a test's run time.
inline constexpr double kMaxScriptSleepSeconds = 10;

class ScriptError : public std::runtime_error {
public:
    // what() is "FILE:LINE: message" (or "FILE: message" when the file cannot be read).
    ScriptError(const std::string& file, int line, const std::string& message);
    int line() const { return line_; } // 1-based; 0 when the whole file is at fault

private:
    int line_;
};

// `name` is used only in messages. Throws ScriptError at the first bad line.
std::vector<ScriptCommand> parseScript(std::string_view text, const std::string& name);
std::vector<ScriptCommand> parseScriptFile(const std::filesystem::path& file);

} // namespace ev
