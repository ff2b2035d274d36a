#pragma once
// The pack on screen has one owner, and one way onto the screen, used at start-up and for
// every update alike: the App draws it, the Counter stamps its id on every later count, and
// the Session starts each new visit in its default language.
#include <memory>
#include <string>

#include "core/counts/counts.h"
#include "core/pack/content.h"
#include "core/session/session.h"
#include "ui/app.h"

namespace ev::shell {

class ShownPack {
public:
    // Holds the pack to start with (core/pack/pack_store.h choosePackToStart) and its origin,
    // the admin screen's line on where it came from, until attach().
    ShownPack(Pack first, std::string origin)
        : pack_(std::make_unique<Pack>(std::move(first))), origin_(std::move(origin)) {}

    // Puts the pack held on screen through these, and every later one from show(). The
    // App may have been built with pack().
    void attach(ui::App& app, Session& session, Counter& counter);
    // Shows pack from the next frame on, through the parts attach() was given. The pack shown
    // before is freed only once nothing points at it.
    void show(Pack pack, std::string origin);
    const Pack& pack() const { return *pack_; }

private:
    void put();

    std::unique_ptr<Pack> pack_;
    std::string origin_;
    ui::App* app_ = nullptr;
    Session* session_ = nullptr;
    Counter* counter_ = nullptr;
};

} // namespace ev::shell
