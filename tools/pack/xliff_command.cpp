#include "xliff_command.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "core/atomic_file.h"
#include "core/pack/markdown.h"
#include "core/pack/pack_hash.h"
#include "facts.h"
#include "page_units.h"
#include "source.h"
#include "toml_edit.h"
#include "translation_history.h"
#include "word_diff.h"
#include "xliff.h"

namespace evpack {

namespace fs = std::filesystem;

namespace {

constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

const char* const kXliffHelp = R"(usage: everyvoice-pack xliff export SRC --locale TAG -o FILE.xlf [--locales DIR]
       everyvoice-pack xliff import FILE.xlf SRC [--locales DIR]

export writes an XLIFF 2.0 file, the exchange format of translators' tools (OmegaT, memoQ,
Trados, Weblate), with the English of every page (title, summary, each heading, paragraph
and list item, and the alt text of images), every UI string, every signpost text and every
session plan's text (title, summary, question, answers, each step's prompt and notes), and
the current translation into TAG as the target where it is up to date. A unit whose English
changed since the translation was made has no target, state="initial", and notes with the
English before (from SRC/translation-history.toml) and the translation before.

import writes the targets back into SRC/pages/<page>/TAG.md, the locale's UI strings file,
pack.toml and SRC/plans/<plan>/TAG.toml, and stamps translated_from on each itself; a page
or a plan is written only when every unit of it has a target, and then as a draft. It refuses the whole file, writing
nothing, if any unit's English is no longer the current English (export again), or if a
target changes the page's structure, its links, its bold text or its phone numbers and web
addresses. Then run lint.

  --locale TAG    the language to translate into (a locale in pack.toml)
  -o FILE.xlf     the file to write
  --locales DIR   UI string files <locale>.toml (default: SRC/../../locales)
)";

const char* const kStaleHelp = R"(usage: everyvoice-pack stale SRC --locale TAG [--locales DIR]

For each page, help card, UI string and session plan translated into TAG whose English changed since the
translation was made, prints what changed in the English, word by word: [-removed words-] {+added words+}, from
the English kept in SRC/translation-history.toml. Pages and plans (plan:ID) not translated at all are listed.
)";

int usage(const std::string& command, const std::string& message) {
    std::cerr << "everyvoice-pack: " << message << "\nTry 'everyvoice-pack " << command << " --help'.\n";
    return kUsage;
}

struct Options {
    std::vector<std::string> positional;
    std::string locale, out;
    std::optional<std::string> locales;
};

std::optional<Options> parse(const std::string& command, const std::vector<std::string>& args) {
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool valued = a == "--locale" || a == "-o" || a == "--locales";
        if (valued && i + 1 >= args.size()) {
            usage(command, a + " needs a value");
            return std::nullopt;
        }
        if (a == "--locale") o.locale = args[++i];
        else if (a == "-o") o.out = args[++i];
        else if (a == "--locales") o.locales = args[++i];
        else if (a.size() > 1 && a[0] == '-') {
            usage(command, "unknown option " + a + " for " + command);
            return std::nullopt;
        } else o.positional.push_back(a);
    }
    return o;
}

// The content folder read as lint reads it; nullopt after printing its errors.
std::optional<Source> load(const fs::path& src, const Options& o) {
    Diagnostics diag;
    Source s = readSource(src, o.locales ? fs::path(*o.locales) : (src / ".." / ".." / "locales").lexically_normal(), diag);
    if (diag.hasErrors()) {
        diag.print(std::cerr);
        std::cerr << "everyvoice-pack: " << src.string() << " has errors; fix them (see lint) first\n";
        return std::nullopt;
    }
    return s;
}

bool checkLocale(const Source& s, const std::string& tag, const std::string& command) {
    if (tag.empty()) return usage(command, command + " needs --locale TAG"), false;
    const bool known = std::any_of(s.pack.locales.begin(), s.pack.locales.end(), [&](const auto& l) { return l.tag == tag; });
    if (!known || tag == s.pack.defaultLocale) {
        std::cerr << "everyvoice-pack: '" << tag << "' is not a language to translate into in " << s.packToml.string() << "\n";
        return false;
    }
    return true;
}

// A page's title, summary and Markdown units, in the order a translator meets them.
std::vector<TextUnit> pageUnits(std::string_view title, std::string_view summary, std::string_view markdown) {
    std::vector<TextUnit> units{{"title", "", std::string(title), ""}, {"summary", "", std::string(summary), ""}};
    for (TextUnit& u : splitPage(markdown)) units.push_back(std::move(u));
    return units;
}
std::vector<TextUnit> pageUnits(const PageFile& f) { return pageUnits(f.title, f.summary, f.markdown); }
std::vector<TextUnit> pageUnits(const EnglishText& e) { return pageUnits(e.title, e.summary, e.markdown); }

std::string pageEnglishFile(const Source& s, const std::string& page) {
    return "pages/" + page + "/" + s.pack.defaultLocale + ".md";
}

std::string unitNote(const TextUnit& u) {
    return u.altText() ? "The alt text of the picture " + u.after.substr(2, u.after.size() - 3) +
                             ", read aloud to people who cannot see it."
                       : "";
}

// Every stamp any translation carries and every page's current English: the history entries worth keeping.
std::set<std::string> stampsInUse(const Source& s) {
    std::set<std::string> keep;
    for (const auto& [page, hash] : s.sourceHash) keep.insert(hash);
    for (const auto& [page, byLocale] : s.files)
        for (const auto& [tag, f] : byLocale)
            if (!f.translatedFrom.empty()) keep.insert(f.translatedFrom);
    for (const SignpostSource& sp : s.signposts) {
        keep.insert(sp.englishHash);
        for (const auto& [tag, stamp] : sp.translatedFrom) keep.insert(stamp);
    }
    for (const auto& [section, hash] : s.stringsHash) keep.insert(hash);
    for (const auto& [tag, sections] : s.stringStamps)
        for (const auto& [section, stamp] : sections) keep.insert(stamp.stamp);
    for (const auto& [plan, hash] : s.planHash) keep.insert(hash);
    for (const auto& [plan, byLocale] : s.planFiles)
        for (const auto& [tag, f] : byLocale)
            if (!f.translatedFrom.empty()) keep.insert(f.translatedFrom);
    return keep;
}

// A help card's text fields by name: "name", "phone_labels.0"; units are "<signpost>.<field>".
std::map<std::string, std::string> cardFields(const ev::SignpostText& t) {
    std::map<std::string, std::string> out{{"name", t.name}, {"for", t.forWhom}, {"description", t.description}, {"hours", t.hours}};
    for (std::size_t i = 0; i < t.phoneLabels.size(); ++i) out["phone_labels." + std::to_string(i)] = t.phoneLabels[i];
    return out;
}

std::map<std::string, std::string> signpostFields(const ev::SignpostText& t, const std::string& id) {
    std::map<std::string, std::string> out;
    for (auto& [field, text] : cardFields(t)) out[id + "." + field] = text;
    return out;
}

// A text kept as named fields, in the order a translator meets them.
using Fields = std::vector<std::pair<std::string, std::string>>;

// A step's notes split at line feeds. Each line with text is a unit of its own: translators'
// tools keep a unit's words but not always its blank lines and line ends, of which the notes'
// paragraphs are made.
std::vector<std::string> noteLines(const std::string& notes) {
    std::vector<std::string> lines;
    std::istringstream in(notes);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    if (notes.ends_with('\n')) lines.emplace_back();
    return lines;
}

// A plan's text fields: "title", "summary", "question", "answers.1", then for each step
// "steps.1.prompt" and a field per line of its notes with text, "steps.1.notes.1" (counting
// from 1, as lint and the facilitator do).
Fields planFields(const ev::PlanText& t) {
    Fields out{{"title", t.title}, {"summary", t.summary}, {"question", t.question}};
    for (std::size_t i = 0; i < t.answers.size(); ++i) out.push_back({"answers." + std::to_string(i + 1), t.answers[i]});
    for (std::size_t i = 0; i < t.steps.size(); ++i) {
        const std::string step = "steps." + std::to_string(i + 1);
        out.push_back({step + ".prompt", t.steps[i].prompt});
        int n = 0;
        for (const std::string& line : noteLines(t.steps[i].notes))
            if (!line.empty()) out.push_back({step + ".notes." + std::to_string(++n), line});
    }
    return out;
}

std::map<std::string, std::string> byName(const Fields& f) { return {f.begin(), f.end()}; }

std::string planEnglishFile(const Source& s, const std::string& plan) { return "plans/" + plan + "/" + s.pack.defaultLocale + ".toml"; }

struct ExportCounts {
    int units = 0, toTranslate = 0, changed = 0;
};

XliffFile exportPage(const Source& s, const std::string& page, const std::string& tag, const TranslationHistory& history,
                     ExportCounts& counts) {
    const PageFile& english = s.files.at(page).at(s.pack.defaultLocale);
    const auto& byLocale = s.files.at(page);
    const auto t = byLocale.find(tag);
    const PageFile* translation = t == byLocale.end() ? nullptr : &t->second;
    const std::vector<TextUnit> now = pageUnits(english);
    std::vector<TextUnit> was, translated;
    const EnglishText* before = nullptr;
    if (translation) {
        translated = pageUnits(*translation);
        if (translation->translatedFrom == s.sourceHash.at(page)) was = now;
        else if (const auto h = history.find(translation->translatedFrom); h != history.end()) {
            before = &h->second;
            was = pageUnits(h->second);
        }
    }
    // The translation's units stand beside the English it was made from only if they share its structure.
    const bool paired = translation && !was.empty() && sameStructure(was, translated);
    const bool reviewed = translation && translation->status == "reviewed";

    XliffFile f{"page." + page, pageEnglishFile(s, page), {}};
    std::vector<bool> used(was.size(), false);
    for (std::size_t i = 0; i < now.size(); ++i) {
        const TextUnit& u = now[i];
        if (u.text.empty()) continue;
        XliffUnit x{u.id, u.text, std::nullopt, "initial", {}};
        if (const std::string about = unitNote(u); !about.empty()) x.notes.push_back({"ev:about", about});
        // The same English, at the same place if it is still there, else the first unused.
        std::optional<std::size_t> match;
        if (paired) {
            auto same = [&](std::size_t j) { return !used[j] && was[j].text == u.text && was[j].before == u.before && was[j].after == u.after; };
            if (i < was.size() && same(i)) match = i;
            for (std::size_t j = 0; !match && j < was.size(); ++j)
                if (same(j)) match = j;
        }
        if (match && !translated[*match].text.empty()) {
            used[*match] = true;
            x.target = translated[*match].text;
            x.state = reviewed ? "reviewed" : "translated";
        } else {
            ++counts.toTranslate;
            if (translation) {
                ++counts.changed;
                if (before && i < was.size() && was[i].before == u.before && was[i].after == u.after) {
                    x.notes.push_back({"ev:english-before", was[i].text});
                } else if (!before) {
                    x.notes.push_back({"ev:english-before", "(not known: the translation was made before "
                                                            "translation-history.toml kept the English)"});
                }
                if (i < translated.size() && translated[i].before == u.before && translated[i].after == u.after &&
                    !translated[i].text.empty())
                    x.notes.push_back({"ev:translation-before", translated[i].text});
            }
        }
        ++counts.units;
        f.units.push_back(std::move(x));
    }
    return f;
}

void addUnit(XliffFile& f, const std::string& id, const std::string& source, const std::string* target, ExportCounts& counts) {
    if (source.empty()) return;
    XliffUnit x{id, source, std::nullopt, "initial", {}};
    if (target && !target->empty()) {
        x.target = *target;
        x.state = "translated";
    } else {
        ++counts.toTranslate;
    }
    ++counts.units;
    f.units.push_back(std::move(x));
}


// The units of a text kept as named fields (a help card, a plan), with ids prefix + field. A
// stale translation keeps its target only where the English of that field is what it was
// translated from (before: the history's English for its stamp; null if not known); the other
// fields get the notes a page's changed units get.
void exportFields(const Fields& english, const std::map<std::string, std::string>& target, bool stale, const EnglishText* before,
                  const std::string& prefix, XliffFile& f, ExportCounts& counts) {
    for (const auto& [field, text] : english) {
        const auto tt = target.find(field);
        const std::string* translated = tt == target.end() || tt->second.empty() ? nullptr : &tt->second;
        if (!stale || !translated) {
            addUnit(f, prefix + field, text, translated, counts);
            continue;
        }
        std::string was = "(not known: the translation has no translated_from, or was made before "
                          "translation-history.toml kept the English)";
        if (before) {
            const auto w = before->fields.find(field);
            was = w == before->fields.end() ? "(none)" : w->second;
            if (was == text) {
                addUnit(f, prefix + field, text, translated, counts);
                continue;
            }
        }
        if (text.empty()) continue;
        XliffUnit x{prefix + field, text, std::nullopt, "initial", {}};
        x.notes.push_back({"ev:english-before", was});
        x.notes.push_back({"ev:translation-before", *translated});
        ++counts.toTranslate;
        ++counts.changed;
        ++counts.units;
        f.units.push_back(std::move(x));
    }
}

const EnglishText* historyOf(const TranslationHistory& history, const std::string& stamp) {
    const auto h = history.find(stamp);
    return h == history.end() ? nullptr : &h->second;
}

void exportSignpost(const Source& s, std::size_t i, const std::string& tag, const TranslationHistory& history, XliffFile& f,
                    ExportCounts& counts) {
    const ev::Signpost& sp = s.pack.signposts[i];
    const SignpostSource& where = s.signposts[i];
    const auto english = cardFields(sp.text.at(s.pack.defaultLocale));
    const auto t = sp.text.find(tag);
    const bool stale = t != sp.text.end() && where.stale(tag);
    exportFields({english.begin(), english.end()}, t == sp.text.end() ? std::map<std::string, std::string>{} : cardFields(t->second),
                 stale, stale ? historyOf(history, where.translatedFrom.at(tag)) : nullptr, sp.id + ".", f, counts);
}

EnglishText planEnglish(const ev::Plan& plan, const std::string& defaultLocale) {
    EnglishText e;
    e.plan = plan.id;
    e.fields = byName(planFields(plan.text.at(defaultLocale)));
    return e;
}

XliffFile exportPlan(const ev::Plan& plan, const Source& s, const std::string& tag, const TranslationHistory& history,
                     ExportCounts& counts) {
    XliffFile f{"plan." + plan.id, planEnglishFile(s, plan.id), {}};
    const auto t = plan.text.find(tag);
    const bool stale = t != plan.text.end() && t->second.stale;
    exportFields(planFields(plan.text.at(s.pack.defaultLocale)),
                 t == plan.text.end() ? std::map<std::string, std::string>{} : byName(planFields(t->second)), stale,
                 stale ? historyOf(history, t->second.translatedFrom) : nullptr, "", f, counts);
    return f;
}

std::string readWhole(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int exportXliff(const Options& o) {
    if (o.positional.size() != 1) return usage("xliff", "xliff export takes one content folder");
    if (o.out.empty()) return usage("xliff", "xliff export needs -o FILE.xlf");
    const fs::path src = o.positional[0];
    const auto s = load(src, o);
    if (!s || !checkLocale(*s, o.locale, "xliff")) return s ? kUsage : kInvalid;
    TranslationHistory history = readHistory(historyFile(src));

    XliffDocument doc{s->pack.defaultLocale, o.locale, {}};
    ExportCounts counts;
    for (const ev::Page& p : s->pack.pages) {
        doc.files.push_back(exportPage(*s, p.id, o.locale, history, counts));
        const PageFile& e = s->files.at(p.id).at(s->pack.defaultLocale);
        history[s->sourceHash.at(p.id)] = {p.id, e.title, e.summary, e.markdown, {}, {}, {}, {}};
    }
    XliffFile ui{"ui", s->stringsFile(s->pack.defaultLocale).filename().string(), {}};
    const auto& theirs = s->pack.strings.contains(o.locale) ? s->pack.strings.at(o.locale) : std::map<std::string, std::string>{};
    const auto stale = s->staleStrings.contains(o.locale) ? s->staleStrings.at(o.locale) : std::set<std::string>{};
    const auto& stamps = s->stringStamps.contains(o.locale) ? s->stringStamps.at(o.locale) : std::map<std::string, StringStamp>{};
    for (const auto& [key, english] : s->pack.strings.at(s->pack.defaultLocale)) {
        const auto t = theirs.find(key);
        if (!stale.contains(key) || t == theirs.end()) {
            addUnit(ui, key, english, t == theirs.end() ? nullptr : &t->second, counts);
            continue;
        }
        // Changed since the section was translated: the English and the translation before as notes.
        const auto stamp = stamps.find(stringSection(key));
        const auto h = stamp == stamps.end() ? history.end() : history.find(stamp->second.stamp);
        const bool known = h != history.end() && h->second.fields.contains(key);
        XliffUnit x{key, english, std::nullopt, "initial", {}};
        x.notes.push_back({"ev:english-before", known ? h->second.fields.at(key)
                                                      : "(not known: the section has no translated_from, or was translated "
                                                        "before translation-history.toml kept the English)"});
        x.notes.push_back({"ev:translation-before", t->second});
        ++counts.toTranslate;
        ++counts.changed;
        ++counts.units;
        ui.units.push_back(std::move(x));
    }
    for (const auto& [section, hash] : s->stringsHash) history[hash] = {{}, {}, {}, {}, {}, s->englishSection(section), section, {}};
    doc.files.push_back(std::move(ui));
    XliffFile signposts{"signposts", "pack.toml", {}};
    for (std::size_t i = 0; i < s->pack.signposts.size(); ++i) {
        exportSignpost(*s, i, o.locale, history, signposts, counts);
        const SignpostSource& where = s->signposts[i];
        history[where.englishHash] = {{}, {}, {}, {}, s->pack.signposts[i].id,
                                      cardFields(s->pack.signposts[i].text.at(s->pack.defaultLocale)), {}, {}};
    }
    doc.files.push_back(std::move(signposts));
    for (const ev::Plan& plan : s->pack.plans) {
        doc.files.push_back(exportPlan(plan, *s, o.locale, history, counts));
        history[s->planHash.at(plan.id)] = planEnglish(plan, s->pack.defaultLocale);
    }

    ev::writeFileAtomically(o.out, writeXliff(doc));
    writeHistory(historyFile(src), history, stampsInUse(*s));
    std::cout << "wrote " << o.out << ": " << counts.units << " units, " << counts.toTranslate << " to translate ("
              << counts.changed << " changed in the English since translated)\n";
    return kOk;
}

// ---- import ----

std::string sortedJoin(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "none" : out;
}

std::vector<std::string> contactKeys(std::string_view text) {
    std::vector<std::string> out;
    for (const Contact& c : findContacts(text)) out.push_back(c.key);
    return out;
}

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1)) {
        std::size_t end = at + 1;
        while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
        if (end > at + 1) out.emplace_back(text.substr(at + 1, end - at - 1));
    }
    return out;
}

int countOf(std::string_view text, std::string_view what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// Problems with one target against its English, empty if none. The checks keep what a
// translation must not change: where links go, what is bold, the contact details and
// the ICU arguments the kiosk fills in.
std::string targetProblem(const std::string& source, const std::string& target, bool markdown) {
    if (contactKeys(source).size() + contactKeys(target).size() > 0 && sortedJoin(contactKeys(source)) != sortedJoin(contactKeys(target)))
        return "its phone numbers and web addresses (" + sortedJoin(contactKeys(target)) +
               ") are not those of the English (" + sortedJoin(contactKeys(source)) + ")";
    if (sortedJoin(placeholders(source)) != sortedJoin(placeholders(target)))
        return "it must keep the English's {arguments} (" + sortedJoin(placeholders(source)) + ")";
    if (!markdown) return {};
    if (sortedJoin(linkTargets(source)) != sortedJoin(linkTargets(target)))
        return "it must keep the links of the English, (" + sortedJoin(linkTargets(source)) + "), not (" +
               sortedJoin(linkTargets(target)) + ")";
    if (countOf(source, "**") != countOf(target, "**")) return "it must keep the English's bold text (**...**)";
    return {};
}

struct PageWrite {
    std::string page;
    std::vector<TextUnit> units; // the translation, in the English's structure
};

struct Import {
    std::vector<std::string> errors;
    std::vector<PageWrite> pages;
    std::map<std::string, std::string> strings;   // UI key -> text
    std::map<std::string, std::string> signposts; // unit id -> text
    std::map<std::string, std::map<std::string, std::string>> plans; // plan -> field -> text
    std::vector<std::string> leftAlone;           // pages with units not yet translated
};

void importPage(const Source& s, const XliffFile& f, Import& im) {
    const std::string page = f.id.substr(5);
    const std::string where = pageEnglishFile(s, page);
    if (!s.files.contains(page)) {
        im.errors.push_back(f.id + ": there is no page '" + page + "' in the content folder any more");
        return;
    }
    std::vector<TextUnit> units = pageUnits(s.files.at(page).at(s.pack.defaultLocale));
    std::map<std::string, const XliffUnit*> given;
    for (const XliffUnit& u : f.units) given[u.id] = &u;
    int missing = 0;
    const std::size_t errorsBefore = im.errors.size();
    for (TextUnit& u : units) {
        if (u.text.empty()) continue;
        const auto g = given.find(u.id);
        if (g == given.end()) {
            im.errors.push_back(where + ": unit '" + u.id + "' is not in the file; the English has changed since it was "
                                "exported: export again");
            continue;
        }
        const XliffUnit& x = *g->second;
        given.erase(g);
        if (x.source != u.text) {
            im.errors.push_back(where + ": unit '" + u.id + "': the English is now \"" + u.text +
                                "\", not the \"" + x.source + "\" of this file: export again and translate the new text");
            continue;
        }
        if (!x.target || x.target->find_first_not_of(" \t\n") == std::string::npos) {
            ++missing;
            continue;
        }
        if (const std::string p = targetProblem(u.text, *x.target, true); !p.empty()) {
            im.errors.push_back(where + ": unit '" + u.id + "': " + p);
            continue;
        }
        u.text = *x.target;
    }
    for (const auto& [id, x] : given) im.errors.push_back(where + ": unit '" + id + "' is not in the English page any more: export again");
    if (im.errors.size() != errorsBefore) return;
    if (missing) {
        im.leftAlone.push_back(page + " (" + std::to_string(missing) + " units not translated)");
        return;
    }
    // The rebuilt page must have the English's structure: a target with a blank line or a
    // line starting "- " or "## " would make new paragraphs, lists or headings.
    const std::vector<TextUnit> body(units.begin() + 2, units.end());
    const std::string markdown = joinPage(body);
    const std::vector<TextUnit> english = splitPage(s.files.at(page).at(s.pack.defaultLocale).markdown);
    const std::vector<TextUnit> again = splitPage(markdown);
    if (!sameStructure(again, english)) {
        for (std::size_t i = 0; i < body.size(); ++i)
            if (i >= again.size() || again[i].before != body[i].before || again[i].text != body[i].text) {
                im.errors.push_back(where + ": unit '" + body[i].id + "': the translation changes the page's structure "
                                    "(a blank line, or a line starting with -, * or #); keep it to one paragraph, heading or list item");
                return;
            }
        im.errors.push_back(where + ": the translation changes the page's structure");
        return;
    }
    try {
        ev::parseMarkdown(markdown);
    } catch (const ev::MarkdownError& e) {
        im.errors.push_back(where + ": the translated page is not Markdown the kiosk reads: " + e.what());
        return;
    }
    if (units[0].text.find('\n') != std::string::npos || units[1].text.find('\n') != std::string::npos) {
        im.errors.push_back(where + ": a title or summary is one line");
        return;
    }
    im.pages.push_back({page, std::move(units)});
}

void importFields(const std::map<std::string, std::string>& english, const XliffFile& f, const std::string& where,
                  std::map<std::string, std::string>& into, Import& im) {
    for (const XliffUnit& x : f.units) {
        const auto e = english.find(x.id);
        if (e == english.end()) {
            im.errors.push_back(where + ": unit '" + x.id + "' is not in the English any more: export again");
        } else if (e->second != x.source) {
            im.errors.push_back(where + ": unit '" + x.id + "': the English is now \"" + e->second + "\", not the \"" +
                                x.source + "\" of this file: export again and translate the new text");
        } else if (x.target && !x.target->empty()) {
            if (const std::string p = targetProblem(x.source, *x.target, false); !p.empty())
                im.errors.push_back(where + ": unit '" + x.id + "': " + p);
            else into[x.id] = *x.target;
        }
    }
}

void importPlan(const Source& s, const XliffFile& f, Import& im) {
    const std::string id = f.id.substr(5);
    const ev::Plan* plan = s.pack.plan(id);
    if (!plan) {
        im.errors.push_back(f.id + ": there is no plan '" + id + "' in the content folder any more");
        return;
    }
    const std::string where = planEnglishFile(s, id);
    const std::size_t errorsBefore = im.errors.size();
    std::map<std::string, std::string>& into = im.plans[id];
    importFields(byName(planFields(plan->text.at(s.pack.defaultLocale))), f, where, into, im);
    for (const auto& [field, text] : into)
        if (text.find('\n') != std::string::npos) im.errors.push_back(where + ": unit '" + field + "': keep it to one line");
    if (im.errors.size() != errorsBefore) im.plans.erase(id);
}

// A plan's text file for one language, as xliff import writes it: a draft, stamped when given
// one, each step's notes laid out in lines and paragraphs as the English's are.
std::string planText(const ev::Plan& plan, const std::string& defaultLocale, const std::map<std::string, std::string>& fields,
                     const std::string& stamp) {
    auto field = [&](const std::string& name) {
        const auto it = fields.find(name);
        return it == fields.end() ? std::string() : it->second;
    };
    std::string text = "title = " + tomlString(field("title")) + "\n";
    if (!field("summary").empty()) text += "summary = " + tomlString(field("summary")) + "\n";
    text += "status = \"draft\"\n";
    if (!stamp.empty()) text += "translated_from = " + tomlString(stamp) + "\n";
    if (plan.question) {
        text += "\nquestion = " + tomlString(field("question")) + "\nanswers = [";
        for (std::size_t i = 0; i < plan.question->answerIds.size(); ++i)
            text += (i ? ", " : "") + tomlString(field("answers." + std::to_string(i + 1)));
        text += "]\n";
    }
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const std::string n = "steps." + std::to_string(i + 1);
        text += "\n[[steps]]\n";
        if (!field(n + ".prompt").empty()) text += "prompt = " + tomlString(field(n + ".prompt")) + "\n";
        std::string notes;
        int line = 0;
        for (const std::string& english : noteLines(plan.text.at(defaultLocale).steps[i].notes)) {
            if (!notes.empty() || line) notes += '\n';
            if (!english.empty()) notes += field(n + ".notes." + std::to_string(++line));
        }
        if (!notes.empty()) text += "notes = " + tomlMultiline(notes) + "\n";
    }
    return text;
}

const std::string kDropped = "\x01"; // marks a front matter line to leave out

// The page file for tag with the translation in it, keeping the rest of its front matter.
std::string pageText(const Source& s, const PageWrite& w, const std::string& tag, const std::string& stamp) {
    const auto& byLocale = s.files.at(w.page);
    const std::string body = joinPage({w.units.begin() + 2, w.units.end()});
    const std::vector<std::pair<std::string, std::string>> values{{"title", tomlString(w.units[0].text)},
                                                                  {"summary", tomlString(w.units[1].text)},
                                                                  {"status", "\"draft\""},
                                                                  {"translated_from", tomlString(stamp)}};
    const auto t = byLocale.find(tag);
    if (t == byLocale.end()) {
        // A first translation: the English page's audience, and its verify mark, which holds for
        // the same details in every language.
        const PageFile& e = byLocale.at(s.pack.defaultLocale);
        std::string text = "+++\n";
        for (const auto& [key, value] : values) {
            if (key == "status" && e.hasAudience) {
                std::string list;
                for (ev::Audience a : e.audiences) list += (list.empty() ? "" : ", ") + tomlString(ev::audienceId(a));
                text += "audience = [" + list + "]\n";
            }
            if (key != "summary" || !w.units[1].text.empty()) text += key + " = " + value + "\n";
        }
        if (e.verify) text += "verify = true\n";
        return text + "+++\n" + body;
    }
    // The review was of the text replaced: who reviewed it and when go with it.
    std::vector<std::string> front;
    std::istringstream in(readWhole(t->second.file));
    std::string line;
    for (int i = 1; i < t->second.bodyLine && std::getline(in, line); ++i) {
        const bool review = (t->second.keyLines.contains("reviewed_by") && i == t->second.line("reviewed_by")) ||
                            (t->second.keyLines.contains("reviewed_on") && i == t->second.line("reviewed_on"));
        front.push_back(review ? kDropped : line);
    }
    std::string text;
    for (const std::string& l : front) text += l + "\n";
    std::string added;
    for (const auto& [key, value] : values)
        if (!t->second.keyLines.contains(key) || !replaceTomlValue(text, t->second.line(key), value))
            added += key + " = " + value + "\n";
    // New keys go just before the closing +++.
    const std::size_t close = text.rfind("+++");
    text.insert(close, added);
    for (std::size_t at; (at = text.find(kDropped + "\n")) != std::string::npos;) text.erase(at, kDropped.size() + 1);
    return text + body;
}

// Writes texts (by unit id) into [signposts.text.<tag>], and each card's translated_from stamp.
void applySignposts(const Source& s, const std::string& tag, const std::map<std::string, std::string>& texts,
                    const std::map<std::string, std::string>& stamps) {
    std::string text = readWhole(s.packToml);
    const toml::table root = toml::parse(text);
    std::vector<std::pair<int, std::string>> inserts; // after line -> lines
    const toml::array* list = root["signposts"].as_array();
    for (std::size_t i = 0; list && i < list->size(); ++i) {
        const toml::table* sp = (*list)[i].as_table();
        const std::string id = (*sp)["id"].value_or(std::string());
        const toml::table* english = (*sp)["text"][s.pack.defaultLocale].as_table();
        const toml::table* theirs = (*sp)["text"][tag].as_table();
        std::string fresh;
        int lastEnglishLine = 0;
        for (auto&& [k, v] : *english) lastEnglishLine = std::max(lastEnglishLine, static_cast<int>(v.source().end.line));
        for (const char* field : {"name", "for", "description", "hours", "phone_labels", "translated_from"}) {
            std::string value;
            if (std::string(field) == "translated_from") {
                const auto stamp = stamps.find(id);
                if (stamp == stamps.end()) continue;
                value = tomlString(stamp->second);
            } else if (std::string(field) == "phone_labels") {
                const toml::array* labels = (*english)[field].as_array();
                if (!labels || labels->empty()) continue;
                bool any = false;
                for (std::size_t n = 0; n < labels->size(); ++n) {
                    const auto got = texts.find(id + ".phone_labels." + std::to_string(n));
                    const auto old = theirs ? (*theirs)[field][n].value<std::string>() : std::nullopt;
                    any = any || got != texts.end();
                    value += (n ? ", " : "") + tomlString(got != texts.end() ? got->second : old.value_or(""));
                }
                if (!any) continue;
                value = "[" + value + "]";
            } else {
                const auto got = texts.find(id + "." + field);
                if (got == texts.end()) continue;
                value = tomlString(got->second);
            }
            const toml::node* old = theirs ? theirs->get(field) : nullptr;
            if (old && replaceTomlValue(text, static_cast<int>(old->source().begin.line), value)) continue;
            if (theirs) inserts.push_back({static_cast<int>(theirs->source().begin.line), std::string(field) + " = " + value + "\n"});
            else fresh += std::string(field) + " = " + value + "\n";
        }
        if (!fresh.empty()) inserts.push_back({lastEnglishLine, "\n[signposts.text." + tag + "]\n" + fresh});
    }
    std::sort(inserts.begin(), inserts.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [line, lines] : inserts) {
        std::size_t at = 0;
        for (int n = 0; n < line && at != std::string::npos; ++n) at = text.find('\n', at) + 1;
        text.insert(std::min(at, text.size()), lines);
    }
    ev::writeFileAtomically(s.packToml, text);
}

int importXliff(const Options& o) {
    if (o.positional.size() != 2) return usage("xliff", "xliff import takes an XLIFF file and a content folder");
    const fs::path file = o.positional[0], src = o.positional[1];
    XliffDocument doc;
    try {
        doc = readXliff(readWhole(file));
    } catch (const XliffError& e) {
        std::cerr << file.string() << ":" << e.line << ": error: " << e.what() << "\n";
        return kInvalid;
    }
    const auto s = load(src, o);
    if (!s) return kInvalid;
    if (doc.srcLang != s->pack.defaultLocale) {
        std::cerr << "everyvoice-pack: " << file.string() << " translates from '" << doc.srcLang << "', but the pages are in '"
                  << s->pack.defaultLocale << "'\n";
        return kInvalid;
    }
    if (!checkLocale(*s, doc.trgLang, "xliff")) return kInvalid;
    const std::string tag = doc.trgLang;

    Import im;
    std::map<std::string, std::string> signpostEnglish;
    for (const ev::Signpost& sp : s->pack.signposts)
        for (auto& [id, text] : signpostFields(sp.text.at(s->pack.defaultLocale), sp.id)) signpostEnglish[id] = text;
    for (const XliffFile& f : doc.files) {
        if (f.id.starts_with("page.")) importPage(*s, f, im);
        else if (f.id == "ui") importFields(s->pack.strings.at(s->pack.defaultLocale), f, s->stringsFile(s->pack.defaultLocale).string(), im.strings, im);
        else if (f.id == "signposts") importFields(signpostEnglish, f, s->packToml.string(), im.signposts, im);
        else if (f.id.starts_with("plan.")) importPlan(*s, f, im);
        else im.errors.push_back(file.string() + ": <file id=\"" + f.id + "\"> is not part of a pack");
    }
    const auto& lines = s->stringLines.contains(tag) ? s->stringLines.at(tag) : std::map<std::string, int>{};
    for (const auto& [key, text] : im.strings)
        if (!lines.contains(key))
            im.errors.push_back(s->stringsFile(tag).string() + ": has no line for " + key + "; copy it from " +
                                s->stringsFile(s->pack.defaultLocale).string() + " first");
    if (!im.errors.empty()) {
        for (const std::string& e : im.errors) std::cerr << e << "\n";
        std::cerr << "everyvoice-pack: " << file.string() << " was not imported (" << im.errors.size()
                  << (im.errors.size() == 1 ? " problem" : " problems") << "); nothing was changed\n";
        return kInvalid;
    }

    TranslationHistory history = readHistory(historyFile(src));
    std::set<std::string> keep = stampsInUse(*s);
    int pagesWritten = 0;
    for (const PageWrite& w : im.pages) {
        const std::string stamp = s->sourceHash.at(w.page);
        const PageFile& e = s->files.at(w.page).at(s->pack.defaultLocale);
        history[stamp] = {w.page, e.title, e.summary, e.markdown, {}, {}, {}, {}};
        const auto t = s->files.at(w.page).find(tag);
        const bool same = t != s->files.at(w.page).end() && t->second.translatedFrom == stamp &&
                          pageUnits(t->second).size() == w.units.size() &&
                          std::equal(w.units.begin(), w.units.end(), pageUnits(t->second).begin(),
                                     [](const TextUnit& a, const TextUnit& b) { return a.text == b.text; });
        if (same) continue;
        ev::writeFileAtomically(src / "pages" / w.page / (tag + ".md"), pageText(*s, w, tag, stamp));
        ++pagesWritten;
    }
    int stringsWritten = 0;
    // A section is stamped as made from today's English only when this file translated every string of it.
    std::map<std::string, std::string> sectionStamps;
    for (const auto& [section, hash] : s->stringsHash) {
        const auto english = s->englishSection(section);
        if (s->sectionStale(tag, section) &&
            std::all_of(english.begin(), english.end(), [&](const auto& e) { return im.strings.contains(e.first); }))
            sectionStamps[section] = hash;
    }
    if (!im.strings.empty() || !sectionStamps.empty()) {
        std::string text = readWhole(s->stringsFile(tag));
        for (const auto& [key, value] : im.strings) {
            if (s->pack.strings.at(tag).at(key) == value) continue;
            if (!replaceTomlValue(text, lines.at(key), tomlString(value)))
                throw std::runtime_error(s->stringsFile(tag).string() + ":" + std::to_string(lines.at(key)) +
                                         ": cannot replace the value of " + key + " (put it on one line)");
            ++stringsWritten;
        }
        const auto& stamps = s->stringStamps.contains(tag) ? s->stringStamps.at(tag) : std::map<std::string, StringStamp>{};
        std::string added;
        for (const auto& [section, hash] : sectionStamps) {
            const auto old = stamps.find(section);
            if (old == stamps.end() || !replaceTomlValue(text, old->second.line, tomlString(hash)))
                added += section + " = " + tomlString(hash) + "\n";
        }
        if (!added.empty()) {
            // New stamps go into the [translated_from] table, made at the end of the file if there is none.
            const std::size_t table = text.find("\n[translated_from]\n");
            if (table == std::string::npos) {
                if (!text.empty() && !text.ends_with('\n')) text += '\n';
                text += "\n[translated_from]\n" + added;
            } else {
                text.insert(table + std::string_view("\n[translated_from]\n").size(), added);
            }
        }
        if (stringsWritten || !sectionStamps.empty()) ev::writeFileAtomically(s->stringsFile(tag), text);
    }
    const std::map<std::string, std::string> imported = im.signposts;
    for (const ev::Signpost& sp : s->pack.signposts) {
        const auto t = sp.text.find(tag);
        if (t == sp.text.end()) continue;
        for (const auto& [id, text] : signpostFields(t->second, sp.id))
            if (const auto got = im.signposts.find(id); got != im.signposts.end() && got->second == text) im.signposts.erase(got);
    }
    // A card is stamped as made from today's English only when this file translated every field
    // of it (units left without a target, such as the English that changed, keep it stale).
    std::map<std::string, std::string> stamps;
    for (std::size_t i = 0; i < s->pack.signposts.size(); ++i) {
        const ev::Signpost& sp = s->pack.signposts[i];
        const SignpostSource& where = s->signposts[i];
        if (const auto stamp = where.translatedFrom.find(tag); stamp != where.translatedFrom.end() && stamp->second == where.englishHash)
            continue;
        const auto english = signpostFields(sp.text.at(s->pack.defaultLocale), sp.id);
        if (std::all_of(english.begin(), english.end(), [&](const auto& e) { return e.second.empty() || imported.contains(e.first); }))
            stamps[sp.id] = where.englishHash;
    }
    if (!im.signposts.empty() || !stamps.empty()) applySignposts(*s, tag, im.signposts, stamps);
    int plansWritten = 0;
    for (const ev::Plan& plan : s->pack.plans) {
        const auto got = im.plans.find(plan.id);
        if (got == im.plans.end()) continue;
        const std::string stamp = s->planHash.at(plan.id);
        history[stamp] = planEnglish(plan, s->pack.defaultLocale);
        // As a help card: stamped as made from today's English only when this file translated
        // every field of it; a first translation is written only then, as a page is.
        const Fields english = planFields(plan.text.at(s->pack.defaultLocale));
        const auto t = plan.text.find(tag);
        const auto before = t == plan.text.end() ? std::map<std::string, std::string>{} : byName(planFields(t->second));
        std::map<std::string, std::string> fields;
        int missing = 0;
        for (const auto& [field, text] : english) {
            const auto g = got->second.find(field);
            const auto b = before.find(field);
            fields[field] = g != got->second.end() ? g->second : b != before.end() ? b->second : "";
            missing += !text.empty() && !got->second.contains(field);
        }
        if (t == plan.text.end() && missing) {
            im.leftAlone.push_back("plan " + plan.id + " (" + std::to_string(missing) + " fields not translated)");
            continue;
        }
        const std::string oldStamp = t == plan.text.end() ? "" : t->second.translatedFrom;
        const std::string newStamp = missing ? oldStamp : stamp;
        if (fields == before && newStamp == oldStamp) continue;
        ev::writeFileAtomically(src / "plans" / plan.id / (tag + ".toml"), planText(plan, s->pack.defaultLocale, fields, newStamp));
        ++plansWritten;
    }
    writeHistory(historyFile(src), history, keep);
    std::cout << "imported " << file.string() << " into " << tag << ": " << pagesWritten << " pages, " << stringsWritten
              << " UI strings, " << im.signposts.size() << " signpost texts, " << plansWritten << " plans written\n";
    for (const std::string& p : im.leftAlone) std::cout << "  left as it was: " << p << "\n";
    std::cout << "now run: everyvoice-pack lint " << src.string() << "\n";
    return kOk;
}

// What `stale` prints for a text kept as named fields: a word diff of each field whose English
// changed since before (the history's English for the translation's stamp; null if not known).
void printFieldChanges(const Fields& now, const EnglishText* before, const std::string& defaultLocale) {
    if (!before) {
        std::cout << "  the " << defaultLocale << " text it was made from is not known (no translated_from, or "
                  << "translated before the history was kept): check every field\n\n";
        return;
    }
    for (const auto& [field, text] : now) {
        const auto was = before->fields.find(field);
        const std::string old = was == before->fields.end() ? "" : was->second;
        std::string diff = wordDiff(old, text);
        while (diff.ends_with('\n')) diff.pop_back();
        if (old != text) std::cout << "  " << field << ": " << diff << "\n";
    }
    std::cout << "\n";
}

std::string wholeText(std::string_view title, std::string_view summary, std::string_view markdown) {
    return "title: " + std::string(title) + "\nsummary: " + std::string(summary) + "\n\n" + std::string(markdown);
}

} // namespace

int xliffCommand(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" ||
        std::find(args.begin(), args.end(), "--help") != args.end()) {
        std::cout << kXliffHelp;
        return args.empty() ? kUsage : kOk;
    }
    const auto o = parse("xliff", {args.begin() + 1, args.end()});
    if (!o) return kUsage;
    try {
        if (args[0] == "export") return exportXliff(*o);
        if (args[0] == "import") return importXliff(*o);
    } catch (const std::exception& e) {
        std::cerr << "everyvoice-pack: " << e.what() << "\n";
        return kInvalid;
    }
    return usage("xliff", "xliff takes export or import, not '" + args[0] + "'");
}

int staleCommand(const std::vector<std::string>& args) {
    if (std::find(args.begin(), args.end(), "--help") != args.end() || std::find(args.begin(), args.end(), "-h") != args.end()) {
        std::cout << kStaleHelp;
        return kOk;
    }
    const auto o = parse("stale", args);
    if (!o) return kUsage;
    if (o->positional.size() != 1) return usage("stale", "stale takes one content folder");
    try {
        const fs::path src = o->positional[0];
        const auto s = load(src, *o);
        if (!s) return kInvalid;
        if (!checkLocale(*s, o->locale, "stale")) return kUsage;
        const TranslationHistory history = readHistory(historyFile(src));
        int stale = 0;
        std::vector<std::string> untranslated;
        for (const ev::Page& p : s->pack.pages) {
            const auto& byLocale = s->files.at(p.id);
            const auto t = byLocale.find(o->locale);
            if (t == byLocale.end()) {
                untranslated.push_back(p.id);
                continue;
            }
            if (t->second.translatedFrom == s->sourceHash.at(p.id)) continue;
            ++stale;
            std::cout << t->second.file.string() << ": the English (" << pageEnglishFile(*s, p.id) << ") changed since this translation was made\n";
            const auto h = history.find(t->second.translatedFrom);
            if (h == history.end()) {
                std::cout << "  the English it was made from is not in " << historyFile(src).string()
                          << " (translated before the history was kept); compare the English with git log -p\n\n";
                continue;
            }
            const PageFile& e = byLocale.at(s->pack.defaultLocale);
            std::istringstream diff(wordDiff(wholeText(h->second.title, h->second.summary, h->second.markdown),
                                             wholeText(e.title, e.summary, e.markdown)));
            for (std::string line; std::getline(diff, line);) std::cout << "  " << line << "\n";
            std::cout << "\n";
        }
        int staleCards = 0;
        for (std::size_t i = 0; i < s->pack.signposts.size(); ++i) {
            const ev::Signpost& sp = s->pack.signposts[i];
            const SignpostSource& where = s->signposts[i];
            if (!sp.text.contains(o->locale) || !where.stale(o->locale)) continue;
            ++staleCards;
            std::cout << s->packToml.string() << ":" << where.textLines.at(o->locale) << ": the " << s->pack.defaultLocale
                      << " text of signpost '" << sp.id << "' changed since this translation was made; until it is "
                      << "translated again the kiosk shows that card in " << s->pack.defaultLocale << "\n";
            const auto english = cardFields(sp.text.at(s->pack.defaultLocale));
            printFieldChanges({english.begin(), english.end()}, historyOf(history, where.translatedFrom.at(o->locale)),
                              s->pack.defaultLocale);
        }
        int stalePlans = 0;
        for (const ev::Plan& plan : s->pack.plans) {
            const auto t = plan.text.find(o->locale);
            if (t == plan.text.end()) {
                untranslated.push_back("plan:" + plan.id);
                continue;
            }
            if (!t->second.stale) continue;
            ++stalePlans;
            const PlanFile& pf = s->planFiles.at(plan.id).at(o->locale);
            std::cout << pf.file.string() << ": the " << s->pack.defaultLocale << " text of plan '" << plan.id
                      << "' changed since this translation was made; until it is translated again present mode and handouts use "
                      << s->pack.defaultLocale << "\n";
            printFieldChanges(planFields(plan.text.at(s->pack.defaultLocale)), historyOf(history, t->second.translatedFrom), s->pack.defaultLocale);
        }
        int staleStrings = 0;
        if (const auto keys = s->staleStrings.find(o->locale); keys != s->staleStrings.end()) {
            const auto& stamps = s->stringStamps.at(o->locale);
            for (const std::string& key : keys->second) {
                ++staleStrings;
                const auto stamp = stamps.find(stringSection(key));
                const auto h = stamp == stamps.end() ? history.end() : history.find(stamp->second.stamp);
                const std::string& now = s->pack.strings.at(s->pack.defaultLocale).at(key);
                std::cout << s->stringsFile(o->locale).string() << ":" << s->stringLines.at(o->locale).at(key) << ": " << key
                          << ": the " << s->pack.defaultLocale << " changed since this translation was made";
                if (h == history.end() || !h->second.fields.contains(key)) {
                    std::cout << " (what it was is not known); now: " << now << "\n";
                    continue;
                }
                std::string diff = wordDiff(h->second.fields.at(key), now);
                while (diff.ends_with('\n')) diff.pop_back();
                std::cout << "\n  " << diff << "\n";
            }
            if (staleStrings) std::cout << "\n";
        }
        std::cout << o->locale << ": " << stale << (stale == 1 ? " page" : " pages") << " out of date";
        if (staleStrings) std::cout << ", " << staleStrings << (staleStrings == 1 ? " UI string" : " UI strings") << " out of date";
        if (staleCards) std::cout << ", " << staleCards << (staleCards == 1 ? " help card" : " help cards") << " out of date";
        if (stalePlans) std::cout << ", " << stalePlans << (stalePlans == 1 ? " plan" : " plans") << " out of date";
        if (!untranslated.empty()) std::cout << ", " << untranslated.size() << " not translated: " << sortedJoin(untranslated);
        std::cout << "\n";
    } catch (const std::exception& e) {
        std::cerr << "everyvoice-pack: " << e.what() << "\n";
        return kInvalid;
    }
    return kOk;
}

} // namespace evpack
