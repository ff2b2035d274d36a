// everyvoice-kiosk: reads the command line (cli/options.h), chooses what to run, and runs it.
// See README.md and docs/deployment.md.
#include <cstdio>

#include "cli/commands.h"
#include "cli/kiosk.h"
#include "cli/options.h"
#include "cli/places.h"
#include "platform/start_times.h"

int main(int argc, char** argv) {
    using namespace ev::cli;
    ev::platform::StartTimes times;
    try {
        const Options o = parseOptions(argc, argv);
        if (o.info) {
            std::fputs(o.info->c_str(), stdout);
            return 0;
        }
        const Places places = findPlaces(o, argv[0]);
        times.mark("options");
        if (o.setAdminPin) return setAdminPin(places.stateDir);
        if (o.check) return selfCheck(o, places);
        if (o.exportOutbox) return exportOutbox(places.stateDir, *o.outbox);
        return runKiosk(o, places, times);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", e.what());
        return e.status;
    }
}
