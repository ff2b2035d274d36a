#include "core/counts/events.h"

#include <array>

namespace ev {

namespace {
struct EventNames {
    Event event;
    std::string_view name, label;
};
// Labels say what was counted, no more: a QR code shown is not one taken away, and a quick
// exit is an event (one visitor may make several), not a person.
constexpr std::array<EventNames, 15> kNames{{
    {Event::SessionStart, "session_start", "Visits started"},
    {Event::LanguageSelected, "language_selected", "Languages chosen"},
    {Event::AudienceSelected, "audience_selected", "\"Who am I\" answered"},
    {Event::PageView, "page_view", "Pages read"},
    {Event::HelpView, "help_view", "\"Get help now\" opened"},
    {Event::QuickExit, "quick_exit", "Quick exits (events)"},
    {Event::IdleReset, "idle_reset", "Visits left without finishing"},
    {Event::SignpostView, "signpost_view", "Help services looked at"},
    {Event::QrShown, "qr_shown", "QR codes shown"},
    {Event::Feedback, "feedback", "\"Was this helpful?\" answers"},
    {Event::AudioPlayed, "audio_played", "Pages listened to"},
    {Event::FacilitatedSession, "facilitated_session", "Group sessions recorded"},
    {Event::VisitAnswer, "visit_answer", "End-of-visit questions answered"},
    {Event::PagePresented, "page_presented", "Pages shown to groups"},
    {Event::RoomAnswer, "room_answer", "Hands raised to a session question"},
}};
} // namespace

std::string_view eventName(Event e) {
    for (const EventNames& n : kNames)
        if (n.event == e) return n.name;
    return "unknown";
}

std::string_view eventLabel(Event e) {
    for (const EventNames& n : kNames)
        if (n.event == e) return n.label;
    return "unknown";
}

std::string audienceLabel(std::string_view id) {
    if (id == "child") return "Children";
    if (id == "teen") return "Teenagers";
    if (id == "parent") return "Parents and carers";
    if (id == "community") return "Anyone in the community";
    return std::string(id);
}

std::optional<Event> eventFromName(std::string_view name) {
    for (const EventNames& n : kNames)
        if (n.name == name) return n.event;
    return std::nullopt;
}

std::string_view narrationName(Narration n) { return n == Narration::Recording ? "recording" : "speech"; }

} // namespace ev
