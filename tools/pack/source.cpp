#include "source.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <set>
#include <sstream>

#include "core/pack/markdown.h"
#include "core/pack/media.h"
#include "core/pack/pack_hash.h"
#include "markdown_problems.h"
#include "translation_history.h"

namespace evpack {

namespace fs = std::filesystem;
using ev::Audience;

namespace {

// "child, teen, parent or community", for messages.
std::string audienceList() {
    std::string out;
    const std::size_t n = std::size(ev::kAllAudiences);
    for (std::size_t i = 0; i < n; ++i) out += (i == 0 ? "" : i + 1 == n ? " or " : ", ") + std::string(ev::audienceId(ev::kAllAudiences[i]));
    return out;
}

bool validId(std::string_view id) {
    if (id.empty() || id.front() == '-') return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::optional<std::string> readText(const fs::path& file, Diagnostics& diag) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        diag.error(file, 1, "cannot read the file");
        return std::nullopt;
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Line number line (1-based) of text, without its end.
std::string_view lineOf(std::string_view text, int line) {
    for (int i = 1; i < line; ++i) {
        const auto nl = text.find('\n');
        if (nl == std::string_view::npos) return {};
        text.remove_prefix(nl + 1);
    }
    return text.substr(0, text.find('\n'));
}

// Reads typed values out of one TOML document, reporting anything missing, mistyped or unknown
// at its line. lineOffset places a front matter block within its Markdown file.
class Toml {
public:
    Toml(fs::path file, Diagnostics& diag, int lineOffset = 0) : file_(std::move(file)), diag_(diag), offset_(lineOffset) {}

    const fs::path& file() const { return file_; }

    std::optional<toml::table> parse(std::string_view text) {
        try {
            return toml::parse(text, file_.string());
        } catch (const toml::parse_error& e) {
            const int line = static_cast<int>(e.source().begin.line);
            std::string message(e.description());
            // The TOML reader describes an unclosed quote by what it met next (often the line
            // end): name the likely cause first, in words a content editor knows.
            if (std::count(lineOf(text, line).begin(), lineOf(text, line).end(), '"') % 2 == 1)
                message = "a closing \" is missing on this line (" + message + ")";
            diag_.error(file_, offset_ + line, static_cast<int>(e.source().begin.column), message);
            return std::nullopt;
        }
    }

    int line(const toml::node& n) const { return offset_ + static_cast<int>(n.source().begin.line); }
    int line(const toml::key& k) const { return offset_ + static_cast<int>(k.source().begin.line); }

    void error(int line, std::string message) { diag_.error(file_, line, std::move(message)); }

    void knownKeys(const toml::table& t, std::initializer_list<std::string_view> known, const std::string& where) {
        for (auto&& [k, v] : t) {
            if (std::find(known.begin(), known.end(), k.str()) != known.end()) continue;
            std::string list;
            for (std::string_view n : known) list += (list.empty() ? "" : ", ") + std::string(n);
            error(line(k), "unknown key '" + std::string(k.str()) + "' in " + where + " (known: " + list + ")");
        }
    }

    std::optional<std::string> string(const toml::table& t, std::string_view key, bool required, const std::string& where) {
        const toml::node* n = t.get(key);
        if (!n) {
            if (required) error(line(t), where + " needs " + std::string(key));
            return std::nullopt;
        }
        if (auto v = n->value<std::string>()) return v;
        error(line(*n), std::string(key) + " must be a string");
        return std::nullopt;
    }

    std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, const std::string& where) {
        const toml::node* n = t.get(key);
        if (!n) {
            error(line(t), where + " needs " + std::string(key));
            return std::nullopt;
        }
        if (n->is_integer()) return n->value<std::int64_t>();
        error(line(*n), std::string(key) + " must be a whole number");
        return std::nullopt;
    }

    bool flag(const toml::table& t, std::string_view key) {
        const toml::node* n = t.get(key);
        if (!n) return false;
        if (n->is_boolean()) return *n->value<bool>();
        error(line(*n), std::string(key) + " must be true or false");
        return false;
    }

    // Each element with its line; a wrong element is reported and skipped.
    std::vector<std::pair<std::string, int>> strings(const toml::table& t, std::string_view key) {
        std::vector<std::pair<std::string, int>> out;
        const toml::node* n = t.get(key);
        if (!n) return out;
        const toml::array* a = n->as_array();
        if (!a) {
            error(line(*n), std::string(key) + " must be a list of strings, like [\"a\", \"b\"]");
            return out;
        }
        for (const toml::node& e : *a) {
            if (auto v = e.value<std::string>()) out.emplace_back(*v, line(e));
            else error(line(e), std::string(key) + " must hold only strings");
        }
        return out;
    }

    std::vector<Audience> audiences(const toml::table& t, std::string_view key) {
        std::vector<Audience> out;
        for (const auto& [id, ln] : strings(t, key)) {
            if (auto a = ev::audienceFromId(id)) {
                if (std::find(out.begin(), out.end(), *a) == out.end()) out.push_back(*a);
            } else {
                error(ln, "unknown audience '" + id + "' (use " + audienceList() + ")");
            }
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    const toml::table* table(const toml::table& t, std::string_view key, bool required, const std::string& where) {
        const toml::node* n = t.get(key);
        if (!n) {
            if (required) error(line(t), where + " needs a [" + std::string(key) + "] table");
            return nullptr;
        }
        if (const toml::table* tt = n->as_table()) return tt;
        error(line(*n), std::string(key) + " must be a table");
        return nullptr;
    }

    // An array of tables ([[key]]); elements that are not tables are reported and skipped.
    std::vector<const toml::table*> tables(const toml::table& t, std::string_view key) {
        std::vector<const toml::table*> out;
        const toml::node* n = t.get(key);
        if (!n) return out;
        const toml::array* a = n->as_array();
        if (!a) {
            error(line(*n), std::string(key) + " must be written as [[" + std::string(key) + "]] tables");
            return out;
        }
        for (const toml::node& e : *a) {
            if (const toml::table* tt = e.as_table()) out.push_back(tt);
            else error(line(e), "each " + std::string(key) + " entry must be a table");
        }
        return out;
    }

private:
    fs::path file_;
    Diagnostics& diag_;
    int offset_;
};

std::string status(Toml& toml, const toml::table& t, const std::string& where) {
    const toml::node* n = t.get("status");
    auto s = toml.string(t, "status", false, where);
    if (!s) return "draft";
    if (*s != "draft" && *s != "reviewed") {
        toml.error(toml.line(*n), "status must be \"draft\" or \"reviewed\", not \"" + *s + "\"");
        return "draft";
    }
    return *s;
}

void readLocales(Toml& toml, const toml::table& root, Source& src) {
    for (const toml::table* t : toml.tables(root, "locales")) {
        toml.knownKeys(*t, {"tag", "status"}, "[[locales]]");
        auto tag = toml.string(*t, "tag", true, "[[locales]]");
        if (!tag) continue;
        if (src.localeLines.contains(*tag)) {
            toml.error(toml.line(*t), "locale '" + *tag + "' is listed twice");
            continue;
        }
        src.localeLines[*tag] = toml.line(*t);
        src.pack.locales.push_back({*tag, status(toml, *t, "[[locales]]")});
    }
    if (src.pack.locales.empty()) toml.error(1, "pack.toml needs at least one [[locales]] entry");
    else if (!src.localeLines.contains(src.pack.defaultLocale))
        toml.error(1, "default_locale '" + src.pack.defaultLocale + "' is not in [[locales]]");
}

void readTopics(Toml& toml, const toml::table& root, Source& src) {
    const toml::table* topics = toml.table(root, "topics", true, "pack.toml");
    if (!topics) return;
    for (auto&& [k, v] : *topics)
        if (!ev::audienceFromId(std::string(k.str())))
            toml.error(toml.line(k), "unknown audience '" + std::string(k.str()) + "' in [topics] (known: " + audienceList() + ")");
    for (Audience a : ev::kAllAudiences) {
        for (const auto& [id, ln] : toml.strings(*topics, ev::audienceId(a))) {
            src.pack.topics[a].push_back(id);
            src.topicLines[a].push_back(ln);
        }
    }
}

// [neutral.<tag>] with title and body is one item; [[neutral.<tag>]] repeated gives several.
void readNeutral(Toml& toml, const toml::table& root, Source& src) {
    const toml::table* neutral = toml.table(root, "neutral", true, "pack.toml");
    if (!neutral) return;
    for (auto&& [tag, node] : *neutral) {
        const std::string locale(tag.str());
        const std::string where = "[neutral." + locale + "]";
        std::vector<const toml::table*> items;
        if (const toml::table* t = node.as_table()) items.push_back(t);
        else items = toml.tables(*neutral, tag.str());
        if (items.empty()) toml.error(toml.line(node), where + " must be a table with title and body, or [[neutral." + locale + "]] items");
        for (const toml::table* t : items) {
            toml.knownKeys(*t, {"title", "body"}, where);
            auto title = toml.string(*t, "title", true, where);
            auto body = toml.string(*t, "body", true, where);
            if (!title || !body || !src.localeLines.contains(locale)) continue;
            src.pack.neutral[locale].push_back({*title, *body});
            src.neutralLines[locale].push_back(toml.line(*t));
        }
    }
    if (!neutral->contains(src.pack.defaultLocale))
        toml.error(toml.line(*neutral), "[neutral] needs text in the default locale: [[neutral." + src.pack.defaultLocale + "]]");
}

// [[questions]] with an id and its answers' ids: the end-of-visit questions (their words are UI
// strings, checked by lint). What the kiosk would refuse is an error here.
void readQuestions(Toml& toml, const toml::table& root, Source& src) {
    for (const toml::table* t : toml.tables(root, "questions")) {
        toml.knownKeys(*t, {"id", "answers"}, "[[questions]]");
        const int line = toml.line(*t);
        auto id = toml.string(*t, "id", true, "[[questions]]");
        if (!id) continue;
        ev::VisitQuestion q{*id, {}};
        for (auto& [answer, ln] : toml.strings(*t, "answers")) {
            if (!ev::validAnswerId(answer)) toml.error(ln, "answer '" + answer + "' may use only a-z, 0-9 and _ (at most 32)");
            else if (std::find(q.answers.begin(), q.answers.end(), answer) != q.answers.end())
                toml.error(ln, "answer '" + answer + "' is listed twice");
            else q.answers.push_back(answer);
        }
        if (!ev::validAnswerId(q.id)) toml.error(line, "question id '" + q.id + "' may use only a-z, 0-9 and _ (at most 32)");
        else if (q.answers.size() < ev::kMinAnswers || q.answers.size() > ev::kMaxAnswers)
            toml.error(line, "question '" + q.id + "' needs 2 to 4 answers, one tap each");
        else if (std::any_of(src.pack.questions.begin(), src.pack.questions.end(), [&](const ev::VisitQuestion& o) { return o.id == q.id; }))
            toml.error(line, "question '" + q.id + "' is listed twice");
        else if (src.pack.questions.size() == ev::kMaxVisitQuestions)
            toml.error(line, "at most 2 [[questions]]: the visitor is leaving, ask no more");
        else {
            src.pack.questions.push_back(std::move(q));
            src.questionLines.push_back(line);
        }
    }
}

// verify = true: every contact field is still to confirm; verify = ["hours"]: those fields.
void readSignpostVerify(Toml& toml, const toml::table& t, ev::Signpost& s) {
    const toml::node* n = t.get("verify");
    if (!n || n->is_boolean()) {
        s.verify = toml.flag(t, "verify");
        return;
    }
    for (auto& [field, ln] : toml.strings(t, "verify")) {
        if (field == "phones" || field == "web" || field == "hours") s.verifyFields.push_back(field);
        else toml.error(ln, "verify names '" + field + "'; a signpost's fields to confirm are phones, web and hours");
    }
    s.verify = !s.verifyFields.empty();
}

void readSignposts(Toml& toml, const toml::table& root, Source& src) {
    std::set<std::string> seen;
    for (const toml::table* t : toml.tables(root, "signposts")) {
        toml.knownKeys(*t, {"id", "phones", "web", "audiences", "verify", "text"}, "[[signposts]]");
        ev::Signpost s;
        SignpostSource where;
        where.line = toml.line(*t);
        auto id = toml.string(*t, "id", true, "[[signposts]]");
        if (!id) continue;
        if (!validId(*id)) toml.error(toml.line(*t->get("id")), "signpost id '" + *id + "' may use only a-z, 0-9 and -");
        if (!seen.insert(*id).second) toml.error(where.line, "signpost '" + *id + "' is listed twice");
        s.id = *id;
        for (auto& [phone, ln] : toml.strings(*t, "phones")) s.phones.push_back(phone);
        s.web = toml.string(*t, "web", false, "[[signposts]]").value_or("");
        s.audiences = toml.audiences(*t, "audiences");
        readSignpostVerify(toml, *t, s);
        if (s.verify) where.verifyLine = toml.line(*t->get("verify"));
        if (const toml::table* text = toml.table(*t, "text", true, "signpost '" + *id + "'")) {
            for (auto&& [tag, node] : *text) {
                const std::string w = "[signposts.text." + std::string(tag.str()) + "]";
                const toml::table* tt = node.as_table();
                if (!tt) {
                    toml.error(toml.line(node), w + " must be a table");
                    continue;
                }
                toml.knownKeys(*tt, {"name", "for", "description", "hours", "phone_labels", "translated_from"}, w);
                ev::SignpostText st;
                st.name = toml.string(*tt, "name", true, w).value_or("");
                st.forWhom = toml.string(*tt, "for", false, w).value_or("");
                st.description = toml.string(*tt, "description", false, w).value_or("");
                st.hours = toml.string(*tt, "hours", false, w).value_or("");
                for (auto& [label, ln] : toml.strings(*tt, "phone_labels")) st.phoneLabels.push_back(label);
                if (st.phoneLabels.size() > s.phones.size())
                    toml.error(toml.line(*tt->get("phone_labels")), "signpost '" + *id + "' has more phone_labels than phones");
                if (src.localeLines.contains(std::string(tag.str()))) {
                    where.translatedFrom[std::string(tag.str())] = toml.string(*tt, "translated_from", false, w).value_or("");
                    where.textLines[std::string(tag.str())] = toml.line(*tt);
                    s.text[std::string(tag.str())] = std::move(st);
                }
            }
            if (const auto e = s.text.find(src.pack.defaultLocale); e != s.text.end())
                where.englishHash = ev::signpostSourceHash(e->second);
            if (!text->contains(src.pack.defaultLocale))
                toml.error(where.line, "signpost '" + *id + "' needs text in the default locale: [signposts.text." +
                                           src.pack.defaultLocale + "]");
        }
        src.pack.signposts.push_back(std::move(s));
        src.signposts.push_back(where);
    }
}

void flatten(Toml& toml, const toml::table& t, const std::string& prefix, std::map<std::string, std::string>& out,
             std::map<std::string, int>& lines) {
    for (auto&& [k, v] : t) {
        const std::string key = prefix + std::string(k.str());
        if (const toml::table* sub = v.as_table()) {
            flatten(toml, *sub, key + ".", out, lines);
        } else if (auto s = v.value<std::string>()) {
            out[key] = *s;
            lines[key] = toml.line(v);
        } else {
            toml.error(toml.line(v), "UI string " + key + " must be a string");
        }
    }
}

void readStrings(Source& src, Diagnostics& diag) {
    for (const ev::LocaleInfo& l : src.pack.locales) {
        const fs::path file = src.stringsFile(l.tag);
        if (!fs::exists(file)) {
            if (l.tag == src.pack.defaultLocale) diag.error(file, 1, "no UI strings for the default locale");
            else diag.warning(file, 1, "no UI strings for " + l.tag + "; the kiosk will show " + src.pack.defaultLocale);
            continue;
        }
        if (auto text = readText(file, diag))
            parseStrings(*text, file, diag, src.pack.strings[l.tag], src.stringLines[l.tag], &src.stringStamps[l.tag]);
    }
}

// Stamps each section of the default locale's strings, and settles which translated strings
// are out of date: those of a stale section whose English changed since its stamp.
void finishStrings(Source& src, const fs::path& dir, Diagnostics& diag) {
    const auto def = src.pack.strings.find(src.pack.defaultLocale);
    if (def == src.pack.strings.end()) return;
    std::set<std::string> sections;
    for (const auto& [key, value] : def->second) sections.insert(stringSection(key));
    for (const std::string& section : sections) src.stringsHash[section] = ev::stringsSourceHash(src.englishSection(section));
    TranslationHistory history;
    try {
        history = readHistory(historyFile(dir));
    } catch (const std::exception& e) {
        diag.error(historyFile(dir), 1, e.what());
    }
    for (const auto& [tag, strings] : src.pack.strings) {
        if (tag == src.pack.defaultLocale) continue;
        for (const auto& [key, value] : strings) {
            const std::string section = stringSection(key);
            if (!src.sectionStale(tag, section)) continue;
            const auto& stamps = src.stringStamps[tag];
            const auto stamp = stamps.find(section);
            const auto h = stamp == stamps.end() ? history.end() : history.find(stamp->second.stamp);
            const auto english = def->second.find(key);
            const auto was = h == history.end() ? nullptr : &h->second.fields;
            if (!was || english == def->second.end() || !was->contains(key) || was->at(key) != english->second)
                src.staleStrings[tag].insert(key);
        }
    }
}

// Splits "+++\n<toml>\n+++\n<markdown>"; lines may end in CR LF.
struct FrontMatter {
    std::string_view toml;
    std::string_view markdown;
    int bodyLine;
};

std::optional<FrontMatter> splitFrontMatter(std::string_view text, const fs::path& file, Diagnostics& diag) {
    auto lineEnd = [&](std::size_t from) { return std::min(text.find('\n', from), text.size()); };
    auto isFence = [&](std::size_t from, std::size_t end) {
        std::string_view l = text.substr(from, end - from);
        if (l.ends_with('\r')) l.remove_suffix(1);
        while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
        return l == "+++";
    };
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (!isFence(0, lineEnd(0))) {
        diag.error(file, 1, "a page must start with a +++ line, then its front matter (title, audience, status), then +++");
        return std::nullopt;
    }
    std::size_t pos = lineEnd(0) + 1;
    int line = 2;
    const std::size_t tomlStart = std::min(pos, text.size());
    while (pos < text.size()) {
        const std::size_t end = lineEnd(pos);
        if (isFence(pos, end)) {
            const std::size_t body = std::min(end + 1, text.size());
            return FrontMatter{text.substr(tomlStart, pos - tomlStart), text.substr(body), line + 1};
        }
        pos = end + 1;
        ++line;
    }
    diag.error(file, 1, "the front matter has no closing +++ line");
    return std::nullopt;
}

void readPages(Source& src, const fs::path& dir, Diagnostics& diag) {
    const fs::path pagesDir = dir / "pages";
    if (!fs::is_directory(pagesDir)) {
        diag.error(pagesDir, 1, "no pages folder");
        return;
    }
    std::vector<fs::path> pageDirs;
    for (const auto& e : fs::directory_iterator(pagesDir))
        if (e.is_directory()) pageDirs.push_back(e.path());
    std::sort(pageDirs.begin(), pageDirs.end());
    for (const fs::path& pageDir : pageDirs) {
        const std::string id = pageDir.filename().string();
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(pageDir))
            if (e.is_regular_file()) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        if (!validId(id)) {
            diag.error(pageDir, 1, "page folder name '" + id + "' may use only a-z, 0-9 and - (it is the page id)");
            continue;
        }
        ev::Page page;
        page.id = id;
        for (const fs::path& file : files) {
            if (file.extension() != ".md") {
                diag.warning(file, 1, "not a page (pages are <locale>.md); ignored");
                continue;
            }
            const std::string tag = file.stem().string();
            if (!src.localeLines.contains(tag)) {
                diag.warning(file, 1, "locale '" + tag + "' is not in pack.toml [[locales]]; this file is left out");
                continue;
            }
            auto pf = readPageFile(file, diag);
            if (!pf) continue;
            ev::PageText text;
            text.title = pf->title;
            text.summary = pf->summary;
            src.files[id][tag] = std::move(*pf);
            page.text[tag] = std::move(text);
        }
        const auto def = src.files[id].find(src.pack.defaultLocale);
        if (def == src.files[id].end()) {
            // A default-locale file that failed to read has already been reported.
            const fs::path expected = pageDir / (src.pack.defaultLocale + ".md");
            if (!fs::exists(expected)) diag.error(expected, 1, "page '" + id + "' has no text in the default locale");
            src.files.erase(id);
            continue;
        }
        page.audiences = def->second.audiences;
        src.pack.pages.push_back(std::move(page));
    }
}

// Lists SRC/assets. What the files hold is checked by lint (asset_check.h).
void readAssets(Source& src, const fs::path& dir, Diagnostics& diag) {
    src.assetsDir = dir / "assets";
    if (!fs::is_directory(src.assetsDir)) return;
    for (const auto& e : fs::directory_iterator(src.assetsDir)) {
        if (!e.is_regular_file()) continue;
        const std::string name = e.path().filename().string();
        if (ev::validMediaName(name)) src.assets[name] = e.path();
        else diag.warning(e.path(), 1, "file names in assets/ use only a-z, A-Z, 0-9, -, _ and . (and do not start with .); "
                                        "this file is left out");
    }
}

// Parses each page's Markdown and settles its status and staleness against the default locale.
void finishPages(Source& src, Diagnostics& diag) {
    for (ev::Page& page : src.pack.pages) {
        const PageFile& def = src.files[page.id][src.pack.defaultLocale];
        const std::string hash = ev::pageSourceHash(def.title, def.summary, def.markdown);
        src.sourceHash[page.id] = hash;
        for (auto& [tag, text] : page.text) {
            const PageFile& pf = src.files[page.id][tag];
            ParsedMarkdown parsed = parseReportingAll(pf.markdown, pf.bodyLine);
            for (const MarkdownProblem& p : parsed.problems) diag.error(pf.file, p.line, p.column, p.message);
            text.body = std::move(parsed.document);
            text.status = pf.status;
            text.narration = pf.narration;
            text.translatedFrom = tag == src.pack.defaultLocale ? "" : pf.translatedFrom;
            text.stale = tag != src.pack.defaultLocale && pf.translatedFrom != hash;
        }
    }
}

// heading = N or blocks = [FIRST, LAST] in a [[steps]] table; neither is the whole page.
ev::PagePart readPart(Toml& toml, const toml::table& t) {
    ev::PagePart part;
    const toml::node* heading = t.get("heading");
    const toml::node* blocks = t.get("blocks");
    if (heading && blocks) toml.error(toml.line(t), "a step shows a heading's section or a range of blocks, not both");
    if (heading) {
        const auto n = heading->value<std::int64_t>();
        if (!heading->is_integer() || *n < 1) toml.error(toml.line(*heading), "heading is which heading of the page, counting from 1, like heading = 2");
        else part = {ev::PagePart::Kind::Heading, static_cast<int>(*n), 0};
    } else if (blocks) {
        const toml::array* a = blocks->as_array();
        const bool ok = a && a->size() == 2 && (*a)[0].is_integer() && (*a)[1].is_integer() && *(*a)[0].value<std::int64_t>() >= 1 &&
                        *(*a)[1].value<std::int64_t>() >= *(*a)[0].value<std::int64_t>();
        if (!ok) toml.error(toml.line(*blocks), "blocks is the first and last block of the page, counting from 1, like blocks = [3, 6]");
        else part = {ev::PagePart::Kind::Blocks, static_cast<int>(*(*a)[0].value<std::int64_t>()), static_cast<int>(*(*a)[1].value<std::int64_t>())};
    }
    return part;
}

// plans/<plan>/plan.toml: what the plan shows, in every language.
std::optional<ev::Plan> readPlanToml(const fs::path& file, const std::string& id, PlanSource& where, Diagnostics& diag) {
    auto text = readText(file, diag);
    if (!text) return std::nullopt;
    Toml toml(file, diag);
    auto root = toml.parse(*text);
    if (!root) return std::nullopt;
    toml.knownKeys(*root, {"audience", "minutes", "signposts", "question", "steps"}, "plan.toml");
    ev::Plan plan;
    plan.id = id;
    where.file = file;
    if (!root->contains("audience")) toml.error(1, "plan.toml needs audience, like audience = [\"parent\"]");
    plan.audiences = toml.audiences(*root, "audience");
    const auto minutes = toml.integer(*root, "minutes", "plan.toml");
    if (minutes && (*minutes < 1 || *minutes > 600)) toml.error(toml.line(*root->get("minutes")), "minutes must be 1 to 600");
    else if (minutes) plan.minutes = static_cast<int>(*minutes);
    for (auto& [sp, ln] : toml.strings(*root, "signposts")) {
        plan.signposts.push_back(sp);
        where.signpostLines.push_back(ln);
    }
    if (const toml::table* q = toml.table(*root, "question", false, "plan.toml")) {
        toml.knownKeys(*q, {"id", "answers"}, "[question]");
        ev::PlanQuestion question;
        question.id = toml.string(*q, "id", true, "[question]").value_or("");
        if (!question.id.empty() && !validId(question.id)) toml.error(toml.line(*q->get("id")), "question id '" + question.id + "' may use only a-z, 0-9 and -");
        for (auto& [a, ln] : toml.strings(*q, "answers")) {
            if (!validId(a)) toml.error(ln, "answer id '" + a + "' may use only a-z, 0-9 and -");
            question.answerIds.push_back(a);
        }
        if (question.answerIds.size() < 2 || question.answerIds.size() > 5)
            toml.error(toml.line(*q), "[question] needs 2 to 5 answers, like answers = [\"very\", \"a-little\", \"not-yet\"]");
        plan.question = std::move(question);
    }
    for (const toml::table* t : toml.tables(*root, "steps")) {
        toml.knownKeys(*t, {"page", "heading", "blocks"}, "[[steps]]");
        ev::PlanStep step;
        step.page = toml.string(*t, "page", true, "[[steps]]").value_or("");
        step.part = readPart(toml, *t);
        plan.steps.push_back(std::move(step));
        where.stepLines.push_back(toml.line(*t));
    }
    if (plan.steps.empty()) toml.error(1, "a plan needs at least one [[steps]] table naming a page");
    return plan;
}

// plans/<plan>/<locale>.toml: the plan's words in one language.
std::optional<ev::PlanText> readPlanText(const fs::path& file, const ev::Plan& plan, PlanFile& pf, Diagnostics& diag) {
    auto text = readText(file, diag);
    if (!text) return std::nullopt;
    Toml toml(file, diag);
    auto root = toml.parse(*text);
    if (!root) return std::nullopt;
    pf.file = file;
    for (auto&& [k, v] : *root) pf.keyLines[std::string(k.str())] = toml.line(k);
    toml.knownKeys(*root, {"title", "summary", "status", "translated_from", "reviewed_by", "reviewed_on", "question", "answers", "steps"},
                   "a plan's text");
    ev::PlanText t;
    t.title = toml.string(*root, "title", true, "a plan's text").value_or("");
    t.summary = toml.string(*root, "summary", false, "a plan's text").value_or("");
    t.status = status(toml, *root, "a plan's text");
    pf.translatedFrom = toml.string(*root, "translated_from", false, "a plan's text").value_or("");
    toml.string(*root, "reviewed_by", false, "a plan's text");
    t.question = toml.string(*root, "question", plan.question.has_value(), "a plan's text").value_or("");
    for (auto& [label, ln] : toml.strings(*root, "answers")) t.answers.push_back(label);
    if (!plan.question && (!t.question.empty() || !t.answers.empty()))
        toml.error(pf.line(t.question.empty() ? "answers" : "question"), "this plan has no [question] in plan.toml");
    if (plan.question && t.answers.size() != plan.question->answerIds.size())
        toml.error(pf.line("answers"), "answers has " + std::to_string(t.answers.size()) + " labels; plan.toml's question has " +
                                           std::to_string(plan.question->answerIds.size()) + " answers");
    for (const toml::table* st : toml.tables(*root, "steps")) {
        toml.knownKeys(*st, {"prompt", "notes"}, "[[steps]]");
        t.steps.push_back({toml.string(*st, "prompt", false, "[[steps]]").value_or(""), toml.string(*st, "notes", false, "[[steps]]").value_or("")});
        pf.stepLines.push_back(toml.line(*st));
    }
    if (t.steps.size() != plan.steps.size())
        toml.error(1, "has " + std::to_string(t.steps.size()) + " [[steps]] tables; plan.toml has " + std::to_string(plan.steps.size()) +
                          " steps (one each, in the same order)");
    return t;
}

void readPlans(Source& src, const fs::path& dir, Diagnostics& diag) {
    const fs::path plansDir = dir / "plans";
    if (!fs::is_directory(plansDir)) return; // a pack need not have plans
    std::vector<fs::path> planDirs;
    for (const auto& e : fs::directory_iterator(plansDir))
        if (e.is_directory()) planDirs.push_back(e.path());
    std::sort(planDirs.begin(), planDirs.end());
    for (const fs::path& planDir : planDirs) {
        const std::string id = planDir.filename().string();
        if (!validId(id)) {
            diag.error(planDir, 1, "plan folder name '" + id + "' may use only a-z, 0-9 and - (it is the plan id)");
            continue;
        }
        PlanSource where;
        auto plan = readPlanToml(planDir / "plan.toml", id, where, diag);
        if (!plan) continue;
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(planDir))
            if (e.is_regular_file() && e.path().filename() != "plan.toml") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
            const std::string tag = file.stem().string();
            if (file.extension() != ".toml") {
                diag.warning(file, 1, "not a plan's text (plans have plan.toml and <locale>.toml); ignored");
                continue;
            }
            if (!src.localeLines.contains(tag)) {
                diag.warning(file, 1, "locale '" + tag + "' is not in pack.toml [[locales]]; this file is left out");
                continue;
            }
            PlanFile pf;
            if (auto text = readPlanText(file, *plan, pf, diag)) {
                plan->text[tag] = std::move(*text);
                src.planFiles[id][tag] = std::move(pf);
            }
        }
        const auto def = plan->text.find(src.pack.defaultLocale);
        if (def == plan->text.end()) {
            const fs::path expected = planDir / (src.pack.defaultLocale + ".toml");
            if (!fs::exists(expected)) diag.error(expected, 1, "plan '" + id + "' has no text in the default locale");
            src.planFiles.erase(id);
            continue;
        }
        const std::string hash = ev::planSourceHash(def->second);
        src.planHash[id] = hash;
        for (auto& [tag, text] : plan->text) {
            text.translatedFrom = tag == src.pack.defaultLocale ? "" : src.planFiles[id][tag].translatedFrom;
            text.stale = tag != src.pack.defaultLocale && text.translatedFrom != hash;
        }
        src.plans[id] = std::move(where);
        src.pack.plans.push_back(std::move(*plan));
    }
}

} // namespace

bool SignpostSource::stale(const std::string& tag) const {
    const auto t = translatedFrom.find(tag);
    return t != translatedFrom.end() && t->second != englishHash;
}

int PlanFile::line(const std::string& key) const {
    const auto it = keyLines.find(key);
    return it == keyLines.end() ? 1 : it->second;
}

std::vector<std::uint8_t> Source::assetBytes(const std::string& name) const {
    const auto it = assets.find(name);
    if (it == assets.end()) return {};
    std::ifstream in(it->second, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int PageFile::line(const std::string& key) const {
    const auto it = keyLines.find(key);
    return it == keyLines.end() ? 1 : it->second;
}

std::optional<PageFile> readPageFile(const fs::path& file, Diagnostics& diag) {
    auto text = readText(file, diag);
    if (!text) return std::nullopt;
    return parsePageFile(*text, file, diag);
}

void parseStrings(std::string_view text, const fs::path& file, Diagnostics& diag, std::map<std::string, std::string>& strings,
                  std::map<std::string, int>& lines, std::map<std::string, StringStamp>* stamps) {
    Toml toml(file, diag);
    auto root = toml.parse(text);
    if (!root) return;
    if (const toml::table* t = (*root)["translated_from"].as_table()) {
        for (auto&& [section, v] : *t) {
            if (const auto stamp = v.value<std::string>()) {
                if (stamps) (*stamps)[std::string(section.str())] = {*stamp, toml.line(v)};
            } else {
                toml.error(toml.line(v), "translated_from." + std::string(section.str()) + " must be a string (a stamp)");
            }
        }
        root->erase("translated_from");
    }
    flatten(toml, *root, "", strings, lines);
}

std::string stringSection(const std::string& key) { return key.substr(0, key.find('.')); }

std::map<std::string, std::string> Source::englishSection(const std::string& section) const {
    std::map<std::string, std::string> out;
    if (const auto e = pack.strings.find(pack.defaultLocale); e != pack.strings.end())
        for (const auto& [key, value] : e->second)
            if (stringSection(key) == section) out[key] = value;
    return out;
}

bool Source::sectionStale(const std::string& tag, const std::string& section) const {
    const auto h = stringsHash.find(section);
    if (h == stringsHash.end()) return false; // the default locale has no such section
    const auto l = stringStamps.find(tag);
    if (l == stringStamps.end()) return true;
    const auto st = l->second.find(section);
    return st == l->second.end() || st->second.stamp != h->second;
}

std::optional<PageFile> parsePageFile(std::string_view text, const fs::path& file, Diagnostics& diag) {
    auto fm = splitFrontMatter(text, file, diag);
    if (!fm) return std::nullopt;
    Toml toml(file, diag, 1);
    auto root = toml.parse(fm->toml);
    if (!root) return std::nullopt;
    PageFile pf;
    pf.file = file;
    pf.markdown = std::string(fm->markdown);
    pf.bodyLine = fm->bodyLine;
    for (auto&& [k, v] : *root) pf.keyLines[std::string(k.str())] = toml.line(k);
    toml.knownKeys(*root, {"title", "summary", "audience", "status", "translated_from", "reviewed_by", "reviewed_on", "verify", "narration"}, "front matter");
    pf.title = toml.string(*root, "title", true, "front matter").value_or("");
    if (pf.title.empty() && root->contains("title")) toml.error(pf.line("title"), "title is empty");
    pf.summary = toml.string(*root, "summary", false, "front matter").value_or("");
    pf.hasAudience = root->contains("audience");
    pf.audiences = toml.audiences(*root, "audience");
    pf.status = status(toml, *root, "front matter");
    pf.translatedFrom = toml.string(*root, "translated_from", false, "front matter").value_or("");
    pf.reviewedBy = toml.string(*root, "reviewed_by", false, "front matter").value_or("");
    if (const toml::node* n = root->get("reviewed_on")) {
        if (const auto d = n->value<toml::date>()) {
            std::ostringstream day;
            day << *d;
            pf.reviewedOn = day.str();
        } else {
            toml.error(toml.line(*n), "reviewed_on is the day of the review, written as a date without quotes: reviewed_on = 2026-12-05");
        }
    }
    pf.verify = toml.flag(*root, "verify");
    pf.narration = toml.string(*root, "narration", false, "front matter").value_or("");
    if (!pf.narration.empty() && (!ev::validMediaName(pf.narration) || ev::mediaTypeFor(pf.narration) != ev::kOggType)) {
        toml.error(pf.line("narration"), "narration must name an Ogg Vorbis (.ogg) or Ogg Opus (.opus) recording in "
                                         "assets/, using a-z, 0-9, - and _, like narration = \"page-name-en.ogg\"");
        pf.narration.clear();
    }
    return pf;
}

std::string defaultLocaleOf(const fs::path& dir) {
    try {
        const toml::table root = toml::parse_file((dir / "pack.toml").string());
        return root["default_locale"].value_or(std::string("en"));
    } catch (const toml::parse_error&) {
        return "en";
    }
}

Source readSource(const fs::path& dir, const fs::path& localesDir, Diagnostics& diag) {
    Source src;
    src.packToml = dir / "pack.toml";
    src.localesDir = localesDir;
    src.factsFile = (dir / ".." / "facts.toml").lexically_normal(); // one list for every pack in content/
    if (!fs::is_directory(dir)) {
        diag.error(dir, 1, "not a content folder");
        return src;
    }
    Toml toml(src.packToml, diag);
    auto text = readText(src.packToml, diag);
    if (!text) return src;
    auto root = toml.parse(*text);
    if (!root) return src;

    toml.knownKeys(*root, {"id", "version", "title", "default_locale", "locales", "topics", "neutral", "signposts", "questions"}, "pack.toml");
    src.pack.id = toml.string(*root, "id", true, "pack.toml").value_or("");
    if (root->contains("id") && !validId(src.pack.id))
        toml.error(toml.line(*root->get("id")), "pack id '" + src.pack.id + "' may use only a-z, 0-9 and -");
    src.pack.version = toml.integer(*root, "version", "pack.toml").value_or(0);
    if (src.pack.version < 1 && root->contains("version")) toml.error(toml.line(*root->get("version")), "version must be 1 or more");
    src.pack.title = toml.string(*root, "title", true, "pack.toml").value_or("");
    src.pack.defaultLocale = toml.string(*root, "default_locale", true, "pack.toml").value_or("en");

    readLocales(toml, *root, src);
    readTopics(toml, *root, src);
    readNeutral(toml, *root, src);
    readQuestions(toml, *root, src);
    readSignposts(toml, *root, src);
    readStrings(src, diag);
    finishStrings(src, dir, diag);
    readPages(src, dir, diag);
    readAssets(src, dir, diag);
    finishPages(src, diag);
    readPlans(src, dir, diag);
    return src;
}

} // namespace evpack
