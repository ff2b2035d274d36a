#pragma once
// Draws paragraphs laid out by text/ as textured quads in an ImDrawList. ImGui's own font
// never draws resident-facing text: it cannot shape Bengali or Gurmukhi or run Urdu RTL.
#include <imgui.h>

#include <memory>
#include <span>
#include <string>
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

    // The language of the screen's text: it picks fonts (Nastaliq for Urdu), shaping and line
    // breaking, and sets the base direction of every paragraph laid out with Direction::Auto,
    // so an Urdu sentence that starts with "Childline" still reads right to left.
    void setLanguage(const std::string& tag, bool rtl) {
        language_ = tag;
        rtl_ = rtl;
    }

    // Names (services' brand names) kept in their own direction inside right-to-left text,
    // wherever they appear: "Stop It Now!" keeps its "!" at its end in an Urdu sentence or
    // topic hint (Unicode first-strong isolate, FSI ... PDI).
    void setIsolated(std::vector<std::string> names) { isolated_ = std::move(names); }

    // Tests read what a screen says: while set, each text laid out is added to it.
    void keepTexts(std::vector<std::string>* texts) { kept_ = texts; }

    ParagraphPtr layout(std::string_view utf8, float sizePx, float maxWidth,
                        text::Align align = text::Align::Start, bool bold = false,
                        text::Direction dir = text::Direction::Auto);
    // The same in another language than the screen's, with that language's direction: the
    // attract screen's "Touch to start" in each language in turn.
    ParagraphPtr layoutIn(const std::string& tag, bool rtl, std::string_view utf8, float sizePx, float maxWidth,
                          text::Align align = text::Align::Start, bool bold = false);
    ParagraphPtr layout(std::span<const text::Run> runs, const text::ParagraphSpec& spec);
    // The paragraph box: its width is the wrap width when wrapping, else the widest line.
    static ImVec2 size(const text::Paragraph& p);
    // The widest line's advance, for shapes drawn around centred text.
    static float inkWidth(const text::Paragraph& p) { return text::Engine::metrics(p).contentWidth; }

    // tagColours[tag] colours the quads of runs with that tag; other tags use colour.
    void draw(ImDrawList* dl, const text::Paragraph& p, ImVec2 topLeft, ImU32 colour,
              std::span<const ImU32> tagColours = {});

private:
    text::Engine& engine_;
    ParagraphPtr lay(const std::string& tag, text::Direction dir, std::string_view utf8, float sizePx,
                     float maxWidth, text::Align align, bool bold);

    // utf8 with each of isolated_ wrapped in FSI ... PDI where it is not already.
    std::string isolate(std::string_view utf8) const;

    std::vector<std::string> isolated_;
    std::vector<std::string>* kept_ = nullptr;
    ImTextureID texture_ = nullptr;
    std::string language_;
    bool rtl_ = false;
    std::vector<text::Quad> quads_; // reused every draw: no allocation per frame
};

} // namespace ev::ui
