#include "events.h"

#include <array>
#include <utility>

namespace ev {

namespace {
constexpr std::array<std::pair<Event, std::string_view>, 12> kNames{{
    {Event::SessionStart, "session_start"},
    {Event::LanguageSelected, "language_selected"},
    {Event::AudienceSelected, "audience_selected"},
    {Event::PageView, "page_view"},
    {Event::HelpView, "help_view"},
    {Event::QuickExit, "quick_exit"},
    {Event::IdleReset, "idle_reset"},
    {Event::SignpostView, "signpost_view"},
    {Event::QrShown, "qr_shown"},
    {Event::Feedback, "feedback"},
    {Event::AudioPlayed, "audio_played"},
    {Event::FacilitatedSession, "facilitated_session"},
}};
} // namespace

std::string_view eventName(Event e) {
    for (const auto& [event, name] : kNames)
        if (event == e) return name;
    return "unknown";
}

std::optional<Event> eventFromName(std::string_view name) {
    for (const auto& [event, n] : kNames)
        if (n == name) return event;
    return std::nullopt;
}

std::string_view narrationName(Narration n) { return n == Narration::Recording ? "recording" : "speech"; }

} // namespace ev
