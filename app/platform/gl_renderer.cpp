#include "platform/gl_renderer.h"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#include <imgui.h>

#include <cstddef>

#include "platform/gl_program.h"

namespace ev::platform {

namespace {

// ImGui's vertex: position and texture coordinate in pixels and atlas units, and an RGBA
// colour that tints the texture's texel (white with coverage for text and shapes).
constexpr const char* kVertexShader = R"(#version 130
uniform mat4 projection;
in vec2 position;
in vec2 uv;
in vec4 colour;
out vec2 fragmentUv;
out vec4 fragmentColour;
void main() {
    fragmentUv = uv;
    fragmentColour = colour;
    gl_Position = projection * vec4(position.xy, 0, 1);
}
)";

constexpr const char* kFragmentShader = R"(#version 130
uniform sampler2D atlas;
in vec2 fragmentUv;
in vec4 fragmentColour;
out vec4 colourOut;
void main() {
    colourOut = fragmentColour * texture(atlas, fragmentUv.st);
}
)";

enum Attribute : unsigned { kPosition = 0, kUv = 1, kColour = 2 };

GLuint textureName(ImTextureID id) { return static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(id)); }

bool atLeast(int major, int minor) {
    GLint haveMajor = 0, haveMinor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &haveMajor);
    glGetIntegerv(GL_MINOR_VERSION, &haveMinor);
    return haveMajor > major || (haveMajor == major && haveMinor >= minor);
}

} // namespace

std::string GlRenderer::init(const std::filesystem::path& programCache) {
    const LinkedProgram linked = linkProgram(
        {kVertexShader, kFragmentShader, {{kPosition, "position"}, {kUv, "uv"}, {kColour, "colour"}}}, programCache);
    if (!linked.id) return linked.error;
    program_ = linked.id;
    projection_ = glGetUniformLocation(program_, "projection");
    sampler_ = glGetUniformLocation(program_, "atlas");
    glGenVertexArrays(1, &vertexArray_);
    glGenBuffers(1, &vertexBuffer_);
    glGenBuffers(1, &indexBuffer_);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "everyvoice_gl3";
    // Long lists of vertices are split by offsets rather than cut at 65,536 (16-bit indices).
    baseVertex_ = atLeast(3, 2);
    if (baseVertex_) io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    initialised_ = true;
    return {};
}

void GlRenderer::shutdown() {
    if (!initialised_) return;
    if (ImGui::GetCurrentContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.BackendRendererName = nullptr;
        io.BackendFlags &= ~ImGuiBackendFlags_RendererHasVtxOffset;
        io.Fonts->SetTexID(nullptr);
    }
    glDeleteBuffers(1, &indexBuffer_);
    glDeleteBuffers(1, &vertexBuffer_);
    glDeleteVertexArrays(1, &vertexArray_);
    glDeleteProgram(program_);
    fonts_.reset();
    program_ = vertexArray_ = vertexBuffer_ = indexBuffer_ = 0;
    initialised_ = false;
}

void GlRenderer::newFrame() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (atlas.TexID) return;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    atlas.SetTexID(fonts_.emplace().sync(text::AtlasView{w, h, pixels}, {}));
}

void GlRenderer::render(int w, int h, std::uint32_t background) {
    glViewport(0, 0, w, h);
    const auto channel = [background](int shift) { return float((background >> shift) & 0xFF) / 255.0f; };
    glClearColor(channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT), channel(IM_COL32_A_SHIFT));
    glClear(GL_COLOR_BUFFER_BIT);
    if (const ImDrawData* data = ImGui::GetDrawData()) draw(data, w, h);
}

void GlRenderer::draw(const ImDrawData* data, int w, int h) {
    if (!initialised_ || !data || w <= 0 || h <= 0 || data->DisplaySize.x <= 0 || data->DisplaySize.y <= 0) return;
    // Straight alpha over what is there; the framebuffer's own alpha accumulates coverage.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, w, h);

    // ImGui's coordinates (pixels from the top left of DisplayPos) to GL's clip space.
    const ImVec2 pos = data->DisplayPos, size = data->DisplaySize;
    const float left = pos.x, right = pos.x + size.x, top = pos.y, bottom = pos.y + size.y;
    const float projection[16] = {
        2.0f / (right - left), 0, 0, 0, //
        0, 2.0f / (top - bottom), 0, 0, //
        0, 0, -1.0f, 0,                 //
        (right + left) / (left - right), (top + bottom) / (bottom - top), 0, 1.0f,
    };
    glUseProgram(program_);
    glUniform1i(sampler_, 0);
    glUniformMatrix4fv(projection_, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vertexArray_);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColour);
    const auto offset = [](std::size_t bytes) { return reinterpret_cast<const void*>(bytes); };
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColour, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, col)));

    // Clip rectangles are in ImGui's coordinates; the framebuffer may have more pixels.
    const ImVec2 scale = data->FramebufferScale;
    const GLenum indexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)), list->VtxBuffer.Data,
                     GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                // The kiosk draws no callbacks; ImGui's "reset render state" marker needs nothing here.
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - pos.x) * scale.x, y0 = (cmd.ClipRect.y - pos.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - pos.x) * scale.x, y1 = (cmd.ClipRect.w - pos.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            // GL's scissor box counts rows from the bottom.
            glScissor(int(x0), int(float(h) - y1), int(x1 - x0), int(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, textureName(cmd.GetTexID()));
            const void* first = offset(cmd.IdxOffset * sizeof(ImDrawIdx));
            if (baseVertex_)
                glDrawElementsBaseVertex(GL_TRIANGLES, GLsizei(cmd.ElemCount), indexType, first, GLint(cmd.VtxOffset));
            else
                glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), indexType, first);
        }
    }
    // glClear obeys the scissor box: the next frame's clear must reach the whole window.
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
}

} // namespace ev::platform
