#pragma once
// The kiosk's session state machine: which screen a resident is on, in which language and for
// which audience, the idle prompt, and the quick exit. It knows nothing of drawing; the UI
// asks it what to show and tells it what the resident did. Time comes from an injected Clock.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/counts/events.h"
#include "core/pack/content.h"
#include "core/session/narrator.h"

namespace ev {

enum class Screen { Attract, Languages, Audience, Topics, Page, Help, Signpost, Questions, Neutral, Admin, Present, Record };

struct Location {
    Screen screen = Screen::Attract;
    std::string id; // the page's id on Screen::Page, the service's on Screen::Signpost, the deck's
                    // source on Screen::Present ("topics:parent", "plan:<id>"), the plan's id (or
                    // none) on Screen::Record
    bool operator==(const Location&) const = default;
};

// Parses a --goto target or a link target: attract | languages | audience |
// topics:<audience> | page:<page-id> | help | signpost:<signpost-id> | questions | neutral | admin |
// present:topics:<audience> | present:plan:<plan-id> | record | record:<plan-id>.
// Audience, page and service ids are not checked against a pack here (missingIn does that).
// nullopt if the word is not one of these.
std::optional<std::pair<Location, std::optional<Audience>>> parseTarget(const std::string& s);
// What of a target the pack lacks, "no page 'x'", "no service 'x'" or "nothing to present for
// 'x'"; empty when it has all.
std::string missingIn(const Pack& pack, const Location& where);

struct SessionSettings {
    Millis idleLimit{90'000};   // no input for this long shows "Still there?"; default 90 s
    Millis promptTime{30'000};  // how long "Still there?" waits before reset; at least 20 s (WCAG 2.2.1)
    Millis shiftWindow{5'000};  // Shift x3 quick exit: each press must come within this of the last
    int shiftPresses = 3;       // presses of Shift that make a quick exit
    // The end-of-visit questions wait this long for a tap, then the kiosk goes quietly back to
    // the start (no "Still there?", not an idle reset: the visit had ended); default 30 s
    Millis questionsTime{30'000};
    std::string defaultLocale = "en";

    // WCAG 2.2.1 asks for at least 20 s to answer a time-out warning.
    static constexpr Millis kMinPromptTime{20'000};
    // These settings made safe: promptTime raised to kMinPromptTime, negative times made zero,
    // at least one Shift press. The session applies this to whatever it is given.
    SessionSettings clamped() const;
};

enum class Key { Shift, Other };

// How one visitor wants the screen, chosen on the accessibility panel. It belongs to the
// visit: the quick exit and the idle reset forget it, like the language.
// A group session as its facilitator records it: everything chosen with buttons.
struct GroupSession {
    std::vector<Audience> audiences;  // who it was for: one or several
    std::vector<std::string> locales; // the languages used: one or several
    int headCount = 0;                // people in the room, at least 1
    std::string planId;               // the session plan followed, if any
};

// What a facilitator recorded that is kept for an Undo: recorded once however often the
// button is tapped, taken back from the counts by Undo.
enum class Record { GroupSession, RoomBefore, RoomAfter };

struct Display {
    int textSize = 0;           // 0 standard, 1 large, 2 largest (ui/theme.h kTextScales)
    bool highContrast = false;  // white and yellow on black
    bool controlsLow = false;   // every control in the lower part of the screen, within reach
                                // from a wheelchair (EN 301 549: 380-1220 mm from the floor)
    static constexpr int kTextSizes = 3;
    bool operator==(const Display&) const = default;
};

class Session {
public:
    Session(const Clock& clock, EventSink& sink, SessionSettings settings);

    // Resident actions. Each one counts as activity (restarts the idle timer).
    void start();                              // attract -> language picker
    void chooseLanguage(const std::string& tag); // -> "who am I" (or back where it came from)
    void chooseAudience(Audience a);           // -> topic tiles
    void openPage(const std::string& pageId);  // -> page
    void openHelp();                           // -> "Get help now"
    void openSignpost(const std::string& signpostId); // -> one service's card, larger
    void showQr(const std::string& signpostId);       // a service's QR code, to take away
    void giveFeedback(bool helpful);           // "Was this page helpful?" on a page
    void playAudio(Narration what);            // Listen started on a page, the help screen or a service's
    void setVolume(int percent);               // narration's volume (Narrator::kVolume*)
    // Present mode (a facilitator with a projector, from the command line or the admin screen):
    // no idle prompt, no idle reset; the quick exit as everywhere.
    void present(const std::string& source);   // -> Screen::Present with a deck's source
    // A page of the deck is on the room's screen: counted once per presentation as
    // page_presented (detail = the plan's id, or empty), never as a resident's page_view.
    void presentPage(const std::string& pageId);
    void openRecord(const std::string& planId); // -> the session record screen
    // The session record (Screen::Record, or the admin screen). Each returns false, counting
    // nothing, when that record is already held (a second tap) or from any other screen.
    bool recordGroupSession(const GroupSession& g);
    // A room's show of hands for each answer of a plan's question, before or after the session:
    // room_answer, detail "<plan>:<before|after>:<answer>", n = hands (answers with none are skipped).
    bool recordRoomAnswers(const std::string& planId, bool after,
                           const std::vector<std::pair<std::string, int>>& hands);
    bool recorded(Record r) const;
    bool undo(Record r);   // takes a held record back out of the counts; false if none is held
    void forget(Record r); // keeps it counted, and lets a new one be recorded
    void openLanguages();                      // the bar's language button
    void back();                               // previous screen of this visit
    // "who am I" in the current language. A visit that has read a page ends here: the first
    // time, if the pack asks any, the end-of-visit questions come first (Screen::Questions).
    void home();
    // The pack's end-of-visit questions (Pack::questions); none asks nothing.
    void setQuestions(std::vector<VisitQuestion> questions) { questions_ = std::move(questions); }
    // The question on screen now; nullptr when not on Screen::Questions or all are answered.
    const VisitQuestion* question() const;
    // One tap on an answer of question(): counted as visit_answer, then the next question or,
    // after the last, "who am I". An answer the question does not offer counts nothing.
    void answer(const std::string& answerId);
    void skipQuestions();                      // one tap: "who am I", nothing counted
    void quickExit();                          // -> neutral, navigation and language cleared
    void continueSession();                    // "Still there?" answered
    void setDisplay(const Display& d);         // the accessibility panel
    void goTo(const Location& where, std::optional<Audience> audience = std::nullopt); // --goto, links

    // Raw input. keyDown feeds the Shift x3 rule; activity() is any touch, drag or key.
    void keyDown(Key k);
    void activity();

    // Applies time: shows the idle prompt, or resets when it runs out. Call every frame.
    void tick();
    // When tick() next has something to do, so the loop can sleep until then.
    std::optional<Millis> nextDeadline() const;

    Screen screen() const { return location_.screen; }
    const Location& location() const { return location_; }
    const std::string& locale() const { return locale_; }
    std::optional<Audience> audience() const { return audience_; }
    const Display& display() const { return display_; }
    // The visitor used Listen in this visit: the kiosk speaks to them ("Still there?" is read
    // aloud too) until the quick exit or the idle reset, which forget it with the volume.
    bool listening() const { return listening_; }
    int volume() const { return volume_; } // percent, Narrator::kVolumeMin..kVolumeMax
    bool canGoBack() const { return !history_.empty(); }
    // Where Back leads, if anywhere: the page a language chosen from the bar returns to.
    const Location* previous() const { return history_.empty() ? nullptr : &history_.back(); }
    bool idlePromptShown() const { return promptShown_; }
    Millis promptRemaining() const; // zero when no prompt
    int shiftCount() const { return shiftCount_; } // presses so far toward a quick exit (the 3 dots)
    const SessionSettings& settings() const { return settings_; }
    void setSettings(const SessionSettings& s) { settings_ = s.clamped(); }

private:
    bool navigate(Location to); // false when already there
    void leaveVisit(Screen to);
    void toAudience();
    void resetToAttract();
    EventContext context(std::string page = {}, std::string detail = {}) const;
    bool hold(Record r, std::vector<std::pair<Event, EventContext>> items, std::vector<std::int64_t> weights);

    // Back steps kept; links between pages could otherwise grow the history without end.
    static constexpr std::size_t kMaxHistory = 64;

    const Clock& clock_;
    EventSink& sink_;
    SessionSettings settings_;
    Location location_;
    std::vector<Location> history_;
    std::string locale_;
    std::optional<Audience> audience_;
    Display display_;
    bool listening_ = false;
    std::vector<VisitQuestion> questions_;
    bool pageRead_ = false; // this visit opened a page: it may be asked the questions at its end
    bool asked_ = false;    // this visit was shown them: never twice
    std::size_t questionAt_ = 0;
    int volume_ = Narrator::kVolumeDefault;
    Millis lastActivity_;
    bool promptShown_ = false;
    Millis promptStarted_{0};
    int shiftCount_ = 0;
    Millis lastShift_{0};
    std::vector<std::string> presented_; // pages counted in this presentation
    struct Held {
        Event event;
        EventContext ctx;
        std::int64_t n;
    };
    std::map<Record, std::vector<Held>> held_; // recorded, still open to Undo
};

} // namespace ev
