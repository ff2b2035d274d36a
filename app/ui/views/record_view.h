#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "ui/views/view.h"

namespace ev::ui {

// The session record: at the end of a presentation, or from the admin screen, the facilitator
// says who the session was for, the languages used, how many came and which plan, with buttons
// only (English, like the admin screen). It is recorded once however often the button is
// tapped; what was recorded is shown with an Undo for kUndoFor.
class RecordView final : public View {
public:
    static constexpr Millis kUndoFor{60'000}; // how long Undo stays after recording; 1 minute, within the idle limit
    static constexpr int kMaxHeads = 999;      // the head count's buttons stop here

    void arrive(const Location& from) override;
    void draw(Ui& ui) override;
    std::optional<Millis> nextChange(const Ui& ui) const override;

private:
    void drawStaff(Ui& ui); // draw, with the text set left to right in the default locale
    std::vector<Audience> audiences_;
    std::vector<std::string> locales_;
    int heads_ = 0;
    std::string plan_;
    std::string presenting_; // the deck this screen ended, to go back to; empty from the admin screen
    std::optional<Millis> recordedAt_;
    std::string recorded_; // what was recorded, in words
    std::string message_;
    bool arrived_ = false; // the first frame since arrive(): take the language and plan presented
};

} // namespace ev::ui
