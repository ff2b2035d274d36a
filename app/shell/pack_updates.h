#pragma once
// Pack updates in the running kiosk. The inbox is someone else's folder: anything may be in it
// (a FIFO, a 100 GB file, thousands of files), so the screen's thread never touches it. A worker
// thread owns the PackStore and does every look, copy, hash and open; the screen's thread
// only reads what the worker last published. An accepted pack goes on screen at the attract
// screen, never in the middle of someone's reading. The main loop asks due() when to wake for
// it and calls run() then; run() never waits for the worker.
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/clock.h"
#include "core/pack/pack_store.h"
#include "core/session/session.h"
#include "shell/shown_pack.h"
#include "ui/app.h"

namespace ev::shell {

class PackUpdates final : public PackChoices {
public:
    // store is used only by the worker from here on, until the destructor has joined it.
    // Accepted packs go on screen through shown; app shows the status line.
    PackUpdates(PackStore& store, const Clock& clock, Millis pollEvery, ShownPack& shown, ui::App& app,
                const Session& session);
    ~PackUpdates() override;
    PackUpdates(const PackUpdates&) = delete;
    PackUpdates& operator=(const PackUpdates&) = delete;

    // Clock time at which run() has something to do; nullopt for never.
    std::optional<Millis> due() const;
    // Asks the worker for a look at the inbox if one is due, takes what it found, and switches
    // packs if one waits and the attract screen is showing. True when what is on screen may
    // have changed.
    bool run();
    // Waits until the worker has done what it was asked (scripted runs only: the kiosk never
    // waits for it).
    void settle();

    // The admin screen's view: what the worker last published; the two choices are handed to
    // the worker, and their outcome reaches the screen through run().
    std::string status() const override;
    std::string refusedOlder() const override;
    std::string kept() const override;
    bool forceOlder() override;
    bool switchToKept() override;

private:
    enum class Job { None, Scan, ForceOlder, SwitchToKept };
    void work();
    void ask(Job job);

    PackStore& store_;
    const Clock& clock_;
    Millis pollEvery_;
    std::optional<Millis> nextPoll_;
    ShownPack& shown_;
    ui::App& app_;
    const Session& session_;

    // Shared with the worker, under mutex_.
    mutable std::mutex mutex_;
    std::condition_variable wake_, idle_;
    bool scanWanted_ = false, forceWanted_ = false, keptWanted_ = false, stopping_ = false;
    bool busy_ = false; // the worker is on a job
    bool news_ = false; // published since run() last looked
    std::string status_, refusedOlder_, kept_;
    std::optional<Pack> ready_;     // accepted, waiting for the attract screen
    std::string readyStatus_;       // the status line once ready_ is on screen
    std::thread worker_;
};

} // namespace ev::shell
