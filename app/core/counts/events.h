#pragma once
// What the kiosk counts. Events are counted per hour bucket, never per person: see docs/counts.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ev {

enum class Event {
    SessionStart,     // "Touch to start" on the attract screen
    LanguageSelected, // a language chosen in the picker (locale = the one chosen)
    AudienceSelected, // "who am I" answered (audience = the one chosen)
    PageView,         // a page opened (page, locale, audience)
    HelpView,         // the "Get help now" screen opened
    QuickExit,        // the quick exit used (button or Shift x3)
    IdleReset,        // the kiosk reset itself after the idle prompt ran out
    SignpostView,     // a service's card opened on the help screen (detail = signpost id)
    QrShown,          // a service's QR code shown to take away (detail = signpost id)
    Feedback,         // "Was this page helpful?" answered (page; detail = helpful | not_helpful)
    AudioPlayed,      // a page's narration started (page, locale; detail = recording | speech)
    FacilitatedSession, // a partner recorded a group session (audience, locale: several joined by '+';
                        // detail = head count, then "/<plan id>" when it followed a plan)
    VisitAnswer,      // an end-of-visit question answered (locale, audience; detail = <question id>:<answer id>)
    PagePresented,    // a page shown to a room in present mode (page, locale; detail = plan id or empty)
    RoomAnswer,       // a room's show of hands for one answer of a plan's question; weighted: n = hands
                      // (locale, audience: one or several joined by '+'; detail = "<plan id>:<before|after>:<answer id>")
};

std::string_view eventName(Event e);
// What staff and the partnership read for it (admin screen, dashboard): "QR codes shown".
std::string_view eventLabel(Event e);
// An audience id as counted, for staff and the partnership: "Parents and carers"; an id this
// build does not know is returned as it is.
std::string audienceLabel(std::string_view id);
std::optional<Event> eventFromName(std::string_view name);

// The dimensions a count may carry. Empty means "does not apply". Nothing here may identify
// a person or order a person's steps (safeguarding rule 2).
struct EventContext {
    std::string page;
    std::string locale;
    std::string audience;
    std::string detail; // one event-specific value: a signpost id, a feedback answer, a head count,
                        // what narration played
};

// Feedback's detail values: the answer, and nothing else asked.
inline constexpr std::string_view kHelpful = "helpful", kNotHelpful = "not_helpful";
// AudioPlayed's detail values: the pack's recorded narration, or espeak-ng reading the text.
enum class Narration { Recording, Speech };
std::string_view narrationName(Narration n);

class EventSink {
public:
    virtual ~EventSink() = default;
    // One more of e. Called on the UI thread; must be cheap and must never block on disk.
    void count(Event e, const EventContext& ctx) { add(e, ctx, 1); }
    // n more of e (a room's show of hands), or fewer when n is negative (an Undo); a stored
    // count never goes below zero, and one that reaches zero is no longer stored.
    virtual void add(Event e, const EventContext& ctx, std::int64_t n) = 0;
};

} // namespace ev
