#include "core/session/session.h"

#include <algorithm>
#include <array>

#include "core/pack/deck.h"

namespace ev {

namespace {

// The screens of a resident's visit: they may hold someone's reading, so idle hides them, and
// back() can return to them. Attract, Neutral, Admin and a facilitator's screens belong to
// nobody in particular.
bool inVisit(Screen s) {
    return s != Screen::Attract && s != Screen::Neutral && s != Screen::Admin && s != Screen::Present &&
           s != Screen::Record;
}

// A facilitator's screens: what they record stays open to Undo while they are on them.
bool presenting(Screen s) { return s == Screen::Present || s == Screen::Record; }

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "+") + p;
    return out;
}

} // namespace

std::optional<std::pair<Location, std::optional<Audience>>> parseTarget(const std::string& s) {
    using Target = std::pair<Location, std::optional<Audience>>;
    constexpr std::array<std::pair<std::string_view, Screen>, 8> kWords{{
        {"attract", Screen::Attract},
        {"languages", Screen::Languages},
        {"audience", Screen::Audience},
        {"topics", Screen::Topics}, // no audience: the caller says which one is missing
        {"help", Screen::Help},
        {"neutral", Screen::Neutral},
        {"questions", Screen::Questions},
        {"admin", Screen::Admin},
    }};
    for (const auto& [word, screen] : kWords)
        if (s == word) return Target{{screen, {}}, std::nullopt};
    const std::string_view v(s);
    if (v.starts_with("topics:")) {
        const auto a = audienceFromId(s.substr(7));
        if (!a) return std::nullopt;
        return Target{{Screen::Topics, {}}, a};
    }
    if (v.starts_with("page:") && v.size() > 5) return Target{{Screen::Page, s.substr(5)}, std::nullopt};
    if (v.starts_with("signpost:") && v.size() > 9) return Target{{Screen::Signpost, s.substr(9)}, std::nullopt};
    if (v.starts_with("present:topics:") || (v.starts_with("present:plan:") && v.size() > 13))
        return Target{{Screen::Present, s.substr(8)}, std::nullopt};
    if (s == "record") return Target{{Screen::Record, {}}, std::nullopt};
    if (v.starts_with("record:") && v.size() > 7) return Target{{Screen::Record, s.substr(7)}, std::nullopt};
    return std::nullopt;
}

std::string missingIn(const Pack& pack, const Location& where) {
    if (where.screen == Screen::Page && !pack.page(where.id)) return "no page '" + where.id + "'";
    if (where.screen == Screen::Signpost && !pack.signpost(where.id)) return "no service '" + where.id + "'";
    if (where.screen == Screen::Present && !deckFor(pack, where.id, pack.defaultLocale))
        return "nothing to present for '" + where.id + "'";
    return {};
}

SessionSettings SessionSettings::clamped() const {
    SessionSettings s = *this;
    s.idleLimit = std::max(idleLimit, Millis(0));
    s.promptTime = std::max(promptTime, kMinPromptTime);
    s.shiftWindow = std::max(shiftWindow, Millis(0));
    s.shiftPresses = std::max(shiftPresses, 1);
    return s;
}

Session::Session(const Clock& clock, EventSink& sink, SessionSettings settings)
    : clock_(clock), sink_(sink), settings_(settings.clamped()), locale_(settings_.defaultLocale),
      lastActivity_(clock.now()) {}

EventContext Session::context(std::string page, std::string detail) const {
    return {std::move(page), locale_, audience_ ? audienceId(*audience_) : std::string(), std::move(detail)};
}

void Session::activity() {
    lastActivity_ = clock_.now();
    promptShown_ = false;
}

bool Session::navigate(Location to) {
    if (to == location_) return false;
    if (inVisit(location_.screen)) {
        if (history_.size() == kMaxHistory) history_.erase(history_.begin());
        history_.push_back(std::move(location_));
    }
    location_ = std::move(to);
    return true;
}

void Session::leaveVisit(Screen to) {
    location_ = {to, {}};
    history_.clear();
    audience_.reset();
    display_ = {};
    listening_ = false;
    pageRead_ = asked_ = false;
    volume_ = Narrator::kVolumeDefault;
    promptShown_ = false;
    shiftCount_ = 0;
    // What a facilitator recorded stays counted; only the way back out of it ends.
    if (!presenting(to)) held_.clear();
}

void Session::resetToAttract() {
    leaveVisit(Screen::Attract);
    locale_ = settings_.defaultLocale;
    lastActivity_ = clock_.now();
}

void Session::start() {
    activity();
    location_ = {Screen::Languages, {}};
    history_.clear();
    audience_.reset();
    pageRead_ = asked_ = false;
    sink_.count(Event::SessionStart, {});
}

void Session::chooseLanguage(const std::string& tag) {
    activity();
    locale_ = tag;
    sink_.count(Event::LanguageSelected, {.page = {}, .locale = tag, .audience = {}, .detail = {}});
    // Opened from the bar: return to where the resident was, now in the new language.
    if (location_.screen == Screen::Languages && !history_.empty()) {
        location_ = std::move(history_.back());
        history_.pop_back();
        // The page is read again in another language, which the dashboard wants to see.
        if (location_.screen == Screen::Page) sink_.count(Event::PageView, context(location_.id));
        return;
    }
    navigate({Screen::Audience, {}});
}

void Session::chooseAudience(Audience a) {
    activity();
    audience_ = a;
    sink_.count(Event::AudienceSelected, {.page = {}, .locale = {}, .audience = audienceId(a), .detail = {}});
    navigate({Screen::Topics, {}});
}

void Session::openPage(const std::string& pageId) {
    activity();
    if (!navigate({Screen::Page, pageId})) return;
    pageRead_ = true;
    sink_.count(Event::PageView, context(pageId));
}

void Session::openHelp() {
    activity();
    if (navigate({Screen::Help, {}})) sink_.count(Event::HelpView, context());
}

void Session::openSignpost(const std::string& signpostId) {
    activity();
    if (navigate({Screen::Signpost, signpostId})) sink_.count(Event::SignpostView, context({}, signpostId));
}

void Session::showQr(const std::string& signpostId) {
    activity();
    sink_.count(Event::QrShown, context({}, signpostId));
}

// Only a page can be rated or narrated; from anywhere else there is nothing to count against.
void Session::giveFeedback(bool helpful) {
    activity();
    if (location_.screen != Screen::Page) return;
    sink_.count(Event::Feedback, context(location_.id, std::string(helpful ? kHelpful : kNotHelpful)));
}

void Session::present(const std::string& source) {
    activity();
    // Back from the record screen is the same presentation: its pages were counted already.
    if (location_.screen != Screen::Record) presented_.clear();
    leaveVisit(Screen::Present);
    location_.id = source;
}

void Session::presentPage(const std::string& pageId) {
    if (location_.screen != Screen::Present) return;
    if (std::find(presented_.begin(), presented_.end(), pageId) != presented_.end()) return;
    presented_.push_back(pageId);
    const std::string plan = location_.id.starts_with("plan:") ? location_.id.substr(5) : std::string();
    sink_.count(Event::PagePresented, {.page = pageId, .locale = locale_, .audience = {}, .detail = plan});
}

void Session::openRecord(const std::string& planId) {
    activity();
    const bool fromPresent = location_.screen == Screen::Present;
    leaveVisit(Screen::Record);
    location_.id = planId;
    // The record screen ends a presentation; the admin screen's way in starts a fresh record.
    if (!fromPresent) held_.clear();
}

bool Session::hold(Record r, std::vector<std::pair<Event, EventContext>> items, std::vector<std::int64_t> weights) {
    if (held_.contains(r) || items.empty()) return false;
    std::vector<Held>& h = held_[r];
    for (std::size_t i = 0; i < items.size(); ++i) {
        sink_.add(items[i].first, items[i].second, weights[i]);
        h.push_back({items[i].first, std::move(items[i].second), weights[i]});
    }
    return true;
}

bool Session::recordGroupSession(const GroupSession& g) {
    activity();
    const Screen s = location_.screen;
    if ((s != Screen::Admin && s != Screen::Record) || g.headCount < 1 || g.audiences.empty() || g.locales.empty())
        return false;
    std::vector<std::string> audiences;
    for (const Audience a : kAllAudiences) // in one order, so the same room is one row
        if (std::find(g.audiences.begin(), g.audiences.end(), a) != g.audiences.end()) audiences.push_back(audienceId(a));
    std::string detail = std::to_string(g.headCount);
    if (!g.planId.empty()) detail += "/" + g.planId;
    return hold(Record::GroupSession,
                {{Event::FacilitatedSession,
                  {.page = {}, .locale = joined(g.locales), .audience = joined(audiences), .detail = detail}}},
                {1});
}

bool Session::recordRoomAnswers(const std::string& planId, bool after,
                                const std::vector<std::pair<std::string, int>>& hands) {
    activity();
    if (!presenting(location_.screen) || planId.empty()) return false;
    std::vector<std::pair<Event, EventContext>> items;
    std::vector<std::int64_t> weights;
    for (const auto& [answer, n] : hands) {
        if (n < 1) continue;
        items.push_back({Event::RoomAnswer,
                         {.page = {}, .locale = locale_, .audience = {},
                          .detail = planId + (after ? ":after:" : ":before:") + answer}});
        weights.push_back(n);
    }
    return hold(after ? Record::RoomAfter : Record::RoomBefore, std::move(items), std::move(weights));
}

bool Session::recorded(Record r) const { return held_.contains(r); }

bool Session::undo(Record r) {
    activity();
    const auto it = held_.find(r);
    if (it == held_.end()) return false;
    for (const Held& h : it->second) sink_.add(h.event, h.ctx, -h.n);
    held_.erase(it);
    return true;
}

void Session::forget(Record r) {
    activity();
    held_.erase(r);
}

void Session::playAudio(Narration what) {
    activity();
    const Screen on = location_.screen;
    if (on != Screen::Page && on != Screen::Help && on != Screen::Signpost) return;
    listening_ = true;
    sink_.count(Event::AudioPlayed, context(on == Screen::Page ? location_.id : std::string(), std::string(narrationName(what))));
}

void Session::setVolume(int percent) {
    activity();
    volume_ = std::clamp(percent, Narrator::kVolumeMin, Narrator::kVolumeMax);
}

void Session::openLanguages() {
    activity();
    navigate({Screen::Languages, {}});
}

// Returning to a screen is not counted again: it was counted when it was opened.
void Session::back() {
    activity();
    if (history_.empty()) return;
    location_ = std::move(history_.back());
    history_.pop_back();
}

void Session::home() {
    activity();
    // Home from the questions is the one-tap skip.
    if (pageRead_ && !asked_ && !questions_.empty() && location_.screen != Screen::Questions) {
        asked_ = true;
        questionAt_ = 0;
        location_ = {Screen::Questions, {}};
        history_.clear();
        return;
    }
    toAudience();
}

void Session::toAudience() {
    location_ = {Screen::Audience, {}};
    history_.clear();
}

const VisitQuestion* Session::question() const {
    if (location_.screen != Screen::Questions || questionAt_ >= questions_.size()) return nullptr;
    return &questions_[questionAt_];
}

void Session::answer(const std::string& answerId) {
    activity();
    const VisitQuestion* q = question();
    if (!q || std::find(q->answers.begin(), q->answers.end(), answerId) == q->answers.end()) return;
    sink_.count(Event::VisitAnswer, context({}, q->id + ":" + answerId));
    if (++questionAt_ == questions_.size()) toAudience();
}

void Session::skipQuestions() {
    activity();
    if (location_.screen == Screen::Questions) toAudience();
}

// Counted on every use, from every screen, Neutral and Attract included: each is someone
// who felt they had to hide the screen, which is what the dashboard wants to know.
void Session::quickExit() {
    leaveVisit(Screen::Neutral);
    locale_ = settings_.defaultLocale;
    lastActivity_ = clock_.now();
    sink_.count(Event::QuickExit, {});
}

void Session::continueSession() { activity(); }

void Session::setDisplay(const Display& d) {
    activity();
    display_ = d;
    display_.textSize = std::clamp(d.textSize, 0, Display::kTextSizes - 1);
}

void Session::goTo(const Location& where, std::optional<Audience> audience) {
    activity();
    switch (where.screen) {
    case Screen::Attract:
        resetToAttract();
        return;
    case Screen::Neutral:
    case Screen::Admin:
        leaveVisit(where.screen);
        return;
    case Screen::Present:
        present(where.id);
        return;
    case Screen::Record:
        openRecord(where.id);
        return;
    default:
        break;
    }
    if (audience) audience_ = audience;
    if (where.screen == Screen::Topics && !audience_) {
        navigate({Screen::Audience, {}}); // topic tiles are chosen for someone: ask who first
        return;
    }
    if (!navigate(where)) return;
    if (where.screen == Screen::Page) {
        pageRead_ = true;
        sink_.count(Event::PageView, context(where.id));
    }
    if (where.screen == Screen::Questions) {
        asked_ = true;
        questionAt_ = 0;
    }
    if (where.screen == Screen::Help) sink_.count(Event::HelpView, context());
    if (where.screen == Screen::Signpost) sink_.count(Event::SignpostView, context({}, where.id));
}

void Session::keyDown(Key k) {
    if (k == Key::Other) {
        shiftCount_ = 0;
        return;
    }
    const Millis now = clock_.now();
    if (shiftCount_ > 0 && now - lastShift_ > settings_.shiftWindow) shiftCount_ = 0;
    ++shiftCount_;
    lastShift_ = now;
    if (shiftCount_ >= settings_.shiftPresses) quickExit();
}

// The prompt and the reset are timed from the last activity, not from when tick() happened
// to run: a late tick never leaves a reading on screen past idleLimit + promptTime.
void Session::tick() {
    const Millis now = clock_.now();
    if (shiftCount_ > 0 && now - lastShift_ > settings_.shiftWindow) shiftCount_ = 0;
    switch (location_.screen) {
    case Screen::Attract:
    // A facilitator talks to a room for most of an hour without touching anything: nothing
    // asks "Still there?" or goes back to the start under them. (The record screen idles as
    // the admin screen does: a kiosk is not left on it when staff walk away.)
    case Screen::Present:
        return;
    case Screen::Questions:
        // The visit has ended: nothing to hide and nobody to ask whether they are still there.
        if (now - lastActivity_ >= settings_.questionsTime) resetToAttract();
        return;
    case Screen::Neutral:
        // Nobody's reading to protect and nobody to ask, so no prompt; and not an idle_reset,
        // which counts abandoned visits (the quick exit was already counted).
        if (now - lastActivity_ >= settings_.idleLimit) resetToAttract();
        return;
    default:
        break;
    }
    if (!promptShown_ && now - lastActivity_ >= settings_.idleLimit) {
        promptShown_ = true;
        promptStarted_ = lastActivity_ + settings_.idleLimit;
    }
    if (promptShown_ && now - promptStarted_ >= settings_.promptTime) {
        // Staff or a facilitator walking away is not a visit.
        const bool staff = location_.screen == Screen::Admin || location_.screen == Screen::Record;
        resetToAttract();
        if (!staff) sink_.count(Event::IdleReset, {});
    }
}

std::optional<Millis> Session::nextDeadline() const {
    std::optional<Millis> next;
    const auto consider = [&](Millis t) { next = next ? std::min(*next, t) : t; };
    // The Shift dots go out once the window has passed.
    if (shiftCount_ > 0) consider(lastShift_ + settings_.shiftWindow + Millis(1));
    if (location_.screen == Screen::Neutral) consider(lastActivity_ + settings_.idleLimit);
    else if (location_.screen == Screen::Questions) consider(lastActivity_ + settings_.questionsTime);
    else if (location_.screen != Screen::Attract && location_.screen != Screen::Present)
        consider(promptShown_ ? promptStarted_ + settings_.promptTime : lastActivity_ + settings_.idleLimit);
    return next;
}

Millis Session::promptRemaining() const {
    if (!promptShown_) return Millis(0);
    return std::max(Millis(0), promptStarted_ + settings_.promptTime - clock_.now());
}

} // namespace ev
