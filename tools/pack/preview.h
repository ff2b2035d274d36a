#pragma once
// preview: every screen of a pack in every language, drawn by the kiosk itself (its own text
// engine, fonts and layout, so what the comms team reviews is what a kiosk shows), and each
// session plan as present mode shows it, as PNGs and a contact sheet, DIR/index.html.
#include <filesystem>
#include <optional>

#include "core/pack/content.h"

namespace evpack {

struct PreviewOptions {
    std::filesystem::path pack;
    std::filesystem::path out;
    std::filesystem::path kiosk; // the everyvoice-kiosk binary
    int jobs = 2;                // kiosks drawing at once
    bool wholePages = false;     // every page a screenful at a time to its end, not its first screenful only
    bool plans = true;           // the session plans in present mode too
    int width = 1080, height = 1920;
};

// Returns the number of screenshots written; throws std::runtime_error with a reason a person
// can act on (no Xvfb and no display, a kiosk that failed and its log).
int preview(const ev::Pack& pack, const PreviewOptions& options);

// The kiosk binary: $EV_KIOSK, else beside this program (installed) or in the build tree.
std::optional<std::filesystem::path> findKiosk();

} // namespace evpack
