#include "ui/focus.h"

#include <algorithm>

namespace ev::ui {

void Focus::beginFrame() { order_.clear(); }

void Focus::endFrame() {
    last_.swap(order_); // keys between frames move among what the frame just drawn holds
    activate_ = false;
}

void Focus::key(Key k) {
    const auto it = std::find(last_.begin(), last_.end(), id_);
    if (k == Key::Activate) {
        // Nothing focused yet: Enter shows where the focus is, except where there is only one
        // thing to do ("Touch to start"), which it does.
        if (it != last_.end()) activate_ = true;
        else if (!last_.empty()) {
            id_ = last_.front();
            activate_ = last_.size() == 1;
        }
        return;
    }
    if (last_.empty()) return;
    const auto n = static_cast<long>(last_.size());
    // A control that left the screen (a new screen opened) restarts from the first or last.
    long i = it == last_.end() ? (k == Key::Next ? -1 : n) : it - last_.begin();
    i = k == Key::Next ? (i + 1) % n : (i - 1 + n) % n;
    id_ = last_[static_cast<std::size_t>(i)];
}

bool Focus::visit(std::string_view id) {
    order_.emplace_back(id);
    if (!activate_ || !has(id)) return false;
    activate_ = false;
    return true;
}

} // namespace ev::ui
