#include "html_export.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/i18n.h"
#include "core/pack/plan.h"
#include "html.h"
#include "media/png_image.h"
#include "site_assets.h"

namespace evpack {

namespace fs = std::filesystem;
using ev::Audience;

namespace {

// Locale tags and page ids become file names: a pack made by hand must not reach outside DIR.
void checkName(const std::string& name, const char* what) {
    const bool ok = !name.empty() && name.front() != '-' && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!ok) throw std::runtime_error(std::string("cannot export ") + what + " '" + name + "': only A-Z, a-z, 0-9 and - make a file name");
}

void writeFile(const fs::path& file, std::string_view text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(errno));
}

// lang and dir for an element whose text is in `tag`, when that differs from its parent's.
std::string langAttrs(const std::string& tag, const std::string& parent) {
    if (tag == parent) return "";
    return " lang=\"" + escapeHtml(tag) + "\" dir=\"" + (ev::isRightToLeft(tag) ? "rtl" : "ltr") + "\"";
}

// A phone number as dialled: the digits (and a leading +) of the number as shown.
std::string telHref(const std::string& phone) {
    std::string out = "tel:";
    for (char c : phone)
        if ((c >= '0' && c <= '9') || (c == '+' && out.size() == 4)) out += c;
    return out;
}

// "Page - Site", or the page's title alone where that would be longer than a browser tab or
// a search result shows (70 characters; html-validate's long-title), cut short with "…" where
// even that is longer (a session plan's title in some languages).
std::string documentTitle(const std::string& page, const std::string& site) {
    constexpr long kMax = 70;
    const auto characters = [](const std::string& s) { return std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }); };
    const std::string both = page + " - " + site;
    if (characters(both) <= kMax) return escapeHtml(both);
    if (characters(page) <= kMax) return escapeHtml(page);
    std::string cut;
    for (std::size_t i = 0; i < page.size(); ++i) {
        if ((page[i] & 0xC0) != 0x80 && characters(cut) == kMax - 1) break;
        cut += page[i];
    }
    // At a word's end where there is one.
    if (page[cut.size()] != ' ' && cut.find(' ') != std::string::npos) cut.erase(cut.rfind(' '));
    while (cut.ends_with(' ')) cut.pop_back();
    return escapeHtml(cut + "\u2026");
}

std::string pageFile(const std::string& id) { return "page-" + id + ".html"; }
std::string planFile(const std::string& id) { return "plan-" + id + ".html"; }
std::string topicsFile(Audience a) { return std::string("topics-") + ev::audienceId(a) + ".html"; }

// Marks each of names (longest first) in the text of html, never inside a tag, as English
// text: <bdi lang="en">, so a screen reader says it in English and, on an Urdu page, a name
// such as "Stop It Now!" keeps its "!" at its end.
std::string markEnglish(const std::string& html, const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (html[i] == '<') {
            const std::size_t end = html.find('>', i);
            const std::size_t stop = end == std::string::npos ? html.size() : end + 1;
            out.append(html, i, stop - i);
            i = stop;
            continue;
        }
        const auto name = std::find_if(names.begin(), names.end(), [&](const std::string& n) { return html.compare(i, n.size(), n) == 0; });
        if (name == names.end()) {
            out += html[i++];
            continue;
        }
        out += "<bdi lang=\"en\">" + *name + "</bdi>";
        i += name->size();
    }
    return out;
}

class Site {
public:
    Site(const ev::Pack& pack, fs::path dir) : pack_(pack), dir_(std::move(dir)) {
        // The services' English names, which translations keep as they are ("Childline",
        // "Stop It Now!"), as the escaped HTML they appear as, with and without "The ".
        for (const ev::Signpost& s : pack_.signposts) {
            const auto en = s.text.find(pack_.defaultLocale);
            if (pack_.defaultLocale != "en" || en == s.text.end() || en->second.name.empty()) continue;
            const std::string name = textHtml(en->second.name);
            englishNames_.push_back(name);
            if (name.starts_with("The ")) englishNames_.push_back(name.substr(4));
        }
        std::sort(englishNames_.begin(), englishNames_.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    }

    int write() {
        for (const ev::LocaleInfo& l : pack_.locales) checkName(l.tag, "locale");
        for (const ev::Page& p : pack_.pages) checkName(p.id, "page");
        for (const ev::Plan& p : pack_.plans) checkName(p.id, "plan");
        fs::create_directories(dir_);
        writeMedia();
        writeFile(dir_ / "style.css", kSiteCss);
        writeFile(dir_ / "index.html", languagesPage());
        writeFile(dir_ / "neutral.html", neutralPage());
        int files = 2;
        for (const ev::LocaleInfo& l : pack_.locales) {
            const fs::path d = dir_ / l.tag;
            fs::create_directories(d);
            writeFile(d / "index.html", audiencePage(l.tag));
            writeFile(d / "help.html", helpPage(l.tag));
            files += 2;
            for (Audience a : ev::kAllAudiences) {
                writeFile(d / topicsFile(a), topicsPage(l.tag, a));
                ++files;
            }
            for (const ev::Page& p : pack_.pages) {
                writeFile(d / pageFile(p.id), contentPage(l.tag, p.id));
                ++files;
            }
            for (const ev::Plan& p : pack_.plans) {
                writeFile(d / planFile(p.id), planPage(l.tag, p));
                ++files;
            }
        }
        return files;
    }

private:
    // Every image and recording into DIR/media/ (the reader took only valid file names), and
    // each image's size for its <img>: the browser then keeps its place before it loads.
    void writeMedia() {
        if (pack_.mediaByName.empty()) return;
        fs::create_directories(dir_ / "media");
        for (const auto& [name, m] : pack_.mediaByName) {
            writeFile(dir_ / "media" / name, std::string_view(reinterpret_cast<const char*>(m.bytes.data()), m.bytes.size()));
            std::string error;
            if (m.type != ev::kPngType) continue;
            if (const auto image = ev::decodePng(m.bytes, error)) imageSizes_[name] = {image->width, image->height};
        }
    }

    // An image the browser could not show is given as its alt text.
    std::string imageHtml(const std::string& name, const std::string& alt) const {
        const auto size = imageSizes_.find(name);
        if (size == imageSizes_.end()) return "<p>" + textHtml(alt) + "</p>\n";
        return "<p><img src=\"../media/" + escapeHtml(name) + "\" alt=\"" + escapeHtml(alt) + "\" width=\"" +
               std::to_string(size->second.first) + "\" height=\"" + std::to_string(size->second.second) + "\"></p>\n";
    }

    std::string str(const std::string& key, const std::string& locale) const {
        return textHtml(pack_.string(key, locale));
    }

    // The page around a body (HTML) titled title (text): skip link, bar with the quick exit,
    // main, the exit script.
    // inLocale: the file is in DIR/<locale>/ and has the locale's navigation.
    std::string document(const std::string& locale, const std::string& title, const std::string& body,
                         bool inLocale) const {
        const std::string root = inLocale ? "../" : "";
        std::string out = "<!DOCTYPE html>\n<html lang=\"" + escapeHtml(locale) + "\" dir=\"" +
                          (ev::isRightToLeft(locale) ? "rtl" : "ltr") + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
                          "<meta name=\"referrer\" content=\"no-referrer\">\n<title>" + documentTitle(title, pack_.title) +
                          "</title>\n<link rel=\"stylesheet\" href=\"" + root +
                          "style.css\">\n</head>\n<body>\n";
        out += "<a class=\"skip\" href=\"#main\">" + str("web.skip", locale) + "</a>\n<header class=\"bar\">\n";
        out += "<a class=\"brand\" href=\"index.html\"" + langAttrs(pack_.defaultLocale, locale) + ">" + escapeHtml(pack_.title) + "</a>\n";
        if (inLocale) {
            out += "<nav>\n<ul>\n<li><a href=\"index.html\">" + str("nav.home", locale) + "</a></li>\n" +
                   "<li><a href=\"../index.html\">" + str("nav.language", locale) + "</a></li>\n" +
                   "<li><a href=\"help.html\">" + str("nav.help", locale) + "</a></li>\n</ul>\n</nav>\n";
        }
        out += "<a id=\"exit\" class=\"exit\" href=\"" + root + "neutral.html\">" + str("nav.exit", locale) +
               " <span aria-hidden=\"true\"><span class=\"dot\"></span> <span class=\"dot\"></span> "
               "<span class=\"dot\"></span></span></a>\n";
        out += "<p id=\"exit-hint\" class=\"exit-hint\" hidden>" + str("web.exit_hint", locale) + "</p>\n";
        out += "</header>\n<main id=\"main\">\n" + (locale == pack_.defaultLocale ? body : markEnglish(body, englishNames_)) + "</main>\n<script>\n" + kExitScript +
               "\n</script>\n</body>\n</html>\n";
        return out;
    }

    std::string helpLink(const std::string& locale) const {
        return "<p><a class=\"help-now\" href=\"help.html\">" + str("nav.help", locale) + "</a></p>\n";
    }

    std::string languagesPage() const {
        const std::string& def = pack_.defaultLocale;
        std::string body = "<h1>" + str("languages.title", def) + "</h1>\n<ul class=\"choices\">\n";
        for (const ev::LocaleInfo& l : pack_.locales) {
            body += "<li><a href=\"" + l.tag + "/index.html\" hreflang=\"" + l.tag + "\"" + langAttrs(l.tag, def) +
                    "><span class=\"name\">" + escapeHtml(ev::autonym(l.tag)) + "</span><span class=\"hint\">" +
                    str("attract.tagline", l.tag) + "</span></a></li>\n";
        }
        body += "</ul>\n";
        return document(def, pack_.string("languages.title", def), body, false);
    }

    std::string neutralPage() const {
        const std::string& def = pack_.defaultLocale;
        const auto it = pack_.neutral.find(def);
        // The first item: a static page has no script to choose one at random.
        const ev::NeutralScreen n = it == pack_.neutral.end() || it->second.empty() ? ev::NeutralScreen{} : it->second.front();
        // Nothing here may hint at the site left behind: no bar, no links, no script.
        return "<!DOCTYPE html>\n<html lang=\"" + escapeHtml(def) + "\" dir=\"" + (ev::isRightToLeft(def) ? "rtl" : "ltr") +
               "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
               "initial-scale=1\">\n<title>" +
               escapeHtml(n.title) + "</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n" +
               "<main class=\"neutral\">\n<h1>" + textHtml(n.title) + "</h1>\n<p>" + textHtml(n.body) +
               "</p>\n</main>\n</body>\n</html>\n";
    }

    std::string audiencePage(const std::string& locale) const {
        std::string body = "<h1>" + str("audience.title", locale) + "</h1>\n<ul class=\"choices\">\n";
        for (Audience a : ev::kAllAudiences) {
            const std::string id = ev::audienceId(a);
            body += "<li><a href=\"" + topicsFile(a) + "\"><span class=\"name\">" + str("audience." + id, locale) +
                    "</span><span class=\"hint\">" + str("audience." + id + "_hint", locale) + "</span></a></li>\n";
        }
        body += "</ul>\n";
        // The session plans, for a partner preparing a talk (docs/presenting.md).
        if (!pack_.plans.empty()) {
            body += "<h2>" + str("web.plans", locale) + "</h2>\n<ul class=\"choices\">\n";
            for (const ev::Plan& p : pack_.plans) {
                bool stale = false;
                const ev::PlanText* t = pack_.planTextToShow(p.id, locale, stale);
                body += "<li><a href=\"" + planFile(p.id) + "\"" + langAttrs(planLocale(p, locale), locale) + "><span class=\"name\">" +
                        textHtml(t->title) + "</span>";
                if (!t->summary.empty()) body += "<span class=\"hint\">" + textHtml(t->summary) + "</span>";
                body += "</a></li>\n";
            }
            body += "</ul>\n";
        }
        body += helpLink(locale);
        return document(locale, pack_.string("audience.title", locale), body, true);
    }

    // The text a topic tile shows is the page's title in the reader's language, as on the kiosk.
    std::string textLocale(const std::string& pageId, const std::string& locale) const {
        const ev::Page* p = pack_.page(pageId);
        return p && p->text.contains(locale) ? locale : pack_.defaultLocale;
    }

    std::string topicsPage(const std::string& locale, Audience a) const {
        const std::string title = pack_.string(std::string("topics.title_") + ev::audienceId(a), locale);
        std::string body = "<h1>" + textHtml(title) + "</h1>\n";
        const auto topics = pack_.topics.find(a);
        if (topics != pack_.topics.end() && !topics->second.empty()) {
            body += "<ul class=\"choices\">\n";
            for (const std::string& id : topics->second) {
                const ev::PageText* t = pack_.pageText(id, locale);
                if (!t) continue;
                body += "<li><a href=\"" + pageFile(id) + "\"" + langAttrs(textLocale(id, locale), locale) +
                        "><span class=\"name\">" + textHtml(t->title) + "</span>";
                if (!t->summary.empty()) body += "<span class=\"hint\">" + textHtml(t->summary) + "</span>";
                body += "</a></li>\n";
            }
            body += "</ul>\n";
        }
        body += helpLink(locale);
        return document(locale, title, body, true);
    }

    std::string contentPage(const std::string& locale, const std::string& pageId) const {
        bool stale = false;
        const ev::PageText* t = pack_.pageTextToShow(pageId, locale, stale);
        const std::string shown = stale ? pack_.defaultLocale : textLocale(pageId, locale);
        const std::string attrs = langAttrs(shown, locale);
        std::string body = "<h1" + attrs + ">" + textHtml(t->title) + "</h1>\n";
        if (stale) body += "<p class=\"note\">" + str("page.stale", locale) + "</p>\n";
        else if (shown != locale) body += "<p class=\"note\">" + str("page.untranslated", locale) + "</p>\n";
        // The recording is of the text shown, so it goes with that text (English when stale).
        if (!t->narration.empty())
            body += "<p" + attrs + "><audio controls preload=\"none\" src=\"../media/" + escapeHtml(t->narration) +
                    "\" aria-label=\"" + str("page.listen", shown) + "\"></audio></p>\n";
        const std::string content = documentHtml(
            t->body,
            [&](const std::string& target) -> std::string {
                if (target == "help") return "help.html";
                const std::string id = target.substr(5); // "page:"
                return pack_.page(id) ? pageFile(id) : "";
            },
            [&](const std::string& name, const std::string& alt) { return imageHtml(name, alt); });
        body += attrs.empty() ? content : "<div" + attrs + ">\n" + content + "</div>\n";
        body += "<p>" + str("page.help_prompt", locale) + "</p>\n" + helpLink(locale);
        return document(locale, t->title, body, true);
    }

    // The language a plan's words are shown in: the reader's, or the default where the
    // translation is missing or out of date.
    std::string planLocale(const ev::Plan& p, const std::string& locale) const {
        const auto t = p.text.find(locale);
        return t != p.text.end() && !t->second.stale ? locale : pack_.defaultLocale;
    }

    // A session plan as a partner prepares it: who it is for, how long it takes, the question
    // for the room, each step's page and discussion prompt, and where to get help. The
    // facilitator's notes stay off the public site (docs/presenting.md says why).
    std::string planPage(const std::string& locale, const ev::Plan& p) const {
        bool stale = false;
        const ev::PlanText* t = pack_.planTextToShow(p.id, locale, stale);
        const std::string shown = planLocale(p, locale);
        const std::string attrs = langAttrs(shown, locale);
        std::string body = "<h1" + attrs + ">" + textHtml(t->title) + "</h1>\n";
        if (stale) body += "<p class=\"note\">" + str("page.stale", locale) + "</p>\n";
        else if (shown != locale) body += "<p class=\"note\">" + str("page.untranslated", locale) + "</p>\n";
        if (!t->summary.empty()) body += "<p" + attrs + ">" + textHtml(t->summary) + "</p>\n";
        body += "<ul>\n";
        for (Audience a : p.audiences) body += "<li>" + str(std::string("topics.title_") + ev::audienceId(a), locale) + "</li>\n";
        body += "<li>" + str("web.plan_length", locale) + " " + std::to_string(p.minutes) + "</li>\n</ul>\n";
        if (p.question && !t->question.empty()) {
            body += "<h2>" + str("web.plan_question", locale) + "</h2>\n<p" + attrs + ">" + textHtml(t->question) + "</p>\n<ul" + attrs + ">\n";
            for (const std::string& a : t->answers) body += "<li>" + textHtml(a) + "</li>\n";
            body += "</ul>\n";
        }
        body += "<h2>" + str("web.plan_steps", locale) + "</h2>\n<ol class=\"steps\">\n";
        for (std::size_t i = 0; i < p.steps.size(); ++i) {
            const ev::PlanStep& step = p.steps[i];
            const ev::PageText* page = pack_.pageText(step.page, locale);
            if (!page) continue;
            std::string name = textHtml(page->title);
            // A step showing one heading's section names that heading too.
            if (const auto range = ev::partBlocks(page->body, step.part); range && step.part.kind == ev::PagePart::Kind::Heading)
                name += " &ndash; " + textHtml(page->body.blocks[range->begin].plainText());
            body += "<li><a href=\"" + pageFile(step.page) + "\"" + langAttrs(textLocale(step.page, locale), locale) + ">" + name + "</a>";
            if (i < t->steps.size() && !t->steps[i].prompt.empty())
                body += "\n<p><span class=\"label\">" + str("web.plan_prompt", locale) + "</span> <span" + attrs + ">" +
                        textHtml(t->steps[i].prompt) + "</span></p>\n";
            body += "</li>\n";
        }
        body += "</ol>\n";
        if (!p.signposts.empty()) {
            body += "<h2>" + str("help.title", locale) + "</h2>\n<ul>\n";
            for (const std::string& id : p.signposts) {
                const ev::Signpost* sp = pack_.signpost(id);
                const ev::SignpostText* st = sp ? sp->textIn(locale, pack_.defaultLocale) : nullptr;
                if (!st) continue;
                body += "<li><a href=\"help.html#sp-" + escapeHtml(id) + "\"" +
                        langAttrs(sp->text.contains(locale) ? locale : pack_.defaultLocale, locale) + ">" + textHtml(st->name) + "</a></li>\n";
            }
            body += "</ul>\n";
        }
        body += helpLink(locale);
        return document(locale, t->title, body, true);
    }

    std::string card(const ev::Signpost& s, const std::string& locale) const {
        const ev::SignpostText* t = s.textIn(locale, pack_.defaultLocale);
        if (!t) return "";
        const std::string textTag = s.text.contains(locale) ? locale : pack_.defaultLocale;
        std::string out = "<section class=\"card\" aria-labelledby=\"sp-" + escapeHtml(s.id) + "\"" +
                          langAttrs(textTag, locale) + ">\n<h2 id=\"sp-" + escapeHtml(s.id) + "\">" +
                          textHtml(t->name) + "</h2>\n";
        if (!t->forWhom.empty()) out += "<p class=\"for\">" + textHtml(t->forWhom) + "</p>\n";
        // Details still to be confirmed are not shown at all, on the web as in a release pack.
        const bool phones = s.confirmed("phones"), web = s.confirmed("web"), hours = s.confirmed("hours");
        for (std::size_t i = 0; phones && i < s.phones.size(); ++i) {
            const std::string label =
                i < t->phoneLabels.size() ? textHtml(t->phoneLabels[i]) : str("help.call", textTag);
            // Numbers are shown as in the pack, left to right in every language, and never
            // broken across lines: its spaces are no-break spaces.
            std::string shown = escapeHtml(s.phones[i]);
            for (std::size_t at = shown.find(' '); at != std::string::npos; at = shown.find(' ', at))
                shown.replace(at, 1, "&nbsp;");
            out += "<p class=\"label\">" + label + "</p>\n<p class=\"phone\"><a href=\"" + telHref(s.phones[i]) +
                   "\" dir=\"ltr\">" + shown + "</a></p>\n";
        }
        if (web && !s.web.empty())
            out += "<p class=\"web\"><a href=\"https://" + escapeHtml(s.web) + "\" dir=\"ltr\">" + escapeHtml(s.web) + "</a></p>\n";
        if (hours && !t->hours.empty()) out += "<p class=\"hours\">" + textHtml(t->hours) + "</p>\n";
        if (!hours && phones && web) out += "<p class=\"pending\">" + str("help.verify_hours", textTag) + "</p>\n";
        if (!t->description.empty()) out += "<p>" + textHtml(t->description) + "</p>\n";
        if (!phones || !web) out += "<p class=\"pending\">" + str("help.verify", textTag) + "</p>\n";
        return out + "</section>\n";
    }

    std::string helpPage(const std::string& locale) const {
        std::string body = "<h1>" + str("help.title", locale) + "</h1>\n<p>" + str("help.intro", locale) + "</p>\n";
        for (const ev::Signpost& s : pack_.signposts) body += card(s, locale);
        return document(locale, pack_.string("help.title", locale), body, true);
    }

    const ev::Pack& pack_;
    fs::path dir_;
    std::map<std::string, std::pair<int, int>> imageSizes_; // name -> width, height of images that decode
    std::vector<std::string> englishNames_; // escaped, longest first: see markEnglish
};

} // namespace

int exportHtml(const ev::Pack& pack, const fs::path& dir) { return Site(pack, dir).write(); }

} // namespace evpack
