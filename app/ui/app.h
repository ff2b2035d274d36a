#pragma once
// The kiosk's user interface: draws the screen the session is on, and turns taps into
// session actions. Owns no window and makes no GL calls; the platform calls frame() between
// ImGui::NewFrame() and ImGui::Render().
#include <map>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/pack/content.h"
#include "core/session/session.h"
#include "text/engine.h"
#include "ui/focus.h"
#include "ui/image_textures.h"
#include "ui/language_warmup.h"
#include "ui/page_warmup.h"
#include "ui/pin_gate.h"
#include "ui/text_painter.h"
#include "ui/views/admin_view.h"
#include "ui/views/attract_view.h"
#include "ui/views/audience_view.h"
#include "ui/views/display_panel.h"
#include "ui/views/help_view.h"
#include "ui/views/idle_prompt.h"
#include "ui/views/language_view.h"
#include "ui/views/nav_bar.h"
#include "ui/views/neutral_view.h"
#include "ui/views/page_view.h"
#include "ui/views/present_view.h"
#include "ui/views/questions_view.h"
#include "ui/views/record_view.h"
#include "ui/views/signpost_view.h"
#include "ui/views/topics_view.h"
#include "ui/views/view.h"
#include "ui/widget_registry.h"

namespace ev::ui {

// How the kiosk is installed, set by staff (command line); not the visitor's choice.
struct AppSettings {
    // The share of the screen's height, from its bottom edge, that a seated person can reach
    // (EN 301 549: 380-1220 mm above the floor); "buttons lower down" keeps every control in
    // it. Default 0.6: a 531 mm tall 24-inch portrait panel whose bottom edge is 900 mm up.
    float reachable = 0.6f;
    bool reducedMotion = false; // the attract screen keeps still instead of cycling languages
    // Switch scanning: the focus moves to the next control this often; 0 = off (default).
    Millis scanEvery{0};
};

class App {
public:
    App(const Pack& pack, Session& session, const Clock& clock, text::Engine& engine,
        AppSettings settings = {});
    App(const App&) = delete; // its screen table points into it
    App& operator=(const App&) = delete;

    void frame();
    // The colour under the screen last built (its theme's paper). The renderer clears the
    // window to it rather than the UI painting it: a full-screen layer costs a software
    // rasteriser about 20 ms of the first frame (docs/performance.md).
    ImU32 background() const { return background_; }
    // Keyboard and switch access (Tab and arrows move the focus, Enter and Space activate).
    void key(Focus::Key k);
    // The Left and Right arrow keys move the focus in visual order: in a right-to-left
    // language the next control is to the left.
    void arrow(bool right) { key(right != rtl_ ? Focus::Key::Next : Focus::Key::Previous); }
    // Escape closes what is open over the screen: the staff keypad, else the text and colour panel.
    void escape();
    // A clicker's or keyboard's command in present mode (none for Tab and Enter, which move
    // and take the focus, except on a blank screen, which any key ends). False when the key
    // is not present mode's: it then does what it does elsewhere.
    bool present(std::optional<PresentKey> k);
    const PresentView& presentView() const { return present_; }
    // A second window shows the presenter view (the platform draws presenterFrame() in it, in
    // an ImGui context of its own): the facilitator's notes go there, never on the room's screen.
    void setPresenterWindow(bool on) { present_.setPresenterWindow(on); }
    void presenterFrame();
    const WidgetRegistry& presenterWidgets() const { return presenterWidgets_; }
    // Reads pages aloud from now on; null (the default) for no "Listen" button.
    void setNarrator(Narrator* narrator) { narrator_ = narrator; }
    // Uploads the pack's images for the pages to draw; null (the default) shows their alt
    // text instead. The uploader must outlive the App or be unset first.
    void setTextureUploader(TextureUploader* uploader);
    // Shows a pack from the next frame on (the kiosk calls it only through shell/shown_pack.h).
    // The caller keeps it alive while it is shown; the old one may be freed once this returns.
    // origin is where it came from, for the admin screen's pack line (core/pack/pack_store.h
    // StartPack).
    void showPack(const Pack& pack, std::string origin);
    // The line about pack updates on the admin screen (core/pack/pack_store.h status()).
    void setPackStatus(std::string status) { admin_.setPackStatus(std::move(status)); }
    // The admin screen's PIN, counts and export folder. Without a PIN that is set, holding
    // the title does nothing.
    void setStaff(Staff staff) {
        staff_ = std::move(staff);
        gate_.setPin(staff_.pin);
    }
    // Staff closed the kiosk (with the PIN): the loop ends and the program exits 0.
    bool quitRequested() const { return gate_.quitRequested(); }

    TextPainter& text() { return text_; }
    const Pack& pack() const { return *pack_; }
    const WidgetRegistry& widgets() const { return widgets_; }
    const Focus& focus() const { return focus_; }
    // How long until something on screen changes by itself (attract cycling), if anything.
    std::optional<Millis> nextAnimation() const { return nextAnimation_; }
    // Warming is owed: the kiosk is on its first screen and some languages are cold, or a
    // visitor is on a screen from which they may open pages not yet laid out. The loop then
    // calls warmUp() whenever it has nothing to draw, instead of sleeping.
    bool warming() const;
    // One small step of it (language_warmup.h, page_warmup.h), at the sizes this window and
    // text size use; nothing when warming() is false.
    void warmUp();
    const LanguageWarmup& warmup() const { return warmup_; }

private:
    // A visit's next pages may be laid out now: on the screens of its flow, with nothing over them.
    bool pagesMayWarm() const;
    Ui makeUi(ImDrawList* dl);
    void drawFlow(Ui& ui);
    void drawOverlays();
    void narrate();
    void layoutFlow(Ui& ui, float& barTop, Rect& footer) const;
    void isolateNames(); // the pack's service names, for the text painter

    const Pack* pack_;
    Session& session_;
    const Clock& clock_;
    AppSettings settings_;
    TextPainter text_;
    LanguageWarmup warmup_;
    PageWarmup pages_;
    ImageTextures images_;
    WidgetRegistry widgets_;
    Focus focus_;
    WidgetRegistry presenterWidgets_; // the presenter window's: tests read what it shows
    Focus presenterFocus_;
    Narrator* narrator_ = nullptr;
    Millis lastScan_{0};
    std::optional<Millis> nextAnimation_;
    ImU32 background_ = IM_COL32_BLACK;
    bool promptWasShown_ = false;
    bool swallowPointer_ = false; // the tap that dismissed the prompt must not land beneath it
    Rect promptExit_{};           // the quick exit over "Still there?", while it shows
    std::string rtlLocale_;       // cache of isRightToLeft for the current locale
    bool rtl_ = false;

    Staff staff_;
    PinGate gate_;
    NavBar bar_;
    DisplayPanel display_;
    Location shownAt_; // where the last frame was, to close the panel when the screen changes
    AttractView attract_;
    LanguageView languages_;
    AudienceView audience_;
    TopicsView topics_;
    PageView page_;
    HelpView help_;
    SignpostView signpost_;
    QuestionsView questions_;
    NeutralView neutral_;
    AdminView admin_;
    PresentView present_;
    RecordView record_;
    IdlePrompt prompt_;
    // Which view draws each screen, and whether it is a flow screen: below the bar, with
    // "Text and colour" in the footer.
    struct Route {
        View* view;
        bool flow;
    };
    std::map<Screen, Route> routes_;
};

} // namespace ev::ui
