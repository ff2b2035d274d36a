#include "platform/gl_renderer.h"

#include <GL/gl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace ev::platform {

std::string GlRenderer::init() {
    if (!ImGui_ImplOpenGL3_Init(kGlslVersion)) return "ImGui's OpenGL 3 renderer did not start";
    initialised_ = true;
    return {};
}

void GlRenderer::shutdown() {
    if (!initialised_ || !ImGui::GetCurrentContext()) return;
    ImGui_ImplOpenGL3_Shutdown();
    initialised_ = false;
}

void GlRenderer::newFrame() { ImGui_ImplOpenGL3_NewFrame(); }

void GlRenderer::render(int w, int h, std::uint32_t background) {
    glViewport(0, 0, w, h);
    const auto channel = [background](int shift) { return float((background >> shift) & 0xFF) / 255.0f; };
    glClearColor(channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT), channel(IM_COL32_A_SHIFT));
    glClear(GL_COLOR_BUFFER_BIT);
    if (ImDrawData* data = ImGui::GetDrawData()) ImGui_ImplOpenGL3_RenderDrawData(data);
}

} // namespace ev::platform
