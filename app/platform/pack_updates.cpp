#include "pack_updates.h"

namespace ev::platform {

namespace {

// Nobody is reading: the attract screen, with no "Still there?" over it.
bool idle(const Session& s) { return s.screen() == Screen::Attract && !s.idlePromptShown(); }

} // namespace

PackUpdates::PackUpdates(PackStore& store, ui::App& app, Session& session, Counter& counter)
    : store_(store), app_(app), session_(session), counter_(counter) {
    app_.setPackStatus(store_.status());
}

std::optional<Millis> PackUpdates::due() const {
    if (store_.hasUpdate() && idle(session_)) return Millis(0);
    return store_.nextPoll();
}

bool PackUpdates::run() {
    const std::string before = store_.status();
    store_.poll();
    bool changed = store_.status() != before;
    if (store_.hasUpdate() && idle(session_)) {
        auto next = std::make_unique<Pack>(std::move(*store_.takeUpdate()));
        app_.showPack(*next);
        counter_.setPack(next->id);
        SessionSettings settings = session_.settings();
        settings.defaultLocale = next->defaultLocale;
        session_.setSettings(settings);
        shown_ = std::move(next); // a previous update is freed only now that nothing points at it
        changed = true;
    }
    if (changed) app_.setPackStatus(store_.status());
    return changed;
}

} // namespace ev::platform
