#include "report.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include "core/i18n.h"

namespace evpack {

namespace {

// Bars shown in a "most ..." chart; the table behind it lists the same ones.
constexpr std::size_t kTopN = 15;

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string number(std::uint64_t n) {
    std::string s = std::to_string(n), out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i && (s.size() - i) % 3 == 0) out += ',';
        out += s[i];
    }
    return out;
}

std::string shown(const Tally& t) {
    std::string s = number(t.n);
    if (t.hidden) s += " + " + number(t.hidden) + " small (each &lt;" + number(t.hiddenBelow) + ")";
    return s;
}

std::string dateText(Week day) {
    const std::chrono::year_month_day w{day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(w.year()), unsigned(w.month()), unsigned(w.day()));
    return buf;
}

std::string audienceLabel(const std::string& id) {
    if (id == "child") return "Children";
    if (id == "teen") return "Teenagers";
    if (id == "parent") return "Parents and carers";
    if (id == "community") return "Anyone in the community";
    return id.empty() ? "(not chosen)" : id;
}

// A chart's label: text, and the language it is written in when that is not English.
struct Label {
    std::string text, lang;
    // As HTML or SVG content, with its language marked so screen readers and fonts get it right.
    std::string html(const char* element) const {
        if (lang.empty()) return escape(text);
        return std::string("<") + element + " lang=\"" + escape(lang) + "\">" + escape(text) + "</" + element + ">";
    }
};

Label localeLabel(const std::string& tag) {
    if (tag.empty()) return {"(none)", ""};
    return {ev::autonym(tag) + " (" + tag + ")", tag};
}
Label audienceText(const std::string& id) { return {audienceLabel(id), ""}; }
Label plain(const std::string& s) { return {s, ""}; }

using Series = std::vector<std::pair<Label, Tally>>;

Series sortedByTotal(const std::map<std::string, Tally>& m, Label (*label)(const std::string&), std::size_t limit) {
    Series s;
    for (const auto& [k, t] : m) s.emplace_back(label(k), t);
    std::stable_sort(s.begin(), s.end(), [](const auto& a, const auto& b) { return a.second.n > b.second.n; });
    if (s.size() > limit) s.resize(limit);
    return s;
}

// Chart labels are cut to fit beside the bars; the table behind the chart has them whole.
std::string fitted(const Label& l) {
    constexpr std::size_t kMaxChars = 34;
    Label cut = l;
    std::size_t chars = 0, at = 0;
    for (; at < cut.text.size(); ++at)
        if ((static_cast<unsigned char>(cut.text[at]) & 0xC0) != 0x80 && ++chars > kMaxChars) break;
    if (at < cut.text.size()) cut.text = cut.text.substr(0, at) + "…";
    return cut.html("tspan");
}

class Page {
public:
    std::string html;
    int figures = 0;

    void h(int level, const std::string& text) {
        html += "<h" + std::to_string(level) + ">" + text + "</h" + std::to_string(level) + ">\n";
    }
    void p(const std::string& text) { html += "<p>" + text + "</p>\n"; }

    // Horizontal bars, one per label, with the numbers drawn beside them; the table after it
    // carries the same figures for screen readers (the drawing is hidden from them).
    void bars(const std::string& caption, const std::string& what, const Series& series) {
        if (series.empty()) {
            p("No " + what + " counted yet.");
            return;
        }
        const int id = ++figures;
        constexpr int kRow = 28, kLabel = 330, kBar = 560, kWidth = 1100;
        std::uint64_t top = 1;
        for (const auto& [label, t] : series) top = std::max(top, t.n);
        const int height = static_cast<int>(series.size()) * kRow + 8;
        html += "<figure aria-labelledby=\"fig" + std::to_string(id) + "\">\n<svg aria-hidden=\"true\" viewBox=\"0 0 " +
                std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"100%\">\n";
        int y = 4;
        for (const auto& [label, t] : series) {
            const int w = static_cast<int>(static_cast<double>(t.n) / static_cast<double>(top) * kBar);
            html += "<text x=\"" + std::to_string(kLabel - 8) + "\" y=\"" + std::to_string(y + 19) +
                    "\" text-anchor=\"end\">" + fitted(label) + "</text><rect x=\"" + std::to_string(kLabel) + "\" y=\"" +
                    std::to_string(y + 4) + "\" width=\"" + std::to_string(std::max(w, 1)) +
                    "\" height=\"20\" class=\"bar\"/><text x=\"" + std::to_string(kLabel + std::max(w, 1) + 8) +
                    "\" y=\"" + std::to_string(y + 19) + "\">" + shown(t) + "</text>\n";
            y += kRow;
        }
        html += "</svg>\n<figcaption id=\"fig" + std::to_string(id) + "\">" + caption + "</figcaption>\n</figure>\n";
        html += "<table class=\"sr\"><caption>" + caption + "</caption><thead><tr><th scope=\"col\">" + what +
                "</th><th scope=\"col\">count</th></tr></thead><tbody>\n";
        for (const auto& [label, t] : series)
            html += "<tr><th scope=\"row\">" + label.html("span") + "</th><td>" + shown(t) + "</td></tr>\n";
        html += "</tbody></table>\n";
    }

    // One strip of weekly columns per venue (small multiples share one scale), and the table.
    void weekly(const std::string& caption, const std::vector<std::string>& weeks,
                const std::map<std::string, std::map<std::string, Tally>>& byRow) {
        if (byRow.empty() || weeks.empty()) {
            p("Nothing counted yet.");
            return;
        }
        const int id = ++figures;
        constexpr int kRow = 46, kLabel = 330, kPlot = 620, kWidth = 1100;
        std::uint64_t top = 1;
        for (const auto& [row, perWeek] : byRow)
            for (const auto& [w, t] : perWeek) top = std::max(top, t.n);
        const double step = static_cast<double>(kPlot) / static_cast<double>(weeks.size());
        const int height = static_cast<int>(byRow.size()) * kRow + 30;
        html += "<figure aria-labelledby=\"fig" + std::to_string(id) + "\">\n<svg aria-hidden=\"true\" viewBox=\"0 0 " +
                std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"100%\">\n";
        int y = 4;
        for (const auto& [row, perWeek] : byRow) {
            Tally sum;
            html += "<text x=\"" + std::to_string(kLabel - 8) + "\" y=\"" + std::to_string(y + 28) +
                    "\" text-anchor=\"end\">" + fitted(plain(row)) + "</text><line x1=\"" + std::to_string(kLabel) + "\" x2=\"" +
                    std::to_string(kLabel + kPlot) + "\" y1=\"" + std::to_string(y + 36) + "\" y2=\"" +
                    std::to_string(y + 36) + "\" class=\"axis\"/>\n";
            for (std::size_t i = 0; i < weeks.size(); ++i) {
                const auto it = perWeek.find(weeks[i]);
                if (it == perWeek.end()) continue;
                sum.add(it->second);
                const double h = static_cast<double>(it->second.n) / static_cast<double>(top) * 32;
                char rect[160];
                std::snprintf(rect, sizeof rect, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"bar\"/>",
                              kLabel + step * static_cast<double>(i), y + 36 - h, std::max(step * 0.8, 1.0), h);
                html += rect;
            }
            html += "<text x=\"" + std::to_string(kLabel + kPlot + 10) + "\" y=\"" + std::to_string(y + 28) + "\">" +
                    shown(sum) + "</text>\n";
            y += kRow;
        }
        html += "<text x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 16) + "\">week of " +
                weeks.front() + "</text><text x=\"" + std::to_string(kLabel + kPlot) + "\" y=\"" +
                std::to_string(y + 16) + "\" text-anchor=\"end\">week of " + weeks.back() + "</text>\n";
        html += "</svg>\n<figcaption id=\"fig" + std::to_string(id) + "\">" + caption + "</figcaption>\n</figure>\n";
        html += "<table class=\"sr\"><caption>" + caption + "</caption><thead><tr><th scope=\"col\">week of</th>";
        for (const auto& [row, perWeek] : byRow) html += "<th scope=\"col\">" + escape(row) + "</th>";
        html += "</tr></thead><tbody>\n";
        for (const std::string& w : weeks) {
            html += "<tr><th scope=\"row\">" + w + "</th>";
            for (const auto& [row, perWeek] : byRow) {
                const auto it = perWeek.find(w);
                html += "<td>" + (it == perWeek.end() ? std::string("0") : shown(it->second)) + "</td>";
            }
            html += "</tr>\n";
        }
        html += "</tbody></table>\n";
    }
};

const char* const kStyle = R"(
body{font-family:sans-serif;color:#0b0c0c;background:#fff;margin:0 auto;max-width:1100px;padding:24px;line-height:1.4}
h1{font-size:2rem;margin:0 0 8px}h2{font-size:1.5rem;margin:40px 0 8px;border-top:4px solid #1d70b8;padding-top:12px}
h3{font-size:1.2rem;margin:28px 0 4px}figure{margin:8px 0}figcaption{color:#505a5f;font-size:.9rem}
svg text{font-size:15px;fill:#0b0c0c}.bar{fill:#1d70b8}.axis{stroke:#b1b4b6}
.summary{border-collapse:collapse;margin:8px 0}.summary th,.summary td{border-bottom:1px solid #b1b4b6;padding:4px 12px;text-align:left}
.summary td{text-align:right}.note{background:#f3f2f1;padding:12px 16px;border-left:6px solid #505a5f}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
)";

struct EventInfo {
    const char* id;
    const char* label;
};
constexpr EventInfo kEvents[] = {
    {"session_start", "Visits started at a kiosk"},
    {"language_selected", "Languages chosen"},
    {"audience_selected", "\"Who am I\" answered"},
    {"page_view", "Pages read"},
    {"help_view", "\"Get help now\" opened"},
    {"signpost_view", "Help services looked at"},
    {"qr_shown", "QR codes taken away"},
    {"audio_played", "Pages listened to"},
    {"feedback", "\"Was this helpful?\" answers"},
    {"quick_exit", "Quick exits"},
    {"idle_reset", "Visits left without finishing"},
    {"facilitated_session", "Facilitated group sessions"},
};

} // namespace

std::string dashboardHtml(const DashboardTotals& t, const std::string& source) {
    const auto& byEvent = t.byEvent;
    const auto total = [&](const char* event) {
        const auto it = byEvent.find(event);
        return it == byEvent.end() ? Tally{} : it->second;
    };
    // Every week from the first to the last, so that a quiet week shows as a gap, not nothing.
    std::vector<std::string> weeks;
    if (!t.weeks.empty()) {
        for (Week w = *t.weeks.begin(); w <= *t.weeks.rbegin(); w += std::chrono::days{7}) weeks.push_back(dateText(w));
    }
    // Visits per venue: the label on each kiosk's latest row, kiosks of one venue added up.
    std::map<std::string, std::map<std::string, Tally>> visits, exits; // row -> week -> tally
    std::set<std::string> venues;
    for (const auto& [id, kiosk] : t.kiosks) {
        const std::string label = kiosk.venue.empty() ? "kiosk " + id.substr(0, 8) : kiosk.venue;
        venues.insert(label);
        for (const auto& [w, n] : kiosk.visits) visits[label][dateText(w)].add(n);
    }
    for (const auto& [w, n] : t.exits) exits["All kiosks"][dateText(w)] = n;

    Page page;
    page.html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<title>Every Voice: awareness activity</title>\n<style>" +
                std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n";
    page.h(1, "Every Voice: awareness activity");
    if (t.rows == 0) page.p("The counts file " + escape(source) + " holds no counts yet.");
    else
        page.p("From " + escape(source) + ": " + number(t.kiosks.size()) + " kiosk" + (t.kiosks.size() == 1 ? "" : "s") + " at " +
               number(venues.size()) + " venue" + (venues.size() == 1 ? "" : "s") + ", " + t.first + " to " + t.last +
               " (UTC). Every figure counts events, never people: a kiosk cannot tell who used it.");
    bool anyHidden = false;
    for (const auto& [e, n] : byEvent) anyHidden |= n.hidden > 0;
    if (anyHidden)
        page.html += "<p class=\"note\">Small counts were suppressed for disclosure control before this file left the "
                     "kiosks. They are shown apart (\"+ 3 small, each &lt;10\") and never added into the totals.</p>\n";

    page.h(2, "Summary");
    page.html += "<table class=\"summary\"><caption class=\"sr\">Every event counted</caption><thead><tr><th scope=\"col\">"
                 "what was counted</th><th scope=\"col\">total</th></tr></thead><tbody>\n";
    for (const EventInfo& e : kEvents)
        page.html += "<tr><th scope=\"row\">" + escape(e.label) + "</th><td>" + shown(total(e.id)) + "</td></tr>\n";
    page.html += "</tbody></table>\n";

    page.h(2, "Activity to raise awareness of child sexual abuse");
    page.p("The strategy's first measure of how much has been done. Aim 1: to educate the community so they "
           "understand child sexual abuse in all its forms.");
    page.h(3, "Activity per week per venue");
    page.weekly("Visits started per week (Monday to Sunday, UTC), one strip per venue", weeks, visits);
    page.h(3, "Languages");
    page.bars("Languages chosen at the start of a visit", "language", sortedByTotal(t.locales, localeLabel, kTopN));
    page.bars("Pages read, by the language they were read in", "language", sortedByTotal(t.readingLocales, localeLabel, kTopN));
    page.h(3, "Audiences");
    page.bars("Who residents said they were", "audience", sortedByTotal(t.audiences, audienceText, kTopN));
    page.h(3, "Most-read pages");
    page.bars("The " + std::to_string(kTopN) + " pages read most", "page", sortedByTotal(t.pages, plain, kTopN));
    page.h(3, "Help and signpost views");
    page.p("\"Get help now\" opened " + shown(total("help_view")) + " times.");
    page.bars("Help services looked at", "service", sortedByTotal(t.signposts, plain, kTopN));
    page.h(3, "QR take-aways");
    page.bars("QR codes shown to take away, by service", "service", sortedByTotal(t.qr, plain, kTopN));
    page.h(3, "Quick exits");
    page.p("Each quick exit is someone who felt they had to hide the screen: " + shown(total("quick_exit")) + " in all.");
    page.weekly("Quick exits per week, all kiosks", weeks, exits);

    page.h(2, "Working with the voluntary and community sector");
    page.p("Aim 1's second action: awareness sessions that partners run with the kiosk's content.");
    page.h(3, "Facilitated sessions");
    page.p(shown(total("facilitated_session")) + " sessions recorded, reaching " + number(t.people) +
           " people by the head counts partners gave.");
    page.bars("Facilitated sessions by audience", "audience", sortedByTotal(t.sessionsByAudience, audienceText, kTopN));

    page.h(2, "Feedback from residents");
    page.p("The strategy looks at feedback from residents and families. Each answer is one tap on \"Was this page "
           "helpful?\"; nothing else is asked.");
    Series helpful, unhelpful;
    for (const auto& [p, answers] : t.feedback) {
        const auto yes = answers.find("helpful"), no = answers.find("not_helpful");
        helpful.emplace_back(plain(p), yes == answers.end() ? Tally{} : yes->second);
        unhelpful.emplace_back(plain(p), no == answers.end() ? Tally{} : no->second);
    }
    page.h(3, "Pages found helpful");
    page.bars("\"Helpful\" answers per page", "page", helpful);
    page.h(3, "Pages found not helpful");
    page.bars("\"Not helpful\" answers per page", "page", unhelpful);

    page.h(2, "What these figures never contain");
    page.p("No names, no pictures, no visitor or session ids, no time finer than the hour and no order of "
           "events: one person's path through the kiosk cannot be rebuilt from these counts "
           "(safeguarding rule 2). See docs/counts.md.");
    page.html += "</main>\n</body>\n</html>\n";
    return page.html;
}

} // namespace evpack
