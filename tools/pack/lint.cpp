#include "lint.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <set>

#include "asset_check.h"
#include "core/i18n/i18n.h"
#include "core/pack/builtin_help.h"
#include "facts.h"
#include "glyph_check.h"
#include "plan_check.h"
#include "readability.h"
#include "review_check.h"

namespace evpack {

namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

void flagVerify(const Source& src, Diagnostics& diag, bool release, const std::filesystem::path& file, int line, const std::string& what) {
    const std::string todo = "confirm it with the service itself, list it in " + src.factsFile.string() +
                             " and delete the verify line, or take it out (docs/content-guide.md, \"Add or change a help card\")";
    if (release) diag.error(file, line, what + " is marked verify = true; a release pack cannot carry it: " + todo);
    else diag.verify(file, line, what + " is marked verify = true: " + todo);
}

// A page whose folder exists but whose file could not be read has had its error reported
// already; naming it again as missing would only send the reader looking for a second fault.
bool unreadablePage(const Source& src, const std::string& id) {
    return std::filesystem::is_directory(src.packToml.parent_path() / "pages" / id);
}

void checkLinks(const Source& src, Diagnostics& diag, std::set<std::string>& linked) {
    for (const ev::Page& page : src.pack.pages) {
        for (const auto& [tag, text] : page.text) {
            const PageFile& pf = src.files.at(page.id).at(tag);
            for (const ev::Block& b : text.body.blocks) {
                for (const ev::Span& s : b.spans) {
                    if (!s.link.starts_with("page:")) continue;
                    const std::string target = s.link.substr(5);
                    if (!src.pack.page(target)) {
                        if (!unreadablePage(src, target)) diag.error(pf.file, b.line, "link to page '" + target + "', which does not exist");
                    } else if (target != page.id) linked.insert(target);
                }
            }
        }
    }
}

void checkTopics(const Source& src, Diagnostics& diag, std::set<std::string>& listed) {
    for (const auto& [audience, ids] : src.pack.topics) {
        const std::vector<int>& lines = src.topicLines.at(audience);
        std::set<std::string> seen;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const std::string& id = ids[i];
            const ev::Page* page = src.pack.page(id);
            if (!page) {
                if (!unreadablePage(src, id))
                    diag.error(src.packToml, lines[i], "topic '" + id + "' is not a page (no pages/" + id + "/)");
                continue;
            }
            listed.insert(id);
            if (!seen.insert(id).second) diag.warning(src.packToml, lines[i], "page '" + id + "' is listed twice for " + ev::audienceId(audience));
            if (std::find(page->audiences.begin(), page->audiences.end(), audience) == page->audiences.end()) {
                const PageFile& def = src.files.at(id).at(src.pack.defaultLocale);
                diag.error(src.packToml, lines[i],
                           "page '" + id + "' is listed for " + ev::audienceId(audience) + " but the audience in " +
                               def.file.string() + " does not name " + ev::audienceId(audience));
            }
        }
    }
}

// Someone standing at a kiosk reads for a few minutes at most: about 200 words a minute.
constexpr int kMaxWords = 600;
// Pages for children are written for a reading age of about 9 (Flesch-Kincaid grade 4).
constexpr double kChildReadingAge = 9.0;

void checkLength(const PageFile& pf, const ev::PageText& text, Diagnostics& diag) {
    const int words = measure(text.body).words;
    if (words > kMaxWords)
        diag.warning(pf.file, pf.bodyLine, std::to_string(words) + " words, about " + std::to_string((words + 199) / 200) +
                                               " minutes standing at a kiosk: keep a page under " + std::to_string(kMaxWords) +
                                               " words, or split it");
}

void checkReadingAge(const ev::Page& page, const PageFile& pf, const ev::PageText& text, Diagnostics& diag) {
    if (std::find(page.audiences.begin(), page.audiences.end(), ev::Audience::Child) == page.audiences.end()) return;
    const Readability r = measure(text.body);
    if (r.readingAge() <= kChildReadingAge + 0.5) return;
    char figure[160];
    std::snprintf(figure, sizeof figure, "reading age about %.0f (Flesch-Kincaid grade %.1f: %.1f words a sentence, %.2f syllables a word)",
                  r.readingAge(), r.grade(), double(r.words) / r.sentences, double(r.syllables) / r.words);
    const int line = text.body.blocks.empty() ? pf.bodyLine : text.body.blocks.front().line;
    diag.warning(pf.file, line, std::string(figure) + ", above the " + std::to_string(int(kChildReadingAge)) +
                                           " a page for children aims at: shorter sentences and shorter words help");
}

void checkPages(const Source& src, bool release, Diagnostics& diag) {
    const std::string& def = src.pack.defaultLocale;
    for (const ev::Page& page : src.pack.pages) {
        std::vector<std::string> missing;
        for (const ev::LocaleInfo& l : src.pack.locales)
            if (!page.text.contains(l.tag)) missing.push_back(l.tag);
        const PageFile& defFile = src.files.at(page.id).at(def);
        if (!missing.empty())
            diag.warning(defFile.file, 1, "page '" + page.id + "' has no translation in " + join(missing));

        for (const auto& [tag, text] : page.text) {
            const PageFile& pf = src.files.at(page.id).at(tag);
            if (text.status == "draft") diag.warning(pf.file, pf.line("status"), "draft: not reviewed yet");
            if (pf.verify) flagVerify(src, diag, release, pf.file, pf.line("verify"), "this page");
            checkLength(pf, text, diag);
            if (tag == "en") checkReadingAge(page, pf, text, diag);
            if (tag == def) {
                if (!pf.translatedFrom.empty())
                    diag.warning(pf.file, pf.line("translated_from"), "translated_from is ignored in the default locale");
                continue;
            }
            if (pf.hasAudience && pf.audiences != page.audiences)
                diag.warning(pf.file, pf.line("audience"), "audience differs from " + defFile.file.filename().string() + ", which decides it");
            if (pf.translatedFrom.empty())
                diag.warning(pf.file, 1, "no translated_from, so the kiosk shows " + def + "; once it matches the " + def +
                                             " text, stamp it with: everyvoice-pack hash SRC " + page.id);
            else if (text.stale)
                diag.warning(pf.file, pf.line("translated_from"),
                             "stale: the " + def + " page changed since this translation (translated_from " + pf.translatedFrom +
                                 ", now " + src.sourceHash.at(page.id) + "); the kiosk shows " + def + " until it is updated");
        }
    }
}

// Neutral items a language should have, so that a screen seen once does not mark every exit.
constexpr std::size_t kNeutralItems = 5;

void checkPackToml(const Source& src, bool release, Diagnostics& diag) {
    for (const ev::LocaleInfo& l : src.pack.locales) {
        if (l.status == "draft") diag.warning(src.packToml, src.localeLines.at(l.tag), "locale " + l.tag + " is a draft");
        const auto n = src.pack.neutral.find(l.tag);
        const std::size_t items = n == src.pack.neutral.end() ? 0 : n->second.size();
        if (items < kNeutralItems)
            diag.warning(src.packToml, items ? src.neutralLines.at(l.tag).front() : src.localeLines.at(l.tag),
                         std::to_string(items) + " [[neutral." + l.tag + "]] items: give each language at least " +
                             std::to_string(kNeutralItems) + ", so the screen after a quick exit is not the same every time");
    }
    for (std::size_t i = 0; i < src.pack.signposts.size(); ++i) {
        const ev::Signpost& s = src.pack.signposts[i];
        const SignpostSource& where = src.signposts[i];
        if (s.verify) {
            std::string what = "signpost '" + s.id + "'";
            for (std::size_t f = 0; f < s.verifyFields.size(); ++f) what += (f == 0 ? " (" : ", ") + s.verifyFields[f];
            if (!s.verifyFields.empty()) what += ")";
            flagVerify(src, diag, release, src.packToml, *where.verifyLine, what);
        }
        std::vector<std::string> missing;
        for (const ev::LocaleInfo& l : src.pack.locales)
            if (!s.text.contains(l.tag)) missing.push_back(l.tag);
        if (!missing.empty()) diag.warning(src.packToml, where.line, "signpost '" + s.id + "' has no text in " + join(missing));
        for (const auto& [tag, stamp] : where.translatedFrom) {
            if (tag == src.pack.defaultLocale || !where.stale(tag)) continue;
            const std::string shows = "so the kiosk shows this card in " + src.pack.defaultLocale + " (everyvoice-pack stale " +
                                      "or xliff export shows what to translate)";
            diag.warning(src.packToml, where.textLines.at(tag),
                         stamp.empty() ? "stale: [signposts.text." + tag + "] of '" + s.id + "' has no translated_from, " + shows
                                       : "stale: the " + src.pack.defaultLocale + " text of signpost '" + s.id +
                                             "' changed since this translation (translated_from " + stamp + ", now " +
                                             where.englishHash + "), " + shows);
        }
    }
}

// Each UI string must be a MessageFormat pattern ICU reads, with the default locale's
// arguments, and a branch for every plural category the language uses for whole numbers.
void checkMessages(const Source& src, const std::string& tag, const std::map<std::string, std::string>& strings,
                   const std::map<std::string, std::string>& defaults, Diagnostics& diag) {
    const auto file = src.stringsFile(tag);
    const auto& lines = src.stringLines.at(tag);
    for (const auto& [key, pattern] : strings) {
        const int line = lines.at(key);
        const ev::MessageCheck check = ev::checkMessage(pattern, tag);
        if (!check.error.empty()) {
            diag.error(file, line, key + ": " + check.error + "; the kiosk shows the " + src.pack.defaultLocale + " text");
            continue;
        }
        if (const auto d = defaults.find(key); d != defaults.end() && tag != src.pack.defaultLocale) {
            const auto wanted = ev::checkMessage(d->second, src.pack.defaultLocale).arguments;
            if (check.arguments != wanted)
                diag.error(file, line, key + ": uses the arguments {" + join({check.arguments.begin(), check.arguments.end()}) +
                                           "}, the " + src.pack.defaultLocale + " text {" + join({wanted.begin(), wanted.end()}) + "}");
        }
        if (!check.missingPluralForms.empty())
            diag.warning(file, line, key + ": no plural branch for " + join(check.missingPluralForms) + ", which " + tag +
                                         " uses (CLDR); ICU falls back to 'other'");
    }
}

// A string the kiosk uses that the default locale lacks is shown in the kiosk's built-in
// English: the comms team should know before a resident reads English on a Polish screen. (A
// question's words, "visit.<id>.<answer>", belong to the pack: checkQuestions asks for them.)
void checkKioskStrings(const Source& src, Diagnostics& diag) {
    const auto def = src.pack.strings.find(src.pack.defaultLocale);
    std::vector<std::string> missing;
    for (const auto& [key, text] : ev::builtInEnglishStrings())
        if (std::count(key.begin(), key.end(), '.') == 1 && (def == src.pack.strings.end() || !def->second.contains(key)))
            missing.push_back(key);
    if (!missing.empty())
        diag.warning(src.stringsFile(src.pack.defaultLocale), 1,
                     "UI strings missing (" + std::to_string(missing.size()) + "), which the kiosk, web export and handouts " +
                         "show in their built-in English: " + join(missing) + " (locales/en.toml of Every Voice has them all)");
}

void checkStrings(const Source& src, Diagnostics& diag) {
    checkKioskStrings(src, diag);
    const auto def = src.pack.strings.find(src.pack.defaultLocale);
    if (def == src.pack.strings.end()) return;
    for (const auto& [tag, strings] : src.pack.strings) {
        checkMessages(src, tag, strings, def->second, diag);
        if (tag == src.pack.defaultLocale) continue;
        std::vector<std::string> missing, unknown;
        for (const auto& [key, value] : def->second)
            if (!strings.contains(key)) missing.push_back(key);
        for (const auto& [key, value] : strings)
            if (!def->second.contains(key)) unknown.push_back(key);
        const auto file = src.stringsFile(tag);
        if (!missing.empty()) diag.warning(file, 1, "UI strings missing (" + std::to_string(missing.size()) + "): " + join(missing));
        if (!unknown.empty())
            diag.warning(file, 1, "keys not in " + src.pack.defaultLocale + ".toml, never shown: " + join(unknown));
        // One warning per stale section, naming the strings the kiosk shows in the default locale.
        std::map<std::string, std::vector<std::string>> changed;
        if (const auto stale = src.staleStrings.find(tag); stale != src.staleStrings.end())
            for (const std::string& key : stale->second) changed[stringSection(key)].push_back(key);
        const auto stamps = src.stringStamps.find(tag);
        for (const auto& [section, keys] : changed) {
            const auto stamp = stamps == src.stringStamps.end() ? nullptr : &stamps->second;
            const bool stamped = stamp && stamp->contains(section);
            diag.warning(file, stamped ? stamp->at(section).line : src.stringLines.at(tag).at(keys.front()),
                         "stale: [" + section + "] " + (stamped ? "was translated from other " + src.pack.defaultLocale + " text"
                                                                : "has no translated_from." + section) +
                             "; the kiosk shows " + src.pack.defaultLocale + " for " + join(keys) +
                             " (everyvoice-pack stale or xliff export shows what to translate)");
        }
    }
}

// The end-of-visit questions' words are UI strings: without them in the default locale the kiosk
// would show a key. Other languages missing them are in checkStrings' list (shown in English).
void checkQuestions(const Source& src, Diagnostics& diag) {
    const auto def = src.pack.strings.find(src.pack.defaultLocale);
    for (std::size_t i = 0; i < src.pack.questions.size(); ++i) {
        const ev::VisitQuestion& q = src.pack.questions[i];
        std::vector<std::string> keys{"visit.intro", "visit.skip", "visit." + q.id + ".question"};
        for (const std::string& a : q.answers) keys.push_back("visit." + q.id + "." + a);
        std::vector<std::string> missing;
        for (const std::string& key : keys)
            if (def == src.pack.strings.end() || !def->second.contains(key)) missing.push_back(key);
        if (!missing.empty())
            diag.error(src.packToml, src.questionLines[i],
                       "question '" + q.id + "' has no words in " + src.stringsFile(src.pack.defaultLocale).string() + ": " + join(missing));
    }
}

} // namespace

void checkSource(const Source& src, bool release, Diagnostics& diag) {
    std::set<std::string> reachable;
    checkLinks(src, diag, reachable);
    checkTopics(src, diag, reachable);
    checkPages(src, release, diag);
    checkPackToml(src, release, diag);
    checkStrings(src, diag);
    checkQuestions(src, diag);
    checkPlans(src, diag);
    checkGlyphs(src, diag);
    checkAssets(src, diag);
    checkReviews(src, diag);
    checkFacts(src, readFacts(src.factsFile, diag), release, diag);
    for (const ev::Page& page : src.pack.pages)
        if (!reachable.contains(page.id))
            diag.warning(src.files.at(page.id).at(src.pack.defaultLocale).file, 1,
                         "page '" + page.id + "' is in no topic list and no page links to it");
}

void printReadability(const Source& src, std::ostream& out) {
    const bool english = src.pack.defaultLocale == "en";
    out << "readability of each audience's pages (" << src.pack.defaultLocale << ")\n";
    for (ev::Audience a : ev::kAllAudiences) {
        const auto topics = src.pack.topics.find(a);
        if (topics == src.pack.topics.end()) continue;
        Readability all;
        int pages = 0;
        for (const std::string& id : topics->second) {
            const ev::Page* page = src.pack.page(id);
            if (!page || !page->text.contains(src.pack.defaultLocale)) continue;
            const Readability r = measure(page->text.at(src.pack.defaultLocale).body);
            all.words += r.words;
            all.sentences += r.sentences;
            all.syllables += r.syllables;
            ++pages;
        }
        if (all.sentences == 0) continue;
        char line[200];
        std::snprintf(line, sizeof line, "  %-10s %2d pages, %5.1f words a sentence", ev::audienceId(a), pages,
                      double(all.words) / all.sentences);
        out << line;
        if (english) {
            std::snprintf(line, sizeof line, ", Flesch-Kincaid grade %4.1f, reading age about %.0f", all.grade(), all.readingAge());
            out << line;
        }
        out << "\n";
    }
}

} // namespace evpack
