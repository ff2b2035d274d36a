#pragma once
#include <optional>

#include "../ui_context.h"

namespace ev::ui {

// The screen a kiosk shows while nobody is using it: the product's name and "Touch to start"
// cycling through the pack's languages. Touching anywhere starts.
class AttractView {
public:
    // How long each language's "Touch to start" stays before the next: 3 s.
    static constexpr Millis kCycle{3000};
    void draw(Ui& ui);
    // Reduced motion: "Touch to start" stays in the default language, nothing moves.
    void setStill(bool still) { still_ = still; }
    // When the cycling text next changes, so the loop sleeps until then and no longer.
    std::optional<Millis> nextChange(const Ui& ui) const;

private:
    bool still_ = false;
};

} // namespace ev::ui
