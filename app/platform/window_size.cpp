#include "platform/window_size.h"

#include <algorithm>
#include <cmath>

namespace ev::platform {

Size defaultWindowSize(Size usable) {
    const int roomW = usable.width - kDecorationMargin.width;
    const int roomH = usable.height - kDecorationMargin.height;
    if (roomW <= 0 || roomH <= 0) return kPanelSize;
    const double scale = std::min({1.0, double(roomW) / kPanelSize.width, double(roomH) / kPanelSize.height});
    // Rounding down keeps the window inside the room even when the scale came from the other axis.
    return {std::max(1, int(std::floor(kPanelSize.width * scale))), std::max(1, int(std::floor(kPanelSize.height * scale)))};
}

} // namespace ev::platform
