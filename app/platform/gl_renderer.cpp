#include "gl_renderer.h"

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

void GlRenderer::render(int w, int h) {
    glViewport(0, 0, w, h);
    glClearColor(clear_[0], clear_[1], clear_[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (ImDrawData* data = ImGui::GetDrawData()) ImGui_ImplOpenGL3_RenderDrawData(data);
}

void GlRenderer::setClearColor(float r, float g, float b) {
    clear_[0] = r;
    clear_[1] = g;
    clear_[2] = b;
}

} // namespace ev::platform
