#pragma once
// Connects to an X display and disconnects, again and again, as the test suite's kiosks and
// preview's kiosks do one after another. An Xvfb started without -noreset resets whenever its
// last client leaves and refuses whoever connects meanwhile: that client is a kiosk that
// reports "no display found" (tools/xvfb.sh).
#include <X11/Xlib.h>

#include <string>

namespace evtest {

// How many of `tries` connections to `display` (DISPLAY when empty), made one after another,
// were served before the first refusal: `tries` when none was refused.
inline int connectionsServed(const std::string& display, int tries) {
    for (int i = 0; i < tries; ++i) {
        Display* d = XOpenDisplay(display.empty() ? nullptr : display.c_str());
        if (!d) return i;
        XSync(d, False); // the server has taken the client in before it goes
        XCloseDisplay(d);
    }
    return tries;
}

} // namespace evtest
