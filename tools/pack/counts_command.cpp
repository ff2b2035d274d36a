#include "counts_command.h"

#include <algorithm>
#include <charconv>
#include <iostream>
#include <optional>

#include "core/atomic_file.h"
#include "core/counts/counts.h"
#include "core/counts/counts_csv.h"
#include "core/counts/counts_export.h"
#include "core/pack/pack_reader.h"
#include "report.h"

namespace evpack {

namespace fs = std::filesystem;

namespace {

constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

const char* const kCountsHelp = R"(usage: everyvoice-pack counts export --state-dir DIR -o FILE.csv [--suppress-below N] [--round 5]
       everyvoice-pack counts merge FILE.csv... -o OUT.csv

Anonymous engagement counts, from a kiosk's state folder to the partnership's dashboard.
Run everyvoice-pack counts export --help or counts merge --help for more.
)";

const char* const kExportHelp = R"(usage: everyvoice-pack counts export --state-dir DIR -o FILE.csv [--suppress-below N] [--round 5]

Writes the counts of the kiosk whose state folder is DIR (counts.sqlite and kiosk.toml) as
a counts file: one row per kiosk, UTC date and hour, event, pack, page, locale, audience and
detail, with a count. The kiosk may keep running meanwhile. FILE.csv is replaced only once
the new file is complete and on disk.

  --state-dir DIR       the kiosk's state folder
  -o FILE.csv           the file to write
  --suppress-below N    print counts below N as "<N" (default: no suppression)
  --round 5             the ONS 10-5 rule: counts below 10 as "<10", the rest rounded to the
                        nearest 5 (with --suppress-below N, below the larger of N and 10)

Export raw for the partnership's own dashboard: report controls each figure it publishes,
after adding up. Use --round 5 for a file that leaves the partnership. See docs/counts.md.
)";

const char* const kMergeHelp = R"(usage: everyvoice-pack counts merge FILE.csv... -o OUT.csv

Combines counts files (exports of many kiosks, or earlier merges) into one. Merging never
double counts: a row that appears in several files (the same file twice, or an older export
of the same kiosk) keeps its largest count, never the sum. A suppressed "<N" stays
suppressed unless another file has a count of at least N for it.

A file that is not a counts file, is from a newer format, or has a bad row is reported as
FILE:LINE: message and nothing from it is merged; the other files still are, and the exit
status is 1.
)";

const char* const kReportHelp = R"(usage: everyvoice-pack report FILE.csv -o dashboard.html [--figures FIGURES.csv]
           [--round N] [--suppress-below N] [--from YYYY-MM-DD] [--to YYYY-MM-DD]

Makes the partnership's dashboard from a counts file (an export or a merge): one HTML page
with its styles and SVG charts inside it, no scripts, nothing fetched, so it can be emailed
or opened from a USB stick. Charts sit under the CSA strategy's measures: activity per week
per venue, languages, audiences, most-read pages, help and signpost views, QR codes shown,
quick exits, facilitated sessions and feedback. Each chart has a table behind it for
screen readers.

Read the raw counts (an export without disclosure control, or a merge of them): every figure
is added up first, then controlled as published, so a total of 214 shows as 215.

  -o dashboard.html       the page to write
  --figures FIGURES.csv   also write exactly the figures the page publishes, as published
  --suppress-below N      withhold figures below N, as [c] (default 10; 1: none). A figure
                          that could be worked out from a total and the others is withheld too
  --round N               round the rest to the nearest N (default 5, the ONS 10-5 rule; 1: none)
  --from, --to DATE       only this period (UTC dates, inclusive); with both, the period of the
                          same length before it is shown beside it
Counts already suppressed in the file ("<N") are shown apart, never added in.
)";

int usage(const std::string& message, const std::string& command) {
    std::cerr << "everyvoice-pack: " << message << "\nTry 'everyvoice-pack " << command << " --help'.\n";
    return kUsage;
}

std::optional<std::uint64_t> positive(const std::string& s) {
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size() || n == 0 || n > 1'000'000) return std::nullopt;
    return n;
}

int exportCounts(const std::vector<std::string>& args) {
    const std::string cmd = "counts export";
    std::optional<std::string> stateDir, out;
    ev::Disclosure disclosure;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a != "--state-dir" && a != "-o" && a != "--suppress-below" && a != "--round")
            return usage(a.starts_with("-") ? "unknown option " + a : "unexpected argument " + a, cmd);
        if (i + 1 >= args.size()) return usage(a + " needs a value", cmd);
        const std::string& v = args[++i];
        if (a == "--state-dir") stateDir = v;
        else if (a == "-o") out = v;
        else if (a == "--round") {
            if (v != "5") return usage("--round takes 5 (the ONS 10-5 rule)", cmd);
            disclosure.roundTo = 5;
        } else {
            const auto n = positive(v);
            if (!n) return usage("--suppress-below takes a whole number from 1 to 1000000", cmd);
            disclosure.suppressBelow = *n;
        }
    }
    // --round 5 is the whole ONS 10-5 rule: below 10 suppressed too, or below N if N is larger.
    if (disclosure.roundTo == 5) disclosure.suppressBelow = std::max<std::uint64_t>(disclosure.suppressBelow, 10);
    if (!stateDir) return usage("export needs --state-dir DIR", cmd);
    if (!out) return usage("export needs -o FILE.csv", cmd);
    try {
        const ev::CountsExported done = ev::exportCountsFile(*stateDir, {*out, ev::CountsFileName::Given, disclosure});
        std::cout << "wrote " << *out << ": " << done.rows << " rows\n";
        if (!done.damage.empty()) std::cerr << "warning: " << done.damage << "\n";
        return kOk;
    } catch (const ev::CountsError& e) {
        std::cerr << e.what() << "\n";
    } catch (const ev::FileError& e) {
        std::cerr << e.what() << " (nothing written)\n";
    }
    return kInvalid;
}

int mergeCounts(const std::vector<std::string>& args) {
    const std::string cmd = "counts merge";
    std::optional<std::string> out;
    std::vector<std::string> inputs;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o") {
            if (i + 1 >= args.size()) return usage("-o needs a value", cmd);
            out = args[++i];
        } else if (args[i].size() > 1 && args[i][0] == '-') {
            return usage("unknown option " + args[i], cmd);
        } else {
            inputs.push_back(args[i]);
        }
    }
    if (inputs.empty()) return usage("merge needs at least one counts file", cmd);
    if (!out) return usage("merge needs -o OUT.csv", cmd);
    std::vector<std::vector<ev::CountRow>> files;
    for (const std::string& in : inputs) {
        try {
            files.push_back(ev::readCountsCsv(in));
        } catch (const ev::CountsCsvError& e) {
            std::cerr << e.what() << "\n";
        }
    }
    const bool allRead = files.size() == inputs.size();
    if (files.empty()) {
        std::cerr << "everyvoice-pack: no readable counts file; " << *out << " not written\n";
        return kInvalid;
    }
    try {
        const auto merged = ev::mergeCounts(files);
        ev::writeFileAtomically(*out, ev::countsCsv(merged));
        std::cout << "wrote " << *out << ": " << merged.size() << " rows from " << files.size() << " of "
                  << inputs.size() << " files\n";
    } catch (const ev::FileError& e) {
        std::cerr << e.what() << " (nothing written)\n";
        return kInvalid;
    }
    return allRead ? kOk : kInvalid;
}

// The pack the kiosks run, beside this program in a build or where a package installs it.
std::optional<fs::path> defaultPack() {
    std::error_code ec;
    const fs::path dir = fs::canonical("/proc/self/exe", ec).parent_path();
    for (const fs::path& p : {dir / "../../content/default.evpack", fs::path("/usr/share/everyvoice/default.evpack")})
        if (!ec && fs::is_regular_file(p, ec)) return p;
    return std::nullopt;
}

// Page titles and service names in English, for the report; false (said on stderr) if the
// pack cannot be read.
bool nameFromPack(const fs::path& file, DashboardContext& context) {
    try {
        const ev::Pack pack = ev::readPack(file);
        for (const ev::Page& p : pack.pages)
            if (const ev::PageText* text = pack.pageText(p.id, "en")) context.pageTitles[p.id] = text->title;
        for (const ev::Signpost& s : pack.signposts)
            if (const ev::SignpostText* text = s.textIn("en", pack.defaultLocale)) context.serviceNames[s.id] = text->name;
        for (const ev::VisitQuestion& q : pack.questions) {
            context.questionOrder.push_back(q);
            context.questionTexts[q.id] = pack.string("visit." + q.id + ".question", "en");
            for (const std::string& a : q.answers) context.questionTexts[q.id + ":" + a] = pack.string("visit." + q.id + "." + a, "en");
        }
        context.packNote = "Pages, services and questions are named as in the content pack " + file.filename().string() + " (" +
                           pack.id + ", version " + std::to_string(pack.version) + ").";
        return true;
    } catch (const ev::PackError& e) {
        std::cerr << file.string() << ": " << e.what() << "\n";
        return false;
    }
}

} // namespace

int reportCommand(const std::vector<std::string>& args) {
    const std::string cmd = "report";
    std::optional<std::string> out, figures, pack;
    std::vector<std::string> inputs;
    DashboardContext context;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return std::cout << kReportHelp, kOk;
        const bool valued = a == "-o" || a == "--pack" || a == "--figures" || a == "--round" || a == "--suppress-below" || a == "--from" || a == "--to";
        if (!valued && a.size() > 1 && a[0] == '-') return usage("unknown option " + a, cmd);
        if (!valued) {
            inputs.push_back(a);
            continue;
        }
        if (i + 1 >= args.size()) return usage(a + " needs a value", cmd);
        const std::string& v = args[++i];
        if (a == "-o") out = v;
        else if (a == "--pack") pack = v;
        else if (a == "--figures") figures = v;
        else if (a == "--from" || a == "--to") {
            if (!ev::validCountsDate(v)) return usage(a + " takes a date as YYYY-MM-DD", cmd);
            (a == "--from" ? context.from : context.to) = v;
        } else {
            const auto n = positive(v);
            if (!n) return usage(a + " takes a whole number from 1 to 1000000 (1: none)", cmd);
            (a == "--round" ? context.rule.roundTo : context.rule.suppressBelow) = *n;
        }
    }
    if (inputs.size() != 1) return usage("report takes one counts file (merge several first)", cmd);
    if (!out) return usage("report needs -o dashboard.html", cmd);
    if (!context.from.empty() && !context.to.empty() && context.to < context.from)
        return usage("--to is before --from", cmd);
    // With both ends given, the period of the same length just before it is shown beside it.
    const bool compare = !context.from.empty() && !context.to.empty();
    if (compare) {
        using namespace std::chrono;
        const sys_days from = ev::countsDay(context.from), to = ev::countsDay(context.to);
        const days length = to - from + days{1};
        context.previousFrom = ev::countsDateText(from - length);
        context.previousTo = ev::countsDateText(from - days{1});
    }
    const auto within = [](const std::string& date, const std::string& from, const std::string& to) {
        return (from.empty() || date >= from) && (to.empty() || date <= to);
    };
    if (pack) {
        if (!nameFromPack(*pack, context)) return kInvalid;
    } else if (const auto installed = defaultPack()) {
        nameFromPack(*installed, context);
    } else {
        context.packNote = "No content pack was found, so pages and services are shown by their ids (give --pack).";
    }
    try {
        ev::CountsCsvReader in(inputs[0]);
        DashboardTotals totals, previous;
        for (ev::CountRow row; in.next(row);) {
            if (within(row.date, context.from, context.to)) totals.add(row);
            else if (compare && within(row.date, context.previousFrom, context.previousTo)) previous.add(row);
        }
        context.source = fs::path(inputs[0]).filename().string();
        if (compare) context.previous = &previous;
        const Dashboard page = dashboard(totals, context);
        ev::writeFileAtomically(*out, page.html);
        if (figures) ev::writeFileAtomically(*figures, page.figures);
        std::cout << "wrote " << *out << (figures ? " and " + *figures : std::string()) << " from " << totals.rows << " rows\n";
        return kOk;
    } catch (const ev::CountsCsvError& e) {
        std::cerr << e.what() << "\n";
    } catch (const ev::FileError& e) {
        std::cerr << e.what() << " (nothing written)\n";
    }
    return kInvalid;
}

int countsCommand(const std::vector<std::string>& args) {
    if (args.empty()) return usage("counts needs export or merge", "counts");
    const std::string& sub = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    const auto wantsHelp = [&] {
        for (const std::string& a : rest)
            if (a == "--help" || a == "-h") return true;
        return false;
    };
    if (sub == "--help" || sub == "-h") return std::cout << kCountsHelp, kOk;
    if (sub == "export") return wantsHelp() ? (std::cout << kExportHelp, kOk) : exportCounts(rest);
    if (sub == "merge") return wantsHelp() ? (std::cout << kMergeHelp, kOk) : mergeCounts(rest);
    return usage("unknown counts command '" + sub + "'", "counts");
}

} // namespace evpack
