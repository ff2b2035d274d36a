// Glyph ink is never clipped by a layout box: every glyph quad the kiosk draws lies inside the
// clip rect ImGui will apply to it, measured on ImGui's own draw data.
#include <catch2/catch.hpp>

#include "ui_harness.h"

using namespace ev;
using ev::test::UiHarness;

TEST_CASE("Urdu lines starting with kaf and gaf are drawn whole at every text size", "[ink]") {
    UiHarness h;
    const ImTextureID atlas = reinterpret_cast<ImTextureID>(std::uintptr_t{0x7e57});
    h.app.text().setAtlasTexture(atlas); // tells glyph quads from everything else
    h.session.chooseLanguage("ur");
    for (int size = 0; size < Display::kTextSizes; ++size) {
        INFO("text size " << size);
        h.session.goTo({Screen::Page, "tall"}, Audience::Parent);
        h.session.setDisplay({size, false, false});
        h.frames(3);
        const ImDrawData* data = ImGui::GetDrawData();
        REQUIRE(data);
        float right = 0;
        int cut = 0;
        for (int l = 0; l < data->CmdListsCount; ++l) {
            const ImDrawList* list = data->CmdLists[l];
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                if (cmd.TextureId != atlas) continue;
                for (unsigned i = cmd.IdxOffset; i < cmd.IdxOffset + cmd.ElemCount; ++i) {
                    const ImVec2 v = list->VtxBuffer[int(cmd.VtxOffset + list->IdxBuffer[int(i)])].pos;
                    right = std::max(right, v.x);
                    // Above or below the view a glyph is scrolled away, not cut: only sides count.
                    if (v.y > cmd.ClipRect.y && v.y < cmd.ClipRect.w) cut += v.x < cmd.ClipRect.x || v.x > cmd.ClipRect.z;
                }
            }
        }
        CHECK(right > 1080 - 48); // kaf's stroke does reach past the column (1032 px)...
        CHECK(cut == 0);          // ...and is drawn
    }
}
