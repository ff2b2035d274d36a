#include "core/pack/content.h"

#include <algorithm>

#include "core/pack/builtin_help.h"

namespace ev {

const char* audienceId(Audience a) {
    switch (a) {
    case Audience::Child: return "child";
    case Audience::Teen: return "teen";
    case Audience::Parent: return "parent";
    case Audience::Community: return "community";
    }
    return "community";
}

std::optional<Audience> audienceFromId(const std::string& id) {
    for (Audience a : kAllAudiences)
        if (id == audienceId(a)) return a;
    return std::nullopt;
}

bool validAnswerId(std::string_view id) {
    return !id.empty() && id.size() <= 32 &&
           std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string questionsText(const std::vector<VisitQuestion>& questions) {
    std::string out;
    for (const VisitQuestion& q : questions) {
        out += (out.empty() ? "" : ";") + q.id + "=";
        for (std::size_t i = 0; i < q.answers.size(); ++i) out += (i ? "," : "") + q.answers[i];
    }
    return out;
}

std::optional<std::vector<VisitQuestion>> parseQuestions(std::string_view text) {
    std::vector<VisitQuestion> out;
    const auto parts = [](std::string_view s, char sep) {
        std::vector<std::string_view> v;
        for (std::size_t start = 0;;) {
            const std::size_t end = s.find(sep, start);
            v.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
            if (end == std::string_view::npos) return v;
            start = end + 1;
        }
    };
    if (text.empty()) return out;
    for (std::string_view one : parts(text, ';')) {
        const std::size_t eq = one.find('=');
        if (eq == std::string_view::npos) return std::nullopt;
        VisitQuestion q{std::string(one.substr(0, eq)), {}};
        if (!validAnswerId(q.id)) return std::nullopt;
        for (std::string_view a : parts(one.substr(eq + 1), ',')) {
            if (!validAnswerId(a) || std::find(q.answers.begin(), q.answers.end(), a) != q.answers.end()) return std::nullopt;
            q.answers.emplace_back(a);
        }
        if (q.answers.size() < kMinAnswers || q.answers.size() > kMaxAnswers) return std::nullopt;
        for (const VisitQuestion& seen : out)
            if (seen.id == q.id) return std::nullopt;
        out.push_back(std::move(q));
    }
    if (out.size() > kMaxVisitQuestions) return std::nullopt;
    return out;
}

std::string Signpost::webUrl() const {
    if (web.empty()) return {};
    if (web.starts_with("https://") || web.starts_with("http://")) return web;
    return web.starts_with("www.") ? "https://" + web : "https://www." + web;
}

std::string spokenText(const PageText& text, const std::vector<std::string>& numbers) {
    std::string all = text.title + ".\n";
    for (const Block& b : text.body.blocks) all += b.plainText() + (b.kind == Block::Kind::Paragraph ? "\n" : ".\n");
    return spokenNumbers(std::move(all), numbers);
}

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

} // namespace

std::string spokenNumber(std::string_view number) {
    std::string out;
    bool groupOpen = false;
    for (const char c : number) {
        if (isDigit(c)) {
            if (!out.empty()) out += groupOpen ? " " : ", ";
            out += c;
            groupOpen = true;
        } else if (c == '+') {
            if (!out.empty()) out += ", ";
            out += '+';
            groupOpen = false;
        } else {
            groupOpen = false; // a space, hyphen or bracket ends a group
        }
    }
    return out;
}

std::string spokenNumbers(std::string text, const std::vector<std::string>& numbers) {
    // Longest first, so that "0808 800 5000" is not read as "0808 800" and the rest. What is
    // put in has no two digits side by side, so a later number cannot match inside it.
    std::vector<std::string> byLength(numbers);
    std::sort(byLength.begin(), byLength.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const std::string& n : byLength) {
        if (n.empty() || std::none_of(n.begin(), n.end(), isDigit)) continue;
        const std::string spoken = spokenNumber(n);
        for (std::size_t at = text.find(n); at != std::string::npos; at = text.find(n, at)) {
            const bool whole = (at == 0 || !isDigit(text[at - 1])) && (at + n.size() == text.size() || !isDigit(text[at + n.size()]));
            if (!whole) {
                ++at;
                continue;
            }
            text.replace(at, n.size(), spoken);
            at += spoken.size();
        }
    }
    return text;
}

const std::vector<NeutralScreen>* Pack::neutralItems(const std::string& locale) const {
    for (const std::string* tag : {&locale, &defaultLocale})
        if (const auto it = neutral.find(*tag); it != neutral.end() && !it->second.empty()) return &it->second;
    return nullptr;
}

const Page* Pack::page(const std::string& id) const {
    for (const Page& p : pages)
        if (p.id == id) return &p;
    return nullptr;
}

const Signpost* Pack::signpost(const std::string& id) const {
    for (const Signpost& s : signposts)
        if (s.id == id) return &s;
    return nullptr;
}

const PageText* Pack::pageText(const std::string& id, const std::string& locale) const {
    const Page* p = page(id);
    if (!p) return nullptr;
    if (auto it = p->text.find(locale); it != p->text.end()) return &it->second;
    if (auto it = p->text.find(defaultLocale); it != p->text.end()) return &it->second;
    return nullptr;
}

const PageText* Pack::pageTextToShow(const std::string& id, const std::string& locale, bool& stale) const {
    stale = false;
    const Page* p = page(id);
    if (!p) return nullptr;
    const auto it = p->text.find(locale);
    if (it != p->text.end() && !it->second.stale) return &it->second;
    stale = it != p->text.end();
    return pageText(id, defaultLocale);
}

const Plan* Pack::plan(const std::string& id) const {
    for (const Plan& p : plans)
        if (p.id == id) return &p;
    return nullptr;
}

const PlanText* Pack::planTextToShow(const std::string& id, const std::string& locale, bool& stale) const {
    stale = false;
    const Plan* p = plan(id);
    if (!p) return nullptr;
    const auto it = p->text.find(locale);
    if (it != p->text.end() && !it->second.stale) return &it->second;
    stale = it != p->text.end();
    const auto def = p->text.find(defaultLocale);
    return def == p->text.end() ? nullptr : &def->second;
}

const MediaItem* Pack::media(const std::string& name) const {
    const auto it = mediaByName.find(name);
    return it == mediaByName.end() ? nullptr : &it->second;
}

const std::vector<std::uint8_t>* Pack::narration(const std::string& pageId, const std::string& locale) const {
    const Page* p = page(pageId);
    if (!p) return nullptr;
    const auto it = p->text.find(locale);
    if (it == p->text.end() || it->second.narration.empty()) return nullptr;
    const MediaItem* m = media(it->second.narration);
    return m ? &m->bytes : nullptr;
}

bool Signpost::confirmed(std::string_view field) const {
    if (!verify) return true;
    return !verifyFields.empty() && std::find(verifyFields.begin(), verifyFields.end(), field) == verifyFields.end();
}

bool Signpost::isFor(Audience a) const {
    return audiences.empty() || std::find(audiences.begin(), audiences.end(), a) != audiences.end();
}

const SignpostText* Signpost::textIn(const std::string& locale, const std::string& fallback) const {
    auto it = text.find(locale);
    if (it == text.end()) it = text.find(fallback);
    return it == text.end() ? nullptr : &it->second;
}

const std::string& Signpost::languageIn(const std::string& locale, const std::string& fallback) const {
    return text.count(locale) ? locale : fallback;
}

ShownString Pack::shownString(const std::string& key, const std::string& locale) const {
    for (const std::string& tag : {locale, defaultLocale}) {
        if (auto table = strings.find(tag); table != strings.end())
            if (auto it = table->second.find(key); it != table->second.end()) return {it->second, tag};
    }
    const auto& english = builtInEnglishStrings();
    if (const auto it = english.find(key); it != english.end()) return {it->second, "en"};
    return {key, locale};
}

} // namespace ev
