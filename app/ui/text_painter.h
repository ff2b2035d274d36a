#pragma once
// Draws paragraphs laid out by text/ as textured quads in an ImDrawList. ImGui's own font
// never draws resident-facing text: it cannot shape Bengali or Gurmukhi or run Urdu RTL.
#include <imgui.h>

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "text/engine.h"

namespace ev::ui {

using ParagraphPtr = std::shared_ptr<const text::Paragraph>;

class TextPainter {
public:
    explicit TextPainter(text::Engine& engine) : engine_(engine) {}

    // The GL texture holding the glyph atlas; the platform keeps it in sync after each frame.
    void setAtlasTexture(ImTextureID id) { texture_ = id; }
    text::Engine& engine() { return engine_; }

    ParagraphPtr layout(std::string_view utf8, float sizePx, float maxWidth,
                        text::Align align = text::Align::Start, bool bold = false,
                        text::Direction dir = text::Direction::Auto);
    ParagraphPtr layout(std::span<const text::Run> runs, const text::ParagraphSpec& spec) {
        return engine_.layout(runs, spec);
    }
    // The paragraph box: its width is the wrap width when wrapping, else the widest line.
    static ImVec2 size(const text::Paragraph& p);
    // The widest line's advance, for shapes drawn around centred text.
    static float inkWidth(const text::Paragraph& p) { return text::Engine::metrics(p).contentWidth; }

    // tagColours[tag] colours the quads of runs with that tag; other tags use colour.
    void draw(ImDrawList* dl, const text::Paragraph& p, ImVec2 topLeft, ImU32 colour,
              std::span<const ImU32> tagColours = {});

private:
    text::Engine& engine_;
    ImTextureID texture_ = nullptr;
    std::vector<text::Quad> quads_; // reused every draw: no allocation per frame
};

} // namespace ev::ui
