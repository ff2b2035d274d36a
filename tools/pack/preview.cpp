#include "preview.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/i18n/i18n.h"
#include "core/pack/plan.h"
#include "html.h"
#include "child_process.h"

namespace evpack {

namespace fs = std::filesystem;

namespace {

struct Shot {
    std::string screen;  // as --goto takes it
    std::string caption; // for the contact sheet
    int parts = 1;       // screenfuls at most: each further one scrolled down by a drag
    bool cut = false;    // all parts differ: the screen may go on past the last
    bool keyed = false;  // present mode: each further part is the next screen (the Right key)
};

// The help screen, which must be checked whole (every card's numbers), is shot up to this
// many screenfuls; those past its end are the same picture again and are dropped. Pages are
// shot once unless --whole-pages asks for them whole: a screenful at a time for 27 pages in
// 10 languages takes several times as long.
constexpr int kMaxParts = 4;
constexpr int kMaxPageParts = 10;

// Present mode is drawn as on a projector.
constexpr int kPresentWidth = 1920, kPresentHeight = 1080;

// One kiosk process: its language (none for the screens every language shares) and screens.
struct Run {
    std::string folder; // under DIR, holds the PNGs
    std::string locale; // "" for the attract and neutral screens, which reset the language
    std::string heading;
    std::vector<Shot> shots;
    bool present = false; // drawn at kPresentWidth x kPresentHeight, not the options' size
};

// DIR/<locale>/<screen>.png, and <screen>-<part>.png for the screenfuls after the first.
std::string pngName(const std::string& screen, int part = 1) {
    std::string name = screen;
    for (char& c : name)
        if (c == ':') c = '-';
    return name + (part > 1 ? "-" + std::to_string(part) : "") + ".png";
}

std::string fileBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Removes the screenfuls shot after a screen's end (a drag that moved nothing draws the same
// picture); returns how many are left.
int dropRepeats(const fs::path& dir, const Shot& shot) {
    int kept = 1;
    while (kept < shot.parts && fileBytes(dir / pngName(shot.screen, kept + 1)) != fileBytes(dir / pngName(shot.screen, kept)))
        ++kept;
    for (int part = kept + 1; part <= shot.parts; ++part) fs::remove(dir / pngName(shot.screen, part));
    return kept;
}

// How many screens to draw of a plan at most: its question at the start and the end, each
// step's section per heading and its discussion prompt, the services and the session record,
// with room to spare for a long section going on to another screen. A plan that has more is
// drawn up to here and captioned as cut.
int presentScreens(const ev::Pack& pack, const ev::Plan& p, const std::string& locale) {
    int screens = 8;
    for (const ev::PlanStep& step : p.steps) {
        screens += 3;
        if (const ev::PageText* t = pack.pageText(step.page, locale))
            if (const auto range = ev::partBlocks(t->body, step.part))
                for (std::size_t b = range->begin; b < range->end; ++b) screens += t->body.blocks[b].kind == ev::Block::Kind::Heading;
    }
    return screens;
}

std::vector<Run> plan(const ev::Pack& pack, bool wholePages, bool plans) {
    std::vector<Run> runs;
    // Attract cycles through every language and the quick exit forgets the reader's, so each
    // is drawn once.
    runs.push_back({"_start", "", "Start and quick exit (every language)",
                    {{"attract", "attract: the start screen"}, {"neutral", "neutral: where the quick exit goes"}}});
    for (const ev::LocaleInfo& l : pack.locales) {
        Run r{l.tag, l.tag, ev::autonym(l.tag) + " (" + l.tag + ", " + l.status + ")", {}};
        r.shots = {{"languages", "languages"}, {"audience", "audience: who are you?"}};
        for (ev::Audience a : ev::kAllAudiences) {
            const std::string id = ev::audienceId(a);
            r.shots.push_back({"topics:" + id, "topics for " + id});
        }
        r.shots.push_back({"help", "help: get help now", kMaxParts});
        for (const ev::Page& p : pack.pages) {
            bool stale = false;
            const ev::PageText* t = pack.pageTextToShow(p.id, l.tag, stale);
            std::string caption = p.id + ": " + t->title;
            if (stale) caption += " (translation out of date: shows " + pack.defaultLocale + ")";
            else if (!p.text.contains(l.tag)) caption += " (not translated: shows " + pack.defaultLocale + ")";
            else if (t->status == "draft") caption += " (draft)";
            r.shots.push_back({"page:" + p.id, caption, wholePages ? kMaxPageParts : 1});
        }
        runs.push_back(std::move(r));
    }
    // Each session plan as present mode shows it to the room, in the default locale and each
    // language it is translated into (elsewhere it is the default locale's plan again).
    for (const ev::LocaleInfo& l : plans ? pack.locales : std::vector<ev::LocaleInfo>{}) {
        Run r{l.tag + "-present", l.tag, ev::autonym(l.tag) + " (" + l.tag + "): session plans in present mode", {}, true};
        for (const ev::Plan& p : pack.plans) {
            const auto t = p.text.find(l.tag);
            if (t == p.text.end() || (t->second.stale && l.tag != pack.defaultLocale)) continue;
            r.shots.push_back({"present:plan:" + p.id, "plan " + p.id + ": " + t->second.title + (t->second.status == "draft" ? " (draft)" : ""),
                               presentScreens(pack, p, l.tag), false, true});
        }
        if (!r.shots.empty()) runs.push_back(std::move(r));
    }
    return runs;
}

std::string tail(const fs::path& log) {
    std::ifstream in(log);
    std::ostringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    if (text.size() > 2000) text = "..." + text.substr(text.size() - 2000);
    return text;
}

std::string contactSheet(const ev::Pack& pack, const std::vector<Run>& runs, const PreviewOptions& o, int shots) {
    const int thumbW = o.width / 4, thumbH = o.height / 4;
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Preview: " +
        escapeHtml(pack.id) + " version " + std::to_string(pack.version) +
        "</title>\n<style>\n"
        "body { font-family: \"Noto Sans\", sans-serif; background: #f7f5f0; color: #17202a; margin: 1rem 2rem; }\n"
        ".sheet { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1.5rem; }\n"
        ".sheet li { width: " + std::to_string(thumbW) + "px; }\n"
        ".sheet li.wide { width: " + std::to_string(kPresentWidth / 4) + "px; }\n"
        ".sheet img { display: block; border: 1px solid #6b7580; background: #fff; }\n"
        ".sheet p { margin: 0.3rem 0 0; font-size: 0.85rem; }\n"
        "</style>\n</head>\n<body>\n<main>\n<h1>Preview of pack " +
        escapeHtml(pack.id) + " version " + std::to_string(pack.version) + "</h1>\n<p>" + std::to_string(shots) +
        " screens drawn by the kiosk at " + std::to_string(o.width) + "x" + std::to_string(o.height) +
        " from " + escapeHtml(o.pack.filename().string()) + " (built " + escapeHtml(pack.builtAt) +
        "). Select a picture to see it full size.</p>\n<nav>\n<ul>\n";
    for (const Run& r : runs)
        out += "<li><a href=\"#g-" + r.folder + "\">" + escapeHtml(r.heading) + "</a></li>\n";
    out += "</ul>\n</nav>\n";
    for (const Run& r : runs) {
        out += "<section id=\"g-" + r.folder + "\" aria-labelledby=\"h-" + r.folder + "\">\n<h2 id=\"h-" + r.folder +
               "\">" + escapeHtml(r.heading) + "</h2>\n<ul class=\"sheet\">\n";
        const int w = r.present ? kPresentWidth / 4 : thumbW, h = r.present ? kPresentHeight / 4 : thumbH;
        for (const Shot& s : r.shots) {
            for (int part = 1; part <= s.parts; ++part) {
                const std::string src = r.folder + "/" + pngName(s.screen, part);
                std::string of = s.parts > 1 ? " (" + std::to_string(part) + " of " + std::to_string(s.parts) + ")" : "";
                if (s.cut && part == s.parts) of += " (the screen goes on below: not all of it is drawn)";
                out += "<li" + std::string(r.present ? " class=\"wide\"" : "") + "><a href=\"" + src + "\"><img src=\"" + src +
                       "\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) + "\" loading=\"lazy\" alt=\"" +
                       escapeHtml(s.screen + of + (r.locale.empty() ? "" : " in " + r.locale)) + "\"></a><p>" +
                       escapeHtml(s.caption + of) + "</p></li>\n";
            }
        }
        out += "</ul>\n</section>\n";
    }
    return out + "</main>\n</body>\n</html>\n";
}

} // namespace

std::optional<fs::path> findKiosk() {
    if (const char* env = std::getenv("EV_KIOSK"); env && *env) return fs::path(env);
    std::error_code ec;
    const fs::path self = fs::canonical("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    const fs::path dir = self.parent_path();
    // Installed side by side, or build/tools/pack/ beside build/app/.
    return firstExecutable({dir / "everyvoice-kiosk", dir / "../../app/everyvoice-kiosk"});
}

int preview(const ev::Pack& pack, const PreviewOptions& o) {
    const std::vector<Run> runs = plan(pack, o.wholePages, o.plans);
    fs::create_directories(o.out);
    char pattern[] = "/tmp/everyvoice-preview-XXXXXX";
    if (!mkdtemp(pattern)) throw std::runtime_error("cannot make a temporary folder");
    const fs::path work = pattern;
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    } cleanup{work};

    // Our own X server, so no window opens on the reviewer's screen and every screenshot is
    // the kiosk's full size; a display of their own only when there is no Xvfb.
    std::optional<VirtualDisplay> xvfb;
    std::map<std::string, std::string> env;
    if (onPath("Xvfb")) {
        xvfb.emplace(std::max(o.width, kPresentWidth), std::max(o.height, kPresentHeight));
        env["DISPLAY"] = xvfb->name();
        env["LIBGL_ALWAYS_SOFTWARE"] = "1";
    } else if (!std::getenv("DISPLAY")) {
        throw std::runtime_error("preview needs Xvfb (install the xvfb package) or a display");
    }

    struct Started {
        pid_t pid;
        const Run* run;
        fs::path log;
    };
    std::deque<Started> running;
    std::string failures;
    const auto finishOldest = [&] {
        const Started s = running.front();
        running.pop_front();
        if (const int rc = waitFor(s.pid); rc != 0)
            failures += "kiosk for " + (s.run->locale.empty() ? std::string("the start screens") : s.run->locale) +
                        " exited with " + std::to_string(rc) + ":\n" + tail(s.log) + "\n";
    };
    int shots = 0;
    for (const Run& r : runs) {
        fs::create_directories(o.out / r.folder);
        const fs::path script = work / (r.folder + ".evscript");
        {
            std::ofstream s(script);
            // A drag of 60% of the window from low to high scrolls one screenful on, leaving
            // an overlap so no line falls between two pictures.
            const int x = o.width / 2, from = o.height * 85 / 100, to = o.height * 25 / 100;
            for (const Shot& shot : r.shots) {
                // Home: a plan opened again starts at its first step. Page Down is a clicker's
                // Next; after the session record it moves nothing, so the pictures repeat.
                s << "goto " << shot.screen << "\n" << (shot.keyed ? "key home\n" : "");
                for (int part = 1; part <= shot.parts; ++part) {
                    if (part > 1 && shot.keyed) s << "key pagedown\n";
                    else if (part > 1) s << "drag " << x << ' ' << from << ' ' << x << ' ' << to << "\nwait 1\n";
                    s << "screenshot " << fs::absolute(o.out / r.folder / pngName(shot.screen, part)).string() << "\n";
                }
            }
            if (!s) throw std::runtime_error("cannot write " + script.string());
        }
        const std::string size = r.present ? std::to_string(kPresentWidth) + "x" + std::to_string(kPresentHeight)
                                           : std::to_string(o.width) + "x" + std::to_string(o.height);
        std::vector<std::string> argv = {o.kiosk.string(), "--pack", fs::absolute(o.pack).string(), "--state-dir",
                                         (work / ("state-" + r.folder)).string(), "--window", size, "--script", script.string()};
        if (!r.locale.empty()) argv.insert(argv.end(), {"--locale", r.locale});
        if (static_cast<int>(running.size()) >= o.jobs) finishOldest();
        const fs::path log = work / (r.folder + ".log");
        running.push_back({spawn(argv, env, log), &r, log});
    }
    while (!running.empty()) finishOldest();
    if (!failures.empty()) throw std::runtime_error(failures);
    std::vector<Run> shot = runs;
    for (Run& r : shot)
        for (Shot& s : r.shots) {
            const int planned = s.parts;
            shots += s.parts = dropRepeats(o.out / r.folder, s);
            s.cut = planned > 1 && s.parts == planned;
        }

    std::ofstream index(o.out / "index.html", std::ios::trunc);
    index << contactSheet(pack, shot, o, shots);
    if (!index) throw std::runtime_error("cannot write " + (o.out / "index.html").string());
    return shots;
}

} // namespace evpack
