#pragma once
// Keyboard and switch access: which control wears the focus ring, moved by Tab and the arrow
// keys or by switch scanning, and activated by Enter or Space exactly as a tap would.
#include <string>
#include <string_view>
#include <vector>

namespace ev::ui {

class Focus {
public:
    enum class Key { Next, Previous, Activate };

    void beginFrame();  // this frame's controls are visited afresh
    void endFrame();    // an activation nobody took this frame is dropped
    void key(Key k);
    // Every control calls this in drawing order. True when it has the focus and was activated.
    bool visit(std::string_view id);
    bool has(std::string_view id) const { return !id_.empty() && id == id_; }
    const std::string& current() const { return id_; } // empty: none yet

private:
    std::vector<std::string> order_, last_; // controls of the frame being drawn, and of the last one drawn
    std::string id_;                        // the focused control; empty: none yet
    bool activate_ = false;
};

} // namespace ev::ui
