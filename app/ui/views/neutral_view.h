#pragma once
#include <optional>
#include <random>

#include "ui/views/view.h"

namespace ev::ui {

// Where the quick exit lands: one of the pack's neutral items (ordinary library or school
// facts), chosen at random on each arrival, with no navigation bar that would give away what
// was on screen before. The attract screen shows the same items, so this looks like idling.
class NeutralView final : public View {
public:
    void arrive(const Location&) override { pick_.reset(); } // the next draw chooses an item afresh
    void draw(Ui& ui) override;

private:
    std::minstd_rand random_{std::random_device{}()};
    std::optional<std::size_t> pick_;
};

// A neutral item's title and body from y, in the column; returns the height drawn. Shared
// by the neutral and attract screens so the two look alike.
float drawNeutralItem(Ui& ui, const NeutralScreen& item, float y, text::Align align);

} // namespace ev::ui
