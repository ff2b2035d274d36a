#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/counts/counts_summary.h"
#include "core/kiosk/self_check.h"
#include "core/clock.h"
#include "ui/pin_gate.h"
#include "ui/scroll_area.h"
#include "ui/views/view.h"

namespace ev {
class AdminPin;
class Counter;
class PackChoices;
} // namespace ev

namespace ev::ui {

// What the admin screen works with, given by main. Each may be left out (tests, previews).
struct Staff {
    AdminPin* pin = nullptr;        // none, or none set: the admin screen cannot be opened
    Counter* counter = nullptr;     // committed before counts are read or exported
    std::filesystem::path stateDir;  // counts.sqlite and kiosk.toml; empty: no counts shown
    std::filesystem::path exportDir; // --export-dir; default STATE-DIR/exports
    PackChoices* packs = nullptr;    // the pack store: staff may force an older pack or go back
    // The checks of `everyvoice-kiosk --check`, run when the admin screen opens; none if empty.
    std::function<std::vector<CheckResult>()> health = nullptr;
};

// The venue staff's screen, English only: which pack and its translations, the counts as
// bars, export to a USB stick, the venue label, the idle limit, closing the kiosk.
class AdminView final : public View {
public:
    // The idle limit staff may set here, in 30 s steps, for this run: 60-600 s.
    static constexpr Millis kIdleStep{30'000}, kIdleMin{60'000}, kIdleMax{600'000};

    // staff may change (App::setStaff) but outlives the view; the clock's wall time names
    // exports and picks the counts' days; the gate is asked for the PIN to close the kiosk.
    AdminView(const Staff& staff, const Clock& clock, PinGate& gate) : staff_(staff), clock_(clock), gate_(gate) {}
    // Reads what the screen shows: as it opens, never every frame.
    void arrive(const Location& from) override;
    void draw(Ui& ui) override;
    void setPackStatus(std::string status) { packStatus_ = std::move(status); }
    void setPackOrigin(std::string origin) { packOrigin_ = std::move(origin); }

private:
    void exportCounts();
    // `label` names a total's key for staff (an event, a language, an audience).
    float drawBars(Ui& ui, float y, const char* heading, const std::vector<CountTotal>& totals,
                   std::string (*label)(const std::string& key));
    float drawGroupSession(Ui& ui, float y); // returns its height
    float drawPackChoices(Ui& ui, PackChoices& packs, float y); // returns its height

    const Staff& staff_;
    const Clock& clock_;
    PinGate& gate_;

    std::string packStatus_; // what became of the last pack update, if any
    std::string packOrigin_; // where the pack shown came from: App::setPackOrigin
    // A pack choice waiting for its second tap: the widget id tapped once, else empty.
    std::string confirming_;
    std::optional<CountsPeriods> counts_;
    std::string countsProblem_; // why there are no counts to show
    std::string venue_;
    std::string countsWarning_; // the counts database was set aside (damaged, or from a newer kiosk)
    std::string exportMessage_;
    std::vector<CheckResult> health_;
    int period_ = 0; // 0 today, 1 the last 7 days, 2 the last 30
    ScrollArea scroll_;
};

} // namespace ev::ui
