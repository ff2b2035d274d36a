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
    ImVec2 centre() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
};

class WidgetRegistry {
public:
    void beginFrame() { widgets_.clear(); }
    void add(std::string_view id, std::string_view label, ImVec2 min, ImVec2 max, bool clipped);
    const std::vector<WidgetInfo>& all() const { return widgets_; }
    // By id first, then by label ignoring ASCII case.
    std::optional<WidgetInfo> find(std::string_view idOrLabel) const;

private:
    std::vector<WidgetInfo> widgets_;
};

} // namespace ev::ui
