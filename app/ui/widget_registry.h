#pragma once
// Every interactive widget drawn in a frame, by stable id and visible label. Scripts, the
// monkey and UI tests find what to tap here; ids never change with the language.
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ev::ui {

struct WidgetInfo {
    std::string id;    // e.g. "nav:exit", "topic:signs-to-notice", "lang:bn"
    std::string label; // the text shown, in the current language
    ImVec2 min, max;   // visible part on screen, pixels
    bool clipped;      // partly scrolled out of view
    float labelPx;     // a button's label size, pixels (0 for other widgets)
    ImVec2 labelMin{}, labelMax{}; // a button's label ink, pixels, from the text engine
    ImVec2 centre() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
};

// Text a visitor must act on (a service's numbers and web address; why there is no Listen),
// drawn this frame: where its ink is, the box that holds it and the clip it was drawn under, so
// that tests can prove that none of it is cut or spills out of its box.
struct TextInfo {
    std::string owner;          // e.g. the signpost id
    ImVec2 inkMin, inkMax;      // the glyphs' pixels, from the text engine
    ImVec2 boxMin, boxMax;      // the card
    ImVec2 clipMin, clipMax;    // the draw list's clip rect at the time
    std::string text = {};      // what it says, where a test must read it (empty for numbers)
    float sizePx = 0;           // the type size it was shaped at, where a test checks it (present mode)
};

class WidgetRegistry {
public:
    void beginFrame() {
        widgets_.clear();
        texts_.clear();
    }
    void add(std::string_view id, std::string_view label, ImVec2 min, ImVec2 max, bool clipped);
    const std::vector<WidgetInfo>& all() const { return widgets_; }
    // The size button id's label was drawn at and where its glyphs' pixels are, for tests
    // that labels keep to the text size and stay inside their buttons.
    void labelled(std::string_view id, float px, ImVec2 inkMin, ImVec2 inkMax);
    void addText(TextInfo t) { texts_.push_back(std::move(t)); }
    const std::vector<TextInfo>& texts() const { return texts_; }
    // By id first, then by label ignoring ASCII case.
    std::optional<WidgetInfo> find(std::string_view idOrLabel) const;

private:
    std::vector<WidgetInfo> widgets_;
    std::vector<TextInfo> texts_;
};

} // namespace ev::ui
