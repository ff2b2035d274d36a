#pragma once
// Lays out, in idle turns during a visit, the pages the visitor can open next, so that the
// frame opening one finds its paragraphs in the engine's layout cache instead of shaping its
// body then (a long Urdu page took 10-20 ms of CPU in that frame; docs/performance.md). On
// the language screen reached from a page: that page in every language, as choosing one
// returns to it. Then every page in the visitor's language, their topic list's first. One
// paragraph per step, so a touch meanwhile waits no longer; once each wanted page is laid out
// at the window's sizes it does nothing, and the layout cache's bound keeps memory bounded.
#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/pack/content.h"
#include "core/session/session.h"
#include "ui/ui_context.h"

namespace ev::ui {

class PageWarmup {
public:
    // A page in a language.
    using Item = std::pair<std::string, std::string>;

    // What a visitor on the session's screen may open next, most likely first.
    static std::vector<Item> wanted(const Pack& pack, const Session& session);

    // The sizes the pages are drawn at: a new window size or text size makes every page owed again.
    void setSizes(const Ui& ui);
    // Some of wanted is not laid out at the current sizes.
    bool owed(const std::vector<Item>& wanted) const;
    // Lays out one paragraph of the first owed page; nothing when none is.
    void step(const Ui& ui, const std::vector<Item>& wanted);

private:
    struct Sizes {
        float scale = 0, textScale = 0, width = 0;
        bool operator==(const Sizes&) const = default;
    };
    Sizes sizes_;
    std::set<Item> done_;    // laid out at sizes_
    Item current_;           // being laid out, piece by piece
    std::size_t piece_ = 0;  // its next piece (PageView::prepare)
};

} // namespace ev::ui
