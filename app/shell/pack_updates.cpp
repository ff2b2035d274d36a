#include "shell/pack_updates.h"

namespace ev::shell {

namespace {

// Nobody is reading: the attract screen, with no "Still there?" over it.
bool idle(const Session& s) { return s.screen() == Screen::Attract && !s.idlePromptShown(); }

} // namespace

PackUpdates::PackUpdates(PackStore& store, const Clock& clock, Millis pollEvery, ShownPack& shown, ui::App& app,
                         const Session& session)
    : store_(store), clock_(clock), pollEvery_(pollEvery), nextPoll_(store.nextPoll()), shown_(shown), app_(app),
      session_(session), status_(store.status()), refusedOlder_(store.refusedOlder()), kept_(store.kept()) {
    app_.setPackStatus(status_);
    worker_ = std::thread([this] { work(); });
}

PackUpdates::~PackUpdates() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    store_.cancel(); // a scan stops after the file it is on
    wake_.notify_one();
    worker_.join();
}

void PackUpdates::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        busy_ = false;
        idle_.notify_all();
        wake_.wait(lock, [&] { return stopping_ || scanWanted_ || forceWanted_ || keptWanted_; });
        if (stopping_) return;
        busy_ = true;
        const Job job = forceWanted_ ? Job::ForceOlder : keptWanted_ ? Job::SwitchToKept : Job::Scan;
        (job == Job::ForceOlder ? forceWanted_ : job == Job::SwitchToKept ? keptWanted_ : scanWanted_) = false;
        lock.unlock();
        switch (job) {
        case Job::ForceOlder: store_.forceOlder(); break;
        case Job::SwitchToKept: store_.switchToKept(); break;
        default: store_.scan(); break;
        }
        std::string status = store_.status(), refused = store_.refusedOlder(), kept = store_.kept();
        std::optional<Pack> update;
        std::string showing;
        if (store_.hasUpdate()) {
            update = store_.takeUpdate();
            showing = store_.status();
        }
        lock.lock();
        news_ = news_ || status != status_ || refused != refusedOlder_ || kept != kept_ || update;
        status_ = std::move(status);
        refusedOlder_ = std::move(refused);
        kept_ = std::move(kept);
        if (update) {
            ready_ = std::move(update); // a newer acceptance replaces one not yet shown
            readyStatus_ = std::move(showing);
        }
    }
}

void PackUpdates::ask(Job job) {
    {
        std::lock_guard lock(mutex_);
        (job == Job::ForceOlder ? forceWanted_ : job == Job::SwitchToKept ? keptWanted_ : scanWanted_) = true;
    }
    wake_.notify_one();
}

void PackUpdates::settle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return !busy_ && !scanWanted_ && !forceWanted_ && !keptWanted_; });
}

std::optional<Millis> PackUpdates::due() const {
    {
        std::lock_guard lock(mutex_);
        if (news_ && (!ready_ || idle(session_))) return Millis(0);
    }
    return nextPoll_;
}

bool PackUpdates::run() {
    if (nextPoll_ && clock_.now() >= *nextPoll_) {
        nextPoll_ = clock_.now() + pollEvery_;
        ask(Job::Scan);
    }
    std::optional<Pack> next;
    std::string status;
    {
        std::lock_guard lock(mutex_);
        if (!news_) return false;
        if (ready_ && idle(session_)) {
            next = std::move(ready_);
            ready_.reset();
            status = readyStatus_;
        } else {
            status = status_;
        }
        // A pack still waiting for the attract screen keeps news_, so due() asks again then.
        news_ = ready_.has_value();
    }
    app_.setPackStatus(status);
    if (next) shown_.show(std::move(*next), StartPack::kFromStore);
    return true;
}

std::string PackUpdates::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

std::string PackUpdates::refusedOlder() const {
    std::lock_guard lock(mutex_);
    return refusedOlder_;
}

std::string PackUpdates::kept() const {
    std::lock_guard lock(mutex_);
    return kept_;
}

bool PackUpdates::forceOlder() {
    if (refusedOlder().empty()) return false;
    ask(Job::ForceOlder);
    return true;
}

bool PackUpdates::switchToKept() {
    if (kept().empty()) return false;
    ask(Job::SwitchToKept);
    return true;
}

} // namespace ev::shell
