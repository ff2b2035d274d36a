// everyvoice-pack preview draws each language's kiosk on an Xvfb of its own (VirtualDisplay),
// several kiosks one after another: the server must serve each of them.
#include <catch2/catch.hpp>

#include "child_process.h"
#include "x_reconnect.h"

TEST_CASE("preview's X server serves one kiosk after another: it never resets between them") {
    const evpack::VirtualDisplay display(640, 480);
    REQUIRE(display.name().rfind(':', 0) == 0);
    // A server that resets refuses 7-15% of quick reconnections; 300 all served means it does not.
    REQUIRE(evtest::connectionsServed(display.name(), 300) == 300);
}
