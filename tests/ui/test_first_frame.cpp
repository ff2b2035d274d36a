// The first screen asks little of a software rasteriser: the window is cleared to the paper
// colour (App::background()) and nothing paints it again. Measured on ImGui's own draw data,
// whose triangles llvmpipe shades one pixel at a time (docs/performance.md).
#include <catch2/catch.hpp>

#include <cmath>

#include "ui/theme.h"
#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

namespace {

// The pixels the frame's triangles cover, overlaps counted again, in screens.
double screensDrawn() {
    const ImDrawData* data = ImGui::GetDrawData();
    REQUIRE(data);
    double area = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer)
            for (unsigned i = cmd.IdxOffset; i + 2 < cmd.IdxOffset + cmd.ElemCount; i += 3) {
                const auto at = [&](unsigned k) { return list->VtxBuffer[int(cmd.VtxOffset + list->IdxBuffer[int(k)])].pos; };
                const ImVec2 a = at(i), b = at(i + 1), c = at(i + 2);
                area += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
            }
    }
    return area / (data->DisplaySize.x * data->DisplaySize.y);
}

} // namespace

TEST_CASE("the attract screen is drawn on the cleared window, not over a painted one", "[first frame]") {
    UiHarness h;
    h.frames(3);
    CHECK(h.app.background() == ui::theme::kStandard.paper);
    // The voices, the words and the button: about a quarter of the window. Painting the paper
    // once more made it 2.17 screens, each pixel textured and blended.
    CHECK(screensDrawn() < 0.5);

    h.session.setDisplay({0, true, false});
    h.frames(3);
    CHECK(h.app.background() == ui::theme::kHighContrast.paper);
    CHECK(screensDrawn() < 0.5);
}
