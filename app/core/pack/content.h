#pragma once
// The content of one pack as the kiosk uses it, loaded whole from the .evpack file.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/pack/markdown.h"
#include "core/pack/media.h"
#include "core/pack/plan.h"

namespace ev {

// Audience ids, as stored in packs and counts: "child" (under 13), "teen" (13 to 17),
// "parent", "community". Packs of schema 1 know only child, parent and community.
enum class Audience { Child, Teen, Parent, Community };
const char* audienceId(Audience a);
std::optional<Audience> audienceFromId(const std::string& id);
inline constexpr Audience kAllAudiences[] = {Audience::Child, Audience::Teen, Audience::Parent, Audience::Community};

struct LocaleInfo {
    std::string tag;        // BCP 47, e.g. "en", "pa"
    std::string status;     // "reviewed" or "draft"
};

struct PageText {
    std::string title;
    std::string summary;    // one line under the topic tile
    std::string status;     // "reviewed" or "draft"
    std::string translatedFrom; // hash of the English source it was translated from; empty for English
    bool stale = false;     // translatedFrom no longer matches the English source (set at build)
    Document body;
    std::string narration;  // media name of a recording of this text read aloud; empty if none
};

// A page's text as a voice reads it (Listen, without a recording): the title, then each block
// on a line of its own; headings, list items and images' alt text end a sentence, so the voice
// pauses after them as a reader's eye does. Each of numbers (the services' phone numbers) in
// it is read digit by digit (spokenNumbers).
std::string spokenText(const PageText& text, const std::vector<std::string>& numbers = {});

// A phone number as a voice reads it: digit by digit, in the groups it is written in, with a
// pause between groups: "0808 800 5000" becomes "0 8 0 8, 8 0 0, 5 0 0 0". Read whole,
// espeak-ng says "0808 800 5000" as amounts ("eight hundred, five thousand"), in every voice.
std::string spokenNumber(std::string_view number);
// text with every whole occurrence of each of numbers (not part of a longer run of digits)
// put as spokenNumber says it.
std::string spokenNumbers(std::string text, const std::vector<std::string>& numbers);

struct Page {
    std::string id;
    std::vector<Audience> audiences;
    std::map<std::string, PageText> text; // by locale tag; "en" always present
};

struct SignpostText {
    std::string name;       // "Childline"
    std::string forWhom;    // "For children and young people under 19"
    std::string description;
    std::string hours;      // may be empty
    std::vector<std::string> phoneLabels; // one per Signpost::phones entry, e.g. "In an emergency"
};

struct Signpost {
    std::string id;         // "childline"
    std::vector<std::string> phones; // as dialled and shown, never localised: "0800 1111"; may be empty
    std::string web;        // "childline.org.uk", as shown; may be empty
    // The address a QR code takes a phone to: https://www.<web> for a bare domain, as
    // the services give their sites (content/facts.toml); empty when there is no web address.
    std::string webUrl() const;
    bool verify = false;    // a detail still to be confirmed; release packs refuse it
    // With verify, the contact fields still to confirm ("phones", "web", "hours"); empty means
    // all of them. The kiosk never shows an unconfirmed field as if it were real.
    std::vector<std::string> verifyFields;
    std::vector<Audience> audiences; // who the card is most for; all if empty
    std::map<std::string, SignpostText> text;

    // False for a contact field ("phones", "web", "hours") that is still to be confirmed.
    bool confirmed(std::string_view field) const;
    // The card belongs on the help screen of someone in this audience.
    bool isFor(Audience a) const;

    // The card's text in a locale, else in the fallback locale; nullptr if neither.
    const SignpostText* textIn(const std::string& locale, const std::string& fallback) const;
    // The locale textIn takes the text from: locale if the card has it, else fallback.
    const std::string& languageIn(const std::string& locale, const std::string& fallback) const;
};

// An ordinary library or school fact. The quick exit shows one at random and the attract
// screen shows them too, so the screen after an exit looks like the kiosk idling.
struct NeutralScreen {
    std::string title;      // says nothing about abuse, help or safety
    std::string body;
};

// A one-tap question asked at the end of a visit that read a page ("Do you know who you could
// talk to now?"). Its words are UI strings, `visit.<id>.question` and `visit.<id>.<answer>`,
// so they are translated like the rest of the screen; the ids are what is counted.
struct VisitQuestion {
    std::string id;                   // a-z 0-9 _, e.g. "know_who"
    std::vector<std::string> answers; // in the order shown, e.g. "yes", "not_sure", "no"
    bool operator==(const VisitQuestion&) const = default;
};
inline constexpr std::size_t kMaxVisitQuestions = 2; // the visitor is leaving: never more
inline constexpr std::size_t kMinAnswers = 2, kMaxAnswers = 4;
// A question or answer id as counted: 1 to 32 of a-z 0-9 _.
bool validAnswerId(std::string_view id);
// The questions as the pack's meta row holds them, "know_who=yes,not_sure,no;learned=yes,no",
// and back; nullopt for text that breaks the rules above (id, counts).
std::string questionsText(const std::vector<VisitQuestion>& questions);
std::optional<std::vector<VisitQuestion>> parseQuestions(std::string_view text);

// A UI string as shown, and the language it is in (another than the one asked for when it fell back).
struct ShownString {
    std::string text;
    std::string tag;
};

struct Pack {
    int schemaVersion = 1;
    std::string id;
    std::int64_t version = 0;
    std::string title;
    std::string defaultLocale = "en";
    std::string builtAt;    // UTC day the pack was built, "YYYY-MM-DD"
    std::vector<LocaleInfo> locales;
    std::map<Audience, std::vector<std::string>> topics; // page ids in tile order
    std::vector<Page> pages;
    std::vector<Signpost> signposts;
    std::vector<Plan> plans; // session plans for partners presenting to a group, in id order; may be empty
    std::map<std::string, std::vector<NeutralScreen>> neutral; // by locale, in pack order; never empty in the default locale
    std::map<std::string, std::map<std::string, std::string>> strings; // locale -> key -> text
    std::vector<VisitQuestion> questions; // at most kMaxVisitQuestions; none: nothing is asked
    // Images and recordings by name, loaded with the rest: a kiosk keeps no database open,
    // and a 20 MB pack's media read in a few milliseconds.
    std::map<std::string, MediaItem> mediaByName;

    const Page* page(const std::string& id) const;
    const Signpost* signpost(const std::string& id) const; // nullptr if the pack has no such service
    // The text of a page in a locale, falling back to the default locale; nullptr if no page.
    const PageText* pageText(const std::string& id, const std::string& locale) const;
    // The text a reader of `locale` is shown. A stale translation is never shown (an
    // out-of-date safeguarding page could give a wrong number or service): the default
    // locale's text is, and `stale` says so, for the "being updated" note.
    const PageText* pageTextToShow(const std::string& id, const std::string& locale, bool& stale) const;
    const Plan* plan(const std::string& id) const; // nullptr if the pack has no such plan
    // A plan's text for a locale, by the pages' rule: a missing or stale translation gives the
    // default locale's text, and `stale` says when it was stale; nullptr if no plan.
    const PlanText* planTextToShow(const std::string& id, const std::string& locale, bool& stale) const;
    // A pack's image or recording by name; nullptr if it has none of that name.
    const MediaItem* media(const std::string& name) const;
    // The recording of a page read aloud in exactly this locale, to play instead of synthetic
    // speech; nullptr when there is none. No fallback: a recording is of one language's text.
    const std::vector<std::uint8_t>* narration(const std::string& pageId, const std::string& locale) const;
    // The neutral items of a locale, else of the default locale; nullptr if neither has any.
    const std::vector<NeutralScreen>* neutralItems(const std::string& locale) const;
    // A UI string in a locale, falling back to the default locale, then to the kiosk's built-in
    // English (locales/en.toml compiled in): a pack built from an old locales folder shows
    // English, never a key. The key itself only for one the kiosk does not know (a pack's own
    // question words, which lint requires in the default locale). `tag` is the language the
    // text is in, for laying it out in its own direction.
    ShownString shownString(const std::string& key, const std::string& locale) const;
    // The text alone (a copy: the key may be a temporary, and a reference to it would dangle).
    std::string string(const std::string& key, const std::string& locale) const { return shownString(key, locale).text; }
};

} // namespace ev
