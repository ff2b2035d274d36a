#include "ui/app.h"

#include <algorithm>

#include "core/i18n/i18n.h"
#include "ui/theme.h"

namespace ev::ui {

namespace {

constexpr ImGuiWindowFlags kLayerFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                                         ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav;

// A full-screen ImGui window to draw a layer in; later layers sit above and take the input.
bool beginLayer(const char* name, bool onTop) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    if (onTop) ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    const bool open = ImGui::Begin(name, nullptr, kLayerFlags | (onTop ? 0 : ImGuiWindowFlags_NoBringToFrontOnFocus));
    ImGui::PopStyleVar(2);
    return open;
}

// One design pixel per screen pixel on a 1080-wide portrait kiosk; smaller windows scale
// everything down, landscape screens keep the portrait column and gain side margins.
float displayScale(ImVec2 size) { return std::max(0.1f, std::min(size.x, size.y) / theme::kDesignWidth); }

} // namespace

App::App(const Pack& pack, Session& session, const Clock& clock, text::Engine& engine, AppSettings settings)
    : pack_(&pack), session_(session), clock_(clock), settings_(settings), text_(engine), warmup_(pack), gate_(clock),
      attract_(gate_, settings.reducedMotion), admin_(staff_, clock, gate_),
      routes_{{Screen::Attract, {&attract_, false}},  {Screen::Languages, {&languages_, true}},
              {Screen::Audience, {&audience_, true}}, {Screen::Topics, {&topics_, true}},
              {Screen::Page, {&page_, true}},         {Screen::Help, {&help_, true}},
              {Screen::Signpost, {&signpost_, true}}, {Screen::Questions, {&questions_, true}},
              {Screen::Neutral, {&neutral_, false}},  {Screen::Admin, {&admin_, false}},
              {Screen::Present, {&present_, false}},  {Screen::Record, {&record_, false}}} {
    isolateNames();
    session_.setQuestions(pack.questions);
}

void App::isolateNames() {
    std::vector<std::string> names;
    for (const Signpost& s : pack_->signposts)
        for (const auto& [locale, t] : s.text)
            if (!t.name.empty() && std::find(names.begin(), names.end(), t.name) == names.end()) names.push_back(t.name);
    text_.setIsolated(std::move(names));
}

void App::showPack(const Pack& pack, std::string origin) {
    pack_ = &pack;
    admin_.setPackOrigin(std::move(origin));
    isolateNames();
    session_.setQuestions(pack.questions);
    // The page view keeps a layout of the page it showed last, which may be the old pack's,
    // and its images' textures.
    page_ = PageView{};
    present_ = PresentView{};
    images_.clear();
    warmup_ = LanguageWarmup(pack); // its words, not the old pack's
    pages_ = PageWarmup{};
}

bool App::pagesMayWarm() const {
    return routes_.at(session_.location().screen).flow && !session_.idlePromptShown() && !gate_.isOpen();
}

bool App::warming() const {
    if (session_.location().screen == Screen::Attract) return !warmup_.done();
    return pagesMayWarm() && pages_.owed(PageWarmup::wanted(*pack_, session_));
}

void App::warmUp() {
    if (session_.location().screen == Screen::Attract) {
        if (!warmup_.done())
            warmup_.step(text_, displayScale(ImGui::GetIO().DisplaySize), theme::kTextScales[session_.display().textSize]);
        return;
    }
    if (!pagesMayWarm()) return;
    const Ui ui = makeUi(nullptr);
    pages_.setSizes(ui);
    pages_.step(ui, PageWarmup::wanted(*pack_, session_)); // nothing when every page is laid out
}

void App::setTextureUploader(TextureUploader* uploader) {
    page_ = PageView{};
    present_ = PresentView{};
    images_.setUploader(uploader);
}

Ui App::makeUi(ImDrawList* dl) {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float scale = displayScale(size);
    const float colWidth = std::min(size.x, theme::kColumnWidth * scale);
    const float colX = (size.x - colWidth) * 0.5f;
    const float margin = theme::kMargin * scale;
    if (session_.locale() != rtlLocale_) {
        rtlLocale_ = session_.locale();
        rtl_ = isRightToLeft(rtlLocale_);
        text_.setLanguage(rtlLocale_, rtl_);
    }
    const Display& d = session_.display();
    return Ui{*pack_, session_, text_, images_, widgets_, focus_, narrator_, dl,
              d.highContrast ? theme::kHighContrast : theme::kStandard, scale, theme::kTextScales[d.textSize],
              Rect{{0, 0}, size},
              Rect{{colX + margin, margin}, {colX + colWidth - margin, size.y - margin}},
              session_.locale(), rtl_, clock_.now()};
}

// The bar at the top and "Text and colour" in a footer; with "buttons lower down" the bar
// sits on the footer, within reach, and reading keeps the upper screen: a scroll area there
// can be pulled down to bring its upper controls within reach (ScrollArea).
void App::layoutFlow(Ui& ui, float& barTop, Rect& footer) const {
    const float barH = NavBar::height(ui), footH = DisplayPanel::footerHeight(ui);
    footer = Rect{{ui.screen.min.x, ui.screen.max.y - footH}, ui.screen.max};
    if (!session_.display().controlsLow) {
        barTop = ui.screen.min.y;
        ui.column.min.y = barTop + barH + ui.px(40);
        ui.column.max.y = footer.min.y - ui.px(24);
        return;
    }
    barTop = footer.min.y - barH;
    ui.reachTop = ui.screen.max.y - std::clamp(settings_.reachable, 0.3f, 1.0f) * ui.screen.height();
    ui.column.max.y = barTop - ui.px(24);
}

void App::drawFlow(Ui& ui) {
    float barTop = 0;
    Rect footer{};
    layoutFlow(ui, barTop, footer);
    bar_.draw(ui, barTop);
    // The bar may have just changed the screen (Exit, Back, Get help now): draw the screen the
    // session is on now, never the one it left. After the quick exit that is the neutral
    // screen, drawn from the next frame; a service's view drawn for a service no longer on
    // screen would open the help screen instead.
    const Route& route = routes_.at(session_.screen());
    if (route.flow) route.view->draw(ui);
    // After the screen, so Tab meets it last, as it reads.
    display_.drawButton(ui, footer);
}

void App::key(Focus::Key k) {
    focus_.key(k);
    lastScan_ = clock_.now(); // a visitor moving the focus themselves sets the scanning pace
}

bool App::present(std::optional<PresentKey> k) {
    if (session_.screen() != Screen::Present || !(k || present_.blank())) return false;
    present_.key(session_, k.value_or(PresentKey::Other));
    return true;
}

void App::escape() {
    if (gate_.isOpen()) gate_.close();
    else display_.close();
}

void App::frame() {
    widgets_.beginFrame();
    focus_.beginFrame();
    nextAnimation_.reset();
    // Switch scanning: the focus steps on by itself; the switch (Enter or Space) takes it.
    if (settings_.scanEvery > Millis(0)) {
        const Millis now = clock_.now();
        if (now - lastScan_ >= settings_.scanEvery) {
            focus_.key(Focus::Key::Next);
            lastScan_ = now;
        }
    }
    // Any touch ends "Still there?" before the screen is drawn (kiosk_loop.cpp): one that
    // lands on the prompt's Exit is the quick exit, at once, and the reading is not shown again.
    if (promptWasShown_ && !session_.idlePromptShown() && ImGui::IsMouseDown(0) &&
        promptExit_.contains(ImGui::GetIO().MousePos))
        session_.quickExit();
    // The panel belongs to the screen it was opened on; a prompt or a quick exit closes it.
    if (!(session_.location() == shownAt_) || session_.idlePromptShown()) display_.close();
    // Reading stops with the page: at once on the quick exit, the idle prompt and reset.
    if (narrator_) narrate();
    // Every way in (--goto admin, a script's goto) asks for the PIN once one is set; a quick
    // exit or a reset closes the keypad.
    gate_.guard(session_, shownAt_.screen);
    if (!(session_.location() == shownAt_)) {
        routes_.at(session_.screen()).view->arrive(shownAt_);
        // Back on the first screen after a visit, whose pages may have pushed the other
        // languages' words out of the layout cache: warm them again (a word still cached
        // costs a look-up).
        if (session_.screen() == Screen::Attract && warmup_.done()) warmup_ = LanguageWarmup(*pack_);
    }
    shownAt_ = session_.location();
    if (beginLayer("##screen", false)) {
        Ui ui = makeUi(ImGui::GetWindowDrawList());
        pages_.setSizes(ui);
        background_ = ui.c.paper;
        // Under "Still there?" the reading is neither shown nor touchable: the next person
        // at the kiosk sees only the prompt.
        if (gate_.isOpen()) {
            nextAnimation_ = gate_.draw(ui);
        } else if (!session_.idlePromptShown()) {
            const Route& route = routes_.at(session_.screen());
            if (route.flow) drawFlow(ui);
            else route.view->draw(ui);
            // Asked of the screen now shown: a tap this frame may have changed it.
            nextAnimation_ = routes_.at(session_.screen()).view->nextChange(ui);
            if (gate_.isOpen()) nextAnimation_ = Millis(0); // the keypad is drawn from the next frame: draw it now
        }
    }
    ImGui::End();
    drawOverlays();
    focus_.endFrame();
    // "Stop" turns back into "Listen" when the reading ends by itself: look again soon.
    if (narrator_ && narrator_->state() == Narrator::State::Playing) nextAnimation_ = nextAnimation_ ? std::min(*nextAnimation_, Millis(250)) : Millis(250);
    if (settings_.scanEvery > Millis(0)) {
        const Millis next = settings_.scanEvery - (clock_.now() - lastScan_);
        nextAnimation_ = nextAnimation_ ? std::min(*nextAnimation_, next) : next;
    }
}

// Reading stops with the page: at once on the quick exit and the idle reset. "Still there?"
// interrupts it, and is itself read aloud to a visitor who has been listening (who may not
// read the screen), until it is answered or runs out.
void App::narrate() {
    narrator_->setVolume(session_.volume());
    const bool moved = !(session_.location() == shownAt_);
    const bool prompt = session_.idlePromptShown();
    if (!moved && prompt == promptWasShown_) return;
    narrator_->stop();
    if (!prompt || !session_.listening()) return;
    const Ui ui = makeUi(nullptr);
    const long seconds = (session_.promptRemaining().count() + 999) / 1000;
    narrator_->read(ui.str("idle.title") + "\n" + ui.message("idle.body", {{"seconds", seconds}}), ui.locale);
}

void App::presenterFrame() {
    presenterWidgets_.beginFrame();
    presenterFocus_.beginFrame();
    if (beginLayer("##presenter", false)) {
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        const float scale = displayScale(size);
        const Rect all{{0, 0}, size};
        Ui ui{*pack_, session_, text_, images_, presenterWidgets_, presenterFocus_, nullptr, ImGui::GetWindowDrawList(),
              theme::kStandard, scale, 1.0f, all, all, session_.locale(), rtl_, clock_.now()};
        present_.drawPresenter(ui, clock_.unixSeconds());
    }
    ImGui::End();
    presenterFocus_.endFrame();
}

void App::drawOverlays() {
    const bool shown = session_.idlePromptShown();
    if (promptWasShown_ && !shown && ImGui::IsMouseDown(0)) swallowPointer_ = true;
    promptWasShown_ = shown;
    if (swallowPointer_ && !ImGui::IsMouseDown(0)) swallowPointer_ = false;

    if (display_.open() && !shown) {
        // A layer the size of the panel only: the quick exit in the bar stays within a tap. It
        // comes to the front as it appears (the screen layer never does). Focusing it every
        // frame would cancel a press that began on the bar, the quick exit's included.
        Ui probe = makeUi(nullptr);
        float barTop = 0;
        Rect footer{};
        layoutFlow(probe, barTop, footer);
        const Rect r = display_.panelRect(probe);
        ImGui::SetNextWindowPos(r.min);
        ImGui::SetNextWindowSize({r.width(), r.height()});
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
        if (ImGui::Begin("##display", nullptr, kLayerFlags)) {
            Ui ui = makeUi(ImGui::GetWindowDrawList());
            layoutFlow(ui, barTop, footer);
            display_.drawPanel(ui);
        }
        ImGui::End();
        ImGui::PopStyleVar(2);
    }
    if (shown) {
        // Whatever was on screen is no one else's business: the prompt hides it entirely.
        if (beginLayer("##prompt", true)) {
            Ui ui = makeUi(ImGui::GetWindowDrawList());
            float barTop = 0;
            Rect footer{};
            layoutFlow(ui, barTop, footer);
            promptExit_ = prompt_.draw(ui, bar_, barTop);
        }
        ImGui::End();
        // The countdown changes once a second.
        nextAnimation_ = Millis(session_.promptRemaining().count() % 1000 + 1);
    } else if (swallowPointer_) {
        if (beginLayer("##swallow", true)) {
            ImGui::SetCursorScreenPos({0, 0});
            ImGui::InvisibleButton("##swallow", ImGui::GetIO().DisplaySize);
        }
        ImGui::End();
    }
}

} // namespace ev::ui
