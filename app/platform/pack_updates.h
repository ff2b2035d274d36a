#pragma once
// Pack updates in the running kiosk: looks in the inbox when the store says it is time, and
// puts an accepted pack on screen at the attract screen, never in the middle of someone's
// reading. The main loop asks due() when to wake for it and calls run() then.
#include <memory>
#include <optional>

#include "core/clock.h"
#include "core/counts.h"
#include "core/pack_store.h"
#include "core/session.h"
#include "ui/app.h"

namespace ev::platform {

class PackUpdates {
public:
    PackUpdates(PackStore& store, ui::App& app, Session& session, Counter& counter);
    // Clock time at which run() has something to do; nullopt for never.
    std::optional<Millis> due() const;
    // Looks in the inbox if due and switches packs if one waits and the attract screen is
    // showing. True when what is on screen may have changed.
    bool run();

private:
    PackStore& store_;
    ui::App& app_;
    Session& session_;
    Counter& counter_;
    std::unique_ptr<Pack> shown_; // the pack from the store on screen, once there has been a switch
};

} // namespace ev::platform
