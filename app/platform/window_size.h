#pragma once
// The default window: the kiosk's portrait panel, shrunk to fit a desktop screen. Pure
// arithmetic shared by both hosts, so the SDL kiosk and the GLFW preview open the same shape.

namespace ev::platform {

struct Size {
    int width = 0, height = 0; // pixels
    bool operator==(const Size&) const = default;
};

// The panel the content is designed for: 1080x1920 pixels, portrait.
inline constexpr Size kPanelSize{1080, 1920};

// Room left around the window for its title bar and borders, pixels (the window manager draws
// them outside the size we ask for).
inline constexpr Size kDecorationMargin{32, 64};

// The largest window with the panel's aspect ratio that fits in `usable` (the screen less
// panels and docks) minus kDecorationMargin, never larger than the panel itself. An unknown
// or too small `usable` gives the panel size, and the window manager may then clip it.
Size defaultWindowSize(Size usable);

} // namespace ev::platform
