#pragma once
// The kiosk's user interface: draws the screen the session is on, and turns taps into
// session actions. Owns no window and makes no GL calls; the platform calls frame() between
// ImGui::NewFrame() and ImGui::Render().
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/content.h"
#include "core/session.h"
#include "text/engine.h"
#include "text_painter.h"
#include "views/admin_view.h"
#include "views/attract_view.h"
#include "views/audience_view.h"
#include "views/help_view.h"
#include "views/idle_prompt.h"
#include "views/language_view.h"
#include "views/nav_bar.h"
#include "views/neutral_view.h"
#include "views/page_view.h"
#include "views/topics_view.h"
#include "widget_registry.h"

namespace ev::ui {

class App {
public:
    App(const Pack& pack, Session& session, const Clock& clock, text::Engine& engine);

    void frame();

    TextPainter& text() { return text_; }
    const Pack& pack() const { return pack_; }
    const WidgetRegistry& widgets() const { return widgets_; }
    // How long until something on screen changes by itself (attract cycling), if anything.
    std::optional<Millis> nextAnimation() const { return nextAnimation_; }

private:
    Ui makeUi(ImDrawList* dl);
    void drawFlow(Ui& ui);
    void drawOverlays();

    const Pack& pack_;
    Session& session_;
    const Clock& clock_;
    TextPainter text_;
    WidgetRegistry widgets_;
    std::optional<Millis> nextAnimation_;
    bool promptWasShown_ = false;
    bool swallowPointer_ = false; // the tap that dismissed the prompt must not land beneath it
    std::string rtlLocale_;       // cache of isRightToLeft for the current locale
    bool rtl_ = false;

    NavBar bar_;
    AttractView attract_;
    LanguageView languages_;
    AudienceView audience_;
    TopicsView topics_;
    PageView page_;
    HelpView help_;
    NeutralView neutral_;
    IdlePrompt prompt_;
    AdminView admin_;
};

} // namespace ev::ui
