#include "shell/shown_pack.h"

#include <utility>

namespace ev::shell {

void ShownPack::attach(ui::App& app, Session& session, Counter& counter) {
    app_ = &app;
    session_ = &session;
    counter_ = &counter;
    put();
}

void ShownPack::show(Pack pack, std::string origin) {
    // The App draws from the old pack until put() has pointed it at the new one.
    const auto before = std::exchange(pack_, std::make_unique<Pack>(std::move(pack)));
    origin_ = std::move(origin);
    put();
}

void ShownPack::put() {
    app_->showPack(*pack_, origin_);
    counter_->setPack(pack_->id);
    SessionSettings settings = session_->settings();
    settings.defaultLocale = pack_->defaultLocale;
    session_->setSettings(settings);
}

} // namespace ev::shell
