#include "core/session/script.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <optional>

#include "core/session/session.h"

namespace ev {

namespace {

// A script is a short list of commands; anything bigger is the wrong file (or /dev/zero).
constexpr std::size_t kMaxScriptBytes = 1 << 20;
// Window coordinates beyond this are a typo, not a screen.
constexpr double kMaxCoordinate = 100'000;

constexpr std::array<std::string_view, 9> kNamedKeys{"shift", "tab",  "enter", "space", "escape",
                                                     "left",  "right", "up",   "down"};

bool isSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    for (;;) {
        s = trim(s);
        if (s.empty()) return out;
        const auto end = std::find_if(s.begin(), s.end(), isSpace);
        const auto n = static_cast<std::size_t>(end - s.begin());
        out.push_back(s.substr(0, n));
        s.remove_prefix(n);
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Why a line is not well-formed UTF-8 text, or nullopt. Tabs are the only control character
// allowed: labels come from the pack, which holds none.
std::optional<std::string> textProblem(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        const unsigned c = *p;
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t') || c == 0x7F) return "control character in the line";
            ++p;
            continue;
        }
        int extra = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) extra = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) extra = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) extra = 3, cp = c & 0x07;
        else return "not UTF-8 text";
        if (end - p <= extra) return "not UTF-8 text";
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80) return "not UTF-8 text";
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        const bool overlong = (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
        if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return "not UTF-8 text";
        p += extra + 1;
    }
    return std::nullopt;
}

// For messages: the start of a word, cut on a character boundary.
std::string quoted(std::string_view s) {
    constexpr std::size_t kMax = 40;
    if (s.size() <= kMax) return "'" + std::string(s) + "'";
    std::size_t n = kMax;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return "'" + std::string(s.substr(0, n)) + "...'";
}

std::optional<double> number(std::string_view s, double max) {
    double v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::fixed);
    if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v) || v < 0 || v > max)
        return std::nullopt;
    return v;
}

struct LineError {
    std::string message;
};

ScriptCommand parseLine(std::string_view command, std::string_view rest) {
    using Kind = ScriptCommand::Kind;
    ScriptCommand c;
    const auto args = words(rest);
    if (command == "tap") {
        if (rest.empty()) throw LineError{"tap needs a widget id, a label, or X Y"};
        // Two numbers are a point; anything else is a name ("Page 2" included).
        const auto x = args.size() == 2 ? number(args[0], kMaxCoordinate) : std::nullopt;
        const auto y = args.size() == 2 ? number(args[1], kMaxCoordinate) : std::nullopt;
        if (x && y) {
            c.kind = Kind::TapPoint;
            c.x1 = static_cast<float>(*x);
            c.y1 = static_cast<float>(*y);
        } else {
            c.kind = Kind::TapTarget;
            c.text = rest;
        }
    } else if (command == "drag") {
        constexpr const char* kUsage = "drag needs X1 Y1 X2 Y2 in window pixels";
        if (args.size() != 4) throw LineError{kUsage};
        std::array<float, 4> xy{};
        for (std::size_t i = 0; i < 4; ++i) {
            const auto v = number(args[i], kMaxCoordinate);
            if (!v) throw LineError{quoted(args[i]) + " is not a coordinate from 0 to 100000; " + kUsage};
            xy[i] = static_cast<float>(*v);
        }
        c.kind = Kind::Drag;
        c.x1 = xy[0], c.y1 = xy[1], c.x2 = xy[2], c.y2 = xy[3];
    } else if (command == "key") {
        if (args.size() != 1) throw LineError{"key needs one key name, e.g. key shift"};
        c.kind = Kind::Key;
        const std::string name = lower(args[0]);
        const bool named = std::find(kNamedKeys.begin(), kNamedKeys.end(), name) != kNamedKeys.end();
        c.text = named ? name : std::string(args[0]);
    } else if (command == "wait") {
        const auto seconds = args.size() == 1 ? number(args[0], kMaxScriptWaitSeconds) : std::nullopt;
        if (!seconds) throw LineError{"wait needs a number of seconds from 0 to 86400, e.g. wait 4.9"};
        c.kind = Kind::Wait;
        c.wait = Millis(std::llround(*seconds * 1000));
    } else if (command == "sleep") {
        const auto seconds = args.size() == 1 ? number(args[0], kMaxScriptSleepSeconds) : std::nullopt;
        if (!seconds) throw LineError{"sleep needs a number of seconds from 0 to 10, e.g. sleep 1.5"};
        c.kind = Kind::Sleep;
        c.wait = Millis(std::llround(*seconds * 1000));
    } else if (command == "hold") {
        constexpr const char* kUsage = "hold needs a widget id or label and seconds from 0 to 86400, e.g. hold attract:title 5";
        const auto space = rest.find_last_of(" \t");
        if (space == std::string_view::npos) throw LineError{kUsage};
        const auto seconds = number(rest.substr(space + 1), kMaxScriptWaitSeconds);
        if (!seconds) throw LineError{kUsage};
        c.kind = Kind::Hold;
        c.text = trim(rest.substr(0, space));
        c.wait = Millis(std::llround(*seconds * 1000));
    } else if (command == "screenshot") {
        const bool png = rest.size() > 4 && lower(rest.substr(rest.size() - 4)) == ".png";
        if (!png) throw LineError{"screenshot needs a file name ending in .png"};
        c.kind = Kind::Screenshot;
        c.text = rest;
    } else if (command == "mark") {
        if (args.size() != 1) throw LineError{"mark needs one word, e.g. mark before"};
        c.kind = Kind::Mark;
        c.text = args[0];
    } else if (command == "expect") {
        if (rest.empty()) throw LineError{"expect needs a widget id or a label"};
        c.kind = Kind::Expect;
        c.text = rest;
    } else if (command == "goto") {
        const auto target = args.size() == 1 ? parseTarget(std::string(args[0])) : std::nullopt;
        if (!target || (target->first.screen == Screen::Topics && !target->second))
            throw LineError{"goto needs a screen: attract, languages, audience, topics:<audience>, page:<page-id>, "
                            "help, signpost:<id>, neutral or admin"};
        c.kind = Kind::Goto;
        c.text = args[0];
    } else {
        throw LineError{"unknown command " + quoted(command) +
                         " (expected tap, drag, key, wait, sleep, hold, screenshot, expect, mark or goto)"};
    }
    return c;
}

} // namespace

ScriptError::ScriptError(const std::string& file, int line, const std::string& message)
    : std::runtime_error(file + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + message),
      line_(line) {}

std::vector<ScriptCommand> parseScript(std::string_view text, const std::string& name) {
    std::vector<ScriptCommand> out;
    int lineNo = 0;
    while (!text.empty()) {
        ++lineNo;
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (lineNo == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3); // a BOM from Windows editors
        if (const auto problem = textProblem(line)) throw ScriptError(name, lineNo, *problem);
        line = trim(line);
        if (line.empty() || line.front() == '#') continue;
        const auto space = std::find_if(line.begin(), line.end(), isSpace);
        const auto n = static_cast<std::size_t>(space - line.begin());
        try {
            ScriptCommand c = parseLine(line.substr(0, n), trim(line.substr(n)));
            c.where = name + ":" + std::to_string(lineNo);
            out.push_back(std::move(c));
        } catch (const LineError& e) {
            throw ScriptError(name, lineNo, e.message);
        }
    }
    return out;
}

std::vector<ScriptCommand> parseScriptFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ScriptError(file.string(), 0, std::string("cannot read the script: ") + std::strerror(errno));
    std::string text(kMaxScriptBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) throw ScriptError(file.string(), 0, "cannot read the script");
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxScriptBytes) throw ScriptError(file.string(), 0, "longer than 1 MiB; is this a script?");
    return parseScript(text, file.string());
}

} // namespace ev
