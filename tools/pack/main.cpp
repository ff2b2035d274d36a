// everyvoice-pack: the comms team's tool to check a content folder and build a pack from it.
// Exit status: 0 ok (warnings allowed), 1 invalid input, 2 usage.
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <iostream>
#include <map>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "core/pack/pack_hash.h"
#include "core/pack/pack_reader.h"
#include "core/pack/signed_pack.h"
#include "counts_command.h"
#include "handout_command.h"
#include "html_export.h"
#include "lint.h"
#include "pack_writer.h"
#include "preview.h"
#include "review_check.h"
#include "sign_command.h"
#include "source.h"
#include "xliff_command.h"

namespace fs = std::filesystem;
using namespace evpack;

namespace {

constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

const char* const kToolHelp = R"(usage: everyvoice-pack COMMAND [ARGS]

Checks a content folder and builds the .evpack file the kiosk reads.

commands:
  build SRC -o OUT [--release] [--quiet-drafts] [--locales DIR] [--facts FILE]
                                                 build a pack from a content folder
  lint SRC [--release] [--quiet-drafts] [--locales DIR] [--facts FILE]
                                                 check a content folder, build nothing
  info PACK                                      describe a built pack
  export-html PACK -o DIR                        the pack as a static, accessible website
  preview PACK -o DIR [--whole-pages]            every screen in every language as the kiosk
                                                 draws it, and a contact sheet DIR/index.html
  hash SRC PAGE-ID                               the stamp for translated_from (also
                                                 signpost:ID, strings:SECTION, plan:PLAN-ID)
  handout PACK --plan ID --locale TAG -o FILE.pdf
                                                 a session plan's A4 handout in a language
  xliff export SRC --locale TAG -o FILE.xlf      everything to translate, as XLIFF 2.0
  xliff import FILE.xlf SRC                      translations back into the content folder
  stale SRC --locale TAG                         what changed in the English since each
                                                 translation was made, word by word
  counts export --state-dir DIR -o FILE.csv [--suppress-below N] [--round 5]
                                                 a kiosk's anonymous counts as a CSV file
  counts merge FILE.csv... -o OUT.csv            many kiosks' counts in one file
  report FILE.csv -o dashboard.html              the partnership's dashboard page
  sign PACK --key SECRET.key                     sign a pack with minisign (writes PACK.minisig)
  verify PACK --key KEY.pub                      check a pack's minisign signature
  publish PACK DIR                               copy a signed pack and its signature into an
                                                 inbox or outbox folder, signature last

Problems print as FILE:LINE: error|warning|verify: message.
Exit status: 0 ok (warnings allowed), 1 invalid input, 2 usage.
Run everyvoice-pack COMMAND --help for more.
)";

const std::map<std::string, const char*> kCommandHelp = {
    {"build", R"(usage: everyvoice-pack build SRC -o OUT [--release] [--quiet-drafts] [--locales DIR] [--facts FILE]

Reads SRC (a folder with pack.toml, pages/ and assets/), checks it as lint does and, if
there is no error, writes the pack to OUT with the assets its pages use. OUT is replaced
only once the new pack is complete.

  -o OUT          the .evpack file to write
  --release       also refuse anything marked verify = true, and any phone number or web
                  address not in the facts list (drafts stay warnings)
  --quiet-drafts  count drafts in the last line instead of one line each
  --locales DIR   UI string files <locale>.toml (default: SRC/../../locales)
  --facts FILE    the facts list (default: SRC/../facts.toml)

meta.built_at is today (UTC), or the day of SOURCE_DATE_EPOCH when it is set.
)"},
    {"lint", R"(usage: everyvoice-pack lint SRC [--release] [--quiet-drafts] [--locales DIR] [--facts FILE]

Checks a content folder: front matter and Markdown, unknown keys, links and topics naming
missing pages, topic audiences, drafts, verify = true details, stale and missing
translations, and the images and narration in SRC/assets/ (missing, not a PNG or an Ogg
Vorbis/Opus file, too large, unused), every phone number and web address in pages,
signposts, neutral items and UI strings against the facts list, and how hard each
audience's pages are to read. The last line counts errors, warnings by kind, and details to
verify. Exit 1 if any error, 0 if only warnings.

  --release       report verify = true and unlisted phone numbers and web addresses as
                  errors, as build --release would
  --quiet-drafts  count drafts in the last line instead of one line each
  --locales DIR   UI string files <locale>.toml (default: SRC/../../locales)
  --facts FILE    the facts list (default: SRC/../facts.toml)
)"},
    {"info", R"(usage: everyvoice-pack info PACK

Prints a pack's id, version, schema, build day, locales with their status, pages per
audience, signposts, session plans, and images and recordings with their sizes. Exit 1 if
the kiosk could not read it.
)"},
    {"export-html", R"(usage: everyvoice-pack export-html PACK -o DIR

Writes the pack as a static website in DIR, for the council's website and for people who
use a screen reader: every page in every language, the topic lists for each audience, the
help cards with their phone numbers, and a quick exit on every page (the exit link, or
Shift pressed 3 times) to DIR/neutral.html, the pack's neutral screen. Images and recorded
narrations are copied to DIR/media/ and shown with their alt text. The site needs no
server and fetches nothing: copy DIR as it is. Files already in DIR with the same names are
replaced; others are left alone.

Translations that are out of date show the default-locale page with a note, as the kiosk
does; contact details marked verify = true are left out. Exit 1 if the pack cannot be read.
)"},
    {"preview", R"(usage: everyvoice-pack preview PACK -o DIR [--whole-pages] [--plans] [--kiosk FILE] [--jobs N]

Draws every screen of the pack in every language with the kiosk itself (the same program,
fonts and layout a kiosk uses) at 1080x1920, writes them to DIR/<language>/<screen>.png and
makes DIR/index.html, a contact sheet of them all grouped by language. The help screen is
drawn whole, a screenful at a time: help.png, then help-2.png and on; pages show their
first screenful, or all of it with --whole-pages; with --plans, each session plan as present
mode shows it to a room too. Open it in a browser to review a pack before signing it. Captions say which pages are drafts, not translated, or
out of date (those show the default-locale page, as a kiosk does).

The kiosk draws in a private X server (Xvfb) when one is installed, so no window opens;
without Xvfb it needs a display.

  -o DIR          where to write the pictures and index.html
  --kiosk FILE    the everyvoice-kiosk program (default: $EV_KIOSK, else the one beside
                  this program or in its build folder)
  --jobs N        kiosks drawing at once (default: the number of processors)
  --whole-pages   draw every page to its end, a screenful at a time (page-<id>.png, then
                  page-<id>-2.png and on; takes several times as long)
  --plans         also draw each session plan as present mode shows it to a room, at
                  1920x1080, screen by screen, in DIR/<language>-present/ for English and
                  each language it is translated into (the default pack's three plans in ten
                  languages are about a thousand screens: several minutes more)
)"},
    {"hash", R"(usage: everyvoice-pack hash SRC PAGE-ID
       everyvoice-pack hash SRC signpost:ID
       everyvoice-pack hash SRC strings:SECTION
       everyvoice-pack hash SRC plan:PLAN-ID

Prints the source hash of a page's default-locale text, of a help card's (its
[signposts.text.<default locale>] table in pack.toml), of a section of the default locale's
UI strings ([nav] in locales/en.toml), or of a session plan's. Put it in a translation's
front matter, in the card's [signposts.text.<tag>] table as translated_from = "<hash>", in
the locale file's [translated_from] table as SECTION = "<hash>", or in a plan's
<locale>.toml, once the translation matches that text; when the original changes later,
lint reports the translation as stale and the kiosk shows the original until the
translation is updated. xliff import writes the stamp itself.
)"},
    {"sign", R"(usage: everyvoice-pack sign PACK --key SECRET.key

Signs PACK with a minisign secret key (from minisign -G) by running minisign, with the
trusted comment a kiosk requires, "everyvoice pack=<id> version=<n>", taken from the pack
itself. minisign asks for the key's password. Writes PACK.minisig beside PACK. Exit 1 if
the pack cannot be read or minisign fails.

  --key SECRET.key   the team's minisign secret key
)"},
    {"publish", R"(usage: everyvoice-pack publish PACK DIR

Copies PACK and PACK.minisig into DIR (a kiosk inbox, a USB stick's EVERYVOICE folder, or
the shared folder the kiosks sync from). Each file is written under a hidden name and then
renamed, the signature last, so a kiosk never picks up half a pack. Exit 1 if PACK has no
signature or DIR is not a folder.
)"},
    {"verify", R"(usage: everyvoice-pack verify PACK --key KEY.pub [--key KEY.pub ...]

Checks PACK as a kiosk does before showing it: PACK.minisig is a minisign signature of PACK
by one of the keys, its trusted comment is "everyvoice pack=<id> version=<n>", and the pack
reads and has that id and version. Prints the pack and the key id if so (exit 0), or one
line saying what is wrong (exit 1).

  --key KEY.pub   a minisign public key (from minisign -G); give several to accept any
)"},
};

int usage(const std::string& message, const std::string& command = "") {
    std::cerr << "everyvoice-pack: " << message << "\n"
              << "Try 'everyvoice-pack " << (command.empty() ? "" : command + " ") << "--help'.\n";
    return kUsage;
}

struct Args {
    std::vector<std::string> positional;
    std::optional<std::string> out;
    std::optional<std::string> locales;
    std::optional<std::string> facts;
    std::vector<std::string> keys;
    std::optional<std::string> kiosk;
    std::optional<std::string> jobs;
    bool release = false;
    bool quietDrafts = false;
    bool wholePages = false;
    bool plans = false; // --plans: draw the session plans too
};

// Parses the options of one command; nullopt after printing a usage error.
std::optional<Args> parseArgs(const std::string& command, const std::vector<std::string>& argv, bool takesOut,
                              bool readsSource, bool takesKeys, bool runsKiosk) {
    Args a;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& s = argv[i];
        auto value = [&](std::optional<std::string>& into) {
            if (i + 1 >= argv.size()) {
                usage(s + " needs a value", command);
                return false;
            }
            into = argv[++i];
            return true;
        };
        if (takesOut && s == "-o") {
            if (!value(a.out)) return std::nullopt;
        } else if (readsSource && s == "--locales") {
            if (!value(a.locales)) return std::nullopt;
        } else if (readsSource && s == "--facts") {
            if (!value(a.facts)) return std::nullopt;
        } else if (takesKeys && s == "--key") {
            std::optional<std::string> key;
            if (!value(key)) return std::nullopt;
            a.keys.push_back(*key);
        } else if (runsKiosk && s == "--kiosk") {
            if (!value(a.kiosk)) return std::nullopt;
        } else if (runsKiosk && s == "--jobs") {
            if (!value(a.jobs)) return std::nullopt;
        } else if (runsKiosk && s == "--whole-pages") {
            a.wholePages = true;
        } else if (runsKiosk && s == "--plans") {
            a.plans = true;
        } else if (readsSource && s == "--release") {
            a.release = true;
        } else if (readsSource && s == "--quiet-drafts") {
            a.quietDrafts = true;
        } else if (s.size() > 1 && s[0] == '-') {
            usage("unknown option " + s + " for " + command, command);
            return std::nullopt;
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

fs::path localesDir(const Args& a, const fs::path& src) {
    return a.locales ? fs::path(*a.locales) : (src / ".." / ".." / "locales").lexically_normal();
}

int build(const Args& a, bool write) {
    const std::string command = write ? "build" : "lint";
    if (a.positional.size() != 1) return usage(command + " takes one content folder", command);
    if (write && !a.out) return usage("build needs -o OUT", command);
    const fs::path src = a.positional[0];
    Diagnostics diag;
    Source source = readSource(src, localesDir(a, src), diag);
    if (a.facts) source.factsFile = *a.facts;
    checkSource(source, a.release, diag);
    diag.print(std::cerr, a.quietDrafts);
    // lint's reading figures come before the summary, so that the count stays the last line.
    if (!write && !diag.hasErrors()) {
        printReadability(source, std::cout);
        printReviewCounts(source, std::cout);
    }
    std::cout.flush();
    std::cerr << command << ": " << diag.summary() << "\n";
    if (diag.hasErrors()) return kInvalid;
    if (!write) return kOk;
    try {
        writePack(source, *a.out, buildDay());
        std::cout << "wrote " << *a.out << ": " << source.pack.id << " version " << source.pack.version << ", "
                  << source.pack.pages.size() << " pages, " << source.pack.locales.size() << " locales\n";
    } catch (const std::exception& e) {
        std::cerr << "everyvoice-pack: " << e.what() << "\n";
        return kInvalid;
    }
    return kOk;
}

std::optional<ev::Pack> readOrReport(const fs::path& file) {
    try {
        return ev::readPack(file);
    } catch (const ev::PackError& e) {
        std::cerr << "everyvoice-pack: " << e.what() << "\n";
        return std::nullopt;
    }
}

int info(const Args& a) {
    if (a.positional.size() != 1) return usage("info takes one pack file", "info");
    const auto read = readOrReport(a.positional[0]);
    if (!read) return kInvalid;
    const ev::Pack& pack = *read;
    std::cout << "pack      " << pack.id << " version " << pack.version << "\n"
              << "title     " << pack.title << "\n"
              << "schema    " << pack.schemaVersion << "\n"
              << "built     " << pack.builtAt << "\n"
              << "locales   " << pack.locales.size() << " (default " << pack.defaultLocale << ")\n";
    for (const ev::LocaleInfo& l : pack.locales) {
        int pages = 0, stale = 0, drafts = 0;
        for (const ev::Page& p : pack.pages) {
            auto it = p.text.find(l.tag);
            if (it == p.text.end()) continue;
            ++pages;
            stale += it->second.stale;
            drafts += it->second.status == "draft";
        }
        std::cout << "  " << l.tag << "  " << l.status << ", " << pages << " of " << pack.pages.size() << " pages";
        if (drafts) std::cout << ", " << drafts << " draft";
        if (stale) std::cout << ", " << stale << " stale";
        std::cout << ", " << (pack.strings.contains(l.tag) ? pack.strings.at(l.tag).size() : 0) << " UI strings\n";
    }
    std::cout << "pages     " << pack.pages.size() << "\n";
    for (ev::Audience aud : ev::kAllAudiences) {
        int tagged = 0;
        for (const ev::Page& p : pack.pages)
            tagged += std::find(p.audiences.begin(), p.audiences.end(), aud) != p.audiences.end();
        const auto topics = pack.topics.find(aud);
        std::cout << "  " << ev::audienceId(aud) << "  " << (topics == pack.topics.end() ? 0 : topics->second.size())
                  << " in topic list, " << tagged << " tagged\n";
    }
    std::cout << "signposts " << pack.signposts.size() << "\n";
    for (const ev::Signpost& s : pack.signposts) {
        std::cout << "  " << s.id;
        for (const std::string& phone : s.phones) std::cout << "  " << phone;
        if (!s.web.empty()) std::cout << "  " << s.web;
        if (s.verify) std::cout << "  (verify)";
        std::cout << "\n";
    }
    std::cout << "plans     " << pack.plans.size() << "\n";
    for (const ev::Plan& p : pack.plans) {
        std::cout << "  " << p.id << "  " << p.minutes << " min,";
        for (ev::Audience aud : p.audiences) std::cout << " " << ev::audienceId(aud);
        std::cout << ", " << p.steps.size() << " steps, in";
        for (const auto& [tag, text] : p.text) std::cout << " " << tag << (text.stale ? " (stale)" : "");
        std::cout << "\n";
    }
    std::size_t mediaBytes = 0;
    for (const auto& [name, m] : pack.mediaByName) mediaBytes += m.bytes.size();
    std::cout << "media     " << pack.mediaByName.size() << " (" << (mediaBytes + 1023) / 1024 << " KB)\n";
    for (const auto& [name, m] : pack.mediaByName) std::cout << "  " << name << "  " << m.type << ", " << (m.bytes.size() + 1023) / 1024 << " KB\n";
    return kOk;
}

int exportSite(const Args& a) {
    if (a.positional.size() != 1) return usage("export-html takes one pack file", "export-html");
    if (!a.out) return usage("export-html needs -o DIR", "export-html");
    const auto pack = readOrReport(a.positional[0]);
    if (!pack) return kInvalid;
    const int files = evpack::exportHtml(*pack, *a.out);
    std::cout << "wrote " << *a.out << ": " << files << " pages in " << pack->locales.size() << " languages\n";
    return kOk;
}

int previewPack(const Args& a) {
    if (a.positional.size() != 1) return usage("preview takes one pack file", "preview");
    if (!a.out) return usage("preview needs -o DIR", "preview");
    evpack::PreviewOptions o;
    o.pack = a.positional[0];
    o.out = *a.out;
    o.wholePages = a.wholePages;
    o.plans = a.plans;
    const long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = cpus > 0 ? static_cast<int>(cpus) : 2;
    if (a.jobs) {
        const auto n = std::from_chars(a.jobs->data(), a.jobs->data() + a.jobs->size(), o.jobs);
        if (n.ec != std::errc() || n.ptr != a.jobs->data() + a.jobs->size() || o.jobs < 1 || o.jobs > 64)
            return usage("--jobs needs a number from 1 to 64", "preview");
    }
    const auto kiosk = a.kiosk ? std::optional<fs::path>(*a.kiosk) : evpack::findKiosk();
    if (!kiosk) return usage("cannot find everyvoice-kiosk; name it with --kiosk FILE", "preview");
    o.kiosk = *kiosk;
    const auto pack = readOrReport(o.pack);
    if (!pack) return kInvalid;
    const int shots = evpack::preview(*pack, o);
    std::cout << "wrote " << (o.out / "index.html").string() << ": " << shots << " screens in " << pack->locales.size()
              << " languages\n";
    return kOk;
}

// The stamp of a help card, a section of UI strings or a plan: read from the whole content
// folder, whose other problems are lint's to report. nullopt, having said why, if there is none.
std::optional<std::string> namedStamp(const Args& a, const fs::path& src, std::string_view kind, const std::string& id) {
    Diagnostics diag;
    const Source source = readSource(src, localesDir(a, src), diag);
    const auto found = [](const auto& byId, const std::string& key) -> std::optional<std::string> {
        const auto it = byId.find(key);
        return it == byId.end() || it->second.empty() ? std::nullopt : std::optional<std::string>(it->second);
    };
    std::optional<std::string> stamp;
    fs::path where = source.packToml;
    if (kind == "strings") {
        stamp = found(source.stringsHash, id);
        where = source.stringsFile(source.pack.defaultLocale);
    } else if (kind == "plan") {
        stamp = found(source.planHash, id);
        where = src / "plans" / id / (source.pack.defaultLocale + ".toml");
    } else {
        for (std::size_t i = 0; i < source.pack.signposts.size(); ++i)
            if (source.pack.signposts[i].id == id && !source.signposts[i].englishHash.empty()) stamp = source.signposts[i].englishHash;
    }
    if (!stamp) {
        Diagnostics missing;
        missing.error(where, 1, "no " + std::string(kind) + " '" + id + "' with text in the default locale");
        missing.print(std::cerr);
    }
    return stamp;
}

int hash(const Args& a) {
    if (a.positional.size() != 2) return usage("hash takes a content folder and a page id", "hash");
    const fs::path src = a.positional[0];
    const std::string& what = a.positional[1];
    for (const std::string_view kind : {"signpost", "strings", "plan"})
        if (what.starts_with(std::string(kind) + ":")) {
            const auto stamp = namedStamp(a, src, kind, what.substr(kind.size() + 1));
            if (!stamp) return kInvalid;
            std::cout << *stamp << "\n";
            return kOk;
        }
    Diagnostics diag;
    const fs::path file = src / "pages" / what / (defaultLocaleOf(src) + ".md");
    if (!fs::exists(file)) {
        diag.error(file, 1, "no such page file");
        diag.print(std::cerr);
        return kInvalid;
    }
    auto page = readPageFile(file, diag);
    diag.print(std::cerr);
    if (!page || diag.hasErrors()) return kInvalid;
    std::cout << ev::pageSourceHash(page->title, page->summary, page->markdown) << "\n";
    return kOk;
}

int sign(const Args& a) {
    if (a.positional.size() != 1) return usage("sign takes one pack file", "sign");
    if (a.keys.size() != 1) return usage("sign needs one --key SECRET.key", "sign");
    const fs::path pack = a.positional[0];
    if (signPack(pack, a.keys[0]) != 0) {
        std::cerr << "everyvoice-pack: minisign could not sign " << pack.string() << "\n";
        return kInvalid;
    }
    std::cout << "wrote " << ev::signatureFile(pack).string() << ": \"" << trustedCommentFor(pack) << "\"\n";
    return kOk;
}

int publish(const Args& a) {
    if (a.positional.size() != 2) return usage("publish takes a pack file and a folder", "publish");
    publishPack(a.positional[0], a.positional[1]);
    const fs::path pack = a.positional[0];
    std::cout << "copied " << pack.filename().string() << " and " << ev::signatureFile(pack).filename().string()
              << " into " << a.positional[1] << "\n";
    return kOk;
}

int verify(const Args& a) {
    if (a.positional.size() != 1) return usage("verify takes one pack file", "verify");
    if (a.keys.empty()) return usage("verify needs --key KEY.pub", "verify");
    try {
        std::vector<ev::PublicKey> keys;
        for (const std::string& k : a.keys) keys.push_back(ev::readPublicKey(k));
        const ev::SignedPack p = ev::openSignedPack(a.positional[0], keys);
        std::cout << a.positional[0] << ": good signature by key " << ev::keyIdHex(p.key.id) << ", pack " << p.pack.id
                  << " version " << p.pack.version << "\n";
        return kOk;
    } catch (const ev::SignatureError& e) {
        std::cerr << "everyvoice-pack: " << e.what() << "\n";
    } catch (const ev::PackError& e) {
        std::cerr << "everyvoice-pack: " << e.what() << "\n";
    }
    return kInvalid;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage("no command given");
    const std::string& command = args[0];
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << kToolHelp;
        return kOk;
    }
    if (command == "counts") return countsCommand({args.begin() + 1, args.end()});
    if (command == "report") return reportCommand({args.begin() + 1, args.end()});
    if (command == "xliff") return xliffCommand({args.begin() + 1, args.end()});
    if (command == "stale") return staleCommand({args.begin() + 1, args.end()});
    if (command == "handout") return handoutCommand({args.begin() + 1, args.end()});
    const auto help = kCommandHelp.find(command);
    if (help == kCommandHelp.end()) return usage("unknown command '" + command + "'");
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const std::string& s : rest) {
        if (s == "--help" || s == "-h") {
            std::cout << help->second;
            return kOk;
        }
    }
    const bool isBuild = command == "build", isLint = command == "lint", isExport = command == "export-html",
               isPreview = command == "preview";
    const auto parsed = parseArgs(command, rest, isBuild || isExport || isPreview, isBuild || isLint, command == "verify" || command == "sign", isPreview);
    if (!parsed) return kUsage;
    try {
        if (isBuild || isLint) return build(*parsed, isBuild);
        if (command == "info") return info(*parsed);
        if (command == "verify") return verify(*parsed);
        if (command == "sign") return sign(*parsed);
        if (command == "publish") return publish(*parsed);
        if (isExport) return exportSite(*parsed);
        if (isPreview) return previewPack(*parsed);
        return hash(*parsed);
    } catch (const std::exception& e) {
        // A filesystem error reading the folder (permissions, a vanished file) is bad input.
        std::cerr << "everyvoice-pack: " << e.what() << "\n";
        return kInvalid;
    }
}
