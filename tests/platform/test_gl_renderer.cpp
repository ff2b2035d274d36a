// The kiosk's ImGui renderer (platform/gl_renderer.h) against the one it replaces, ImGui's own
// OpenGL3 backend, on the kiosk's GL context: the same frame drawn by each reads back as the
// same pixels. The frame has what the kiosk's screens have (filled and rounded shapes, lines,
// text in ImGui's font, clipping) and a list of over 65,536 vertices, which ImGui splits by
// vertex offsets.
#include "platform/gl_renderer.h"

#include <GL/gl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "gl_window.h"
#include "platform/gl_texture.h"

namespace {

constexpr int kW = 320, kH = 240;

// One ImGui frame of shapes, text and clipped drawing, in the current context's draw data.
void buildFrame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(kW, kH);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImDrawList* d = ImGui::GetBackgroundDrawList();
    d->AddRectFilled(ImVec2(10, 10), ImVec2(150, 90), IM_COL32(11, 31, 51, 255), 12.0f);
    d->AddCircleFilled(ImVec2(220, 60), 40.0f, IM_COL32(242, 176, 53, 200), 64);
    d->AddLine(ImVec2(0, 0), ImVec2(kW, kH), IM_COL32(226, 108, 76, 255), 3.0f);
    d->AddText(ImVec2(20, 110), IM_COL32(255, 255, 255, 255), "0800 1111 Childline");
    d->PushClipRect(ImVec2(40, 150), ImVec2(120, 170), true);
    d->AddText(ImGui::GetFont(), 26.0f, ImVec2(30, 140), IM_COL32(20, 200, 120, 255), "clipped words");
    d->PopClipRect();
    // 70,000 vertices of tiny triangles in one list: past what 16-bit indices reach.
    ImDrawList* f = ImGui::GetForegroundDrawList();
    for (int i = 0; i < 23'334; ++i) {
        const float x = float(i % 300) + 10.0f, y = 180.0f + float(i / 300) * 0.7f;
        f->AddTriangleFilled(ImVec2(x, y), ImVec2(x + 1.5f, y), ImVec2(x, y + 1.5f), IM_COL32(i % 255, 90, 200, 160));
    }
    ImGui::Render();
}

std::vector<std::uint8_t> drawnBy(void (*draw)(ImDrawData*)) {
    glViewport(0, 0, kW, kH);
    glClearColor(0.96f, 0.95f, 0.93f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    draw(ImGui::GetDrawData());
    return ev::platform::readPixels(kW, kH);
}

ev::platform::GlRenderer* ours = nullptr;

} // namespace

TEST_CASE("gl renderer: draws a frame as ImGui's OpenGL3 backend does, pixel for pixel", "[gl]") {
    GlWindow window(kW, kH);
    // ImGui's backend first, with its own font texture (RGBA).
    REQUIRE(ImGui_ImplOpenGL3_Init("#version 130"));
    ImGui_ImplOpenGL3_NewFrame();
    buildFrame();
    REQUIRE(ImGui::GetDrawData()->TotalVtxCount > 65'536);
    const std::vector<std::uint8_t> theirs = drawnBy(ImGui_ImplOpenGL3_RenderDrawData);
    ImGui_ImplOpenGL3_Shutdown();

    // The kiosk's, with its font texture one channel, swizzled.
    ev::platform::GlRenderer renderer;
    REQUIRE(renderer.init({}).empty());
    ours = &renderer;
    renderer.newFrame();
    buildFrame();
    const std::vector<std::uint8_t> mine = drawnBy([](ImDrawData* data) { ours->draw(data, kW, kH); });
    renderer.shutdown();

    REQUIRE(theirs.size() == mine.size());
    std::size_t differ = 0, inked = 0;
    for (std::size_t i = 0; i < theirs.size(); i += 4) {
        if (theirs[i] != mine[i] || theirs[i + 1] != mine[i + 1] || theirs[i + 2] != mine[i + 2]) ++differ;
        if (theirs[i] < 200) ++inked;
    }
    CHECK(inked > 5'000); // the frame is drawn, not only cleared
    CHECK(differ == 0);
}

TEST_CASE("gl renderer: the next frame's clear reaches the whole window after clipped drawing", "[gl]") {
    GlWindow window(kW, kH);
    ev::platform::GlRenderer renderer;
    REQUIRE(renderer.init({}).empty());
    renderer.newFrame();
    ImGui::GetIO().DisplaySize = ImVec2(kW, kH);
    ImGui::NewFrame();
    ImDrawList* d = ImGui::GetForegroundDrawList(); // the last list drawn, its last command clipped
    d->PushClipRect(ImVec2(10, 10), ImVec2(20, 20), true);
    d->AddRectFilled(ImVec2(0, 0), ImVec2(kW, kH), IM_COL32(0, 0, 255, 255));
    d->PopClipRect();
    ImGui::Render();
    renderer.render(kW, kH, IM_COL32(0, 0, 0, 255));
    ImGui::NewFrame();
    ImGui::Render(); // an empty frame
    renderer.render(kW, kH, IM_COL32(255, 0, 0, 255));
    const std::vector<std::uint8_t> pixels = ev::platform::readPixels(kW, kH);
    std::size_t red = 0;
    for (std::size_t i = 0; i < pixels.size(); i += 4) red += pixels[i] == 255 && pixels[i + 1] == 0 && pixels[i + 2] == 0;
    CHECK(red == std::size_t(kW) * kH);
    renderer.shutdown();
}
