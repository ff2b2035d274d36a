#include "ui/widget_registry.h"

#include <algorithm>
#include <cctype>

namespace ev::ui {

void WidgetRegistry::add(std::string_view id, std::string_view label, ImVec2 min, ImVec2 max, bool clipped) {
    widgets_.push_back({std::string(id), std::string(label), min, max, clipped, 0.0f, {}, {}});
}

void WidgetRegistry::labelled(std::string_view id, float px, ImVec2 inkMin, ImVec2 inkMax) {
    for (auto w = widgets_.rbegin(); w != widgets_.rend(); ++w)
        if (w->id == id) {
            w->labelPx = px;
            w->labelMin = inkMin;
            w->labelMax = inkMax;
            return;
        }
}

std::optional<WidgetInfo> WidgetRegistry::find(std::string_view idOrLabel) const {
    for (const auto& w : widgets_)
        if (w.id == idOrLabel) return w;
    const auto sameText = [&](const std::string& label) {
        return std::equal(label.begin(), label.end(), idOrLabel.begin(), idOrLabel.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) ==
                                                      std::tolower(static_cast<unsigned char>(b)); });
    };
    for (const auto& w : widgets_)
        if (sameText(w.label)) return w;
    return std::nullopt;
}

} // namespace ev::ui
