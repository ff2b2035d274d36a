#include "report.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "core/counts/events.h"
#include "core/i18n/i18n.h"
#include "html.h"

namespace evpack {

namespace {

// Bars shown in a "most ..." chart; the table behind it lists the same ones.
constexpr std::size_t kTopN = 15;

std::string number(std::uint64_t n) {
    std::string s = std::to_string(n), out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i && (s.size() - i) % 3 == 0) out += ',';
        out += s[i];
    }
    return out;
}

// What a figure is published as, disclosure control applied at the level it is shown.
struct Published {
    bool withheld = false;
    std::uint64_t value = 0; // rounded; 0 when withheld (a chart draws this, never the raw count)
    std::string text;        // as printed, plain text
};

// The marker for a withheld figure, as statistical offices print it; the page's note explains it.
constexpr const char* kWithheld = "[c]";


// A chart's label: text, and the language it is written in when that is not English.
struct Label {
    std::string text, lang;
    std::string after; // in English after it, e.g. the English name of a language
    // As HTML or SVG content, with its language marked so screen readers and fonts get it right.
    std::string html(const char* element) const {
        if (lang.empty()) return escapeHtml(text + after);
        return std::string("<") + element + " lang=\"" + escapeHtml(lang) + "\">" + escapeHtml(text) + "</" + element + ">" +
               escapeHtml(after);
    }
    std::string plainText() const { return text + after; }
};
using Labeller = std::function<Label(const std::string&)>;

// "বাংলা · Bengali (bn)": the name its readers know, and the one the board knows.
Label localeLabel(const std::string& tag) {
    if (tag.empty()) return {"(none)", "", ""};
    const std::string own = ev::autonym(tag), english = ev::englishName(tag);
    return {own, tag, (own == english ? "" : " · " + english) + " (" + tag + ")"};
}
Label audienceText(const std::string& id) { return {id.empty() ? "(not chosen)" : ev::audienceLabel(id), "", ""}; }
Label plain(const std::string& s) { return {s, "", ""}; }
// A page's or service's name from the pack; its id where the pack has none (an older page).
Labeller named(const std::map<std::string, std::string>& names) {
    return [&names](const std::string& id) {
        const auto it = names.find(id);
        return Label{it == names.end() ? id : it->second, "", ""};
    };
}

using Series = std::vector<std::pair<Label, Tally>>;

// Every entry, largest first: the chart shows the first kTopN, but secondary suppression
// needs them all (they add up to the total the summary publishes).
Series sortedByTotal(const std::map<std::string, Tally>& m, const Labeller& label) {
    Series s;
    for (const auto& [k, t] : m) s.emplace_back(label(k), t);
    std::stable_sort(s.begin(), s.end(), [](const auto& a, const auto& b) { return a.second.n > b.second.n; });
    return s;
}

// Chart labels are cut to fit beside the bars; the table behind the chart has them whole.
std::string fitted(const Label& l) {
    constexpr std::size_t kMaxChars = 34;
    Label cut = l;
    std::size_t chars = 0, at = 0;
    for (; at < cut.text.size(); ++at)
        if ((static_cast<unsigned char>(cut.text[at]) & 0xC0) != 0x80 && ++chars > kMaxChars) break;
    if (at < cut.text.size()) cut.text = cut.text.substr(0, at) + "…", cut.after.clear();
    return cut.html("tspan");
}

class Page {
public:
    explicit Page(const ev::Disclosure& rule) : rule_(rule) { csv = "table,row,column,published\n"; }
    std::string html;
    std::string csv; // every figure the page publishes, as published
    int figures = 0;

    // One figure: below the threshold (or `withheld` by secondary suppression) it is withheld,
    // the rest rounded. Zero is published: nothing to disclose. Cells that came suppressed in
    // the file ("<N") are named apart, never added in.
    Published publish(const Tally& t, bool withheld = false) const {
        Published p;
        const ev::CountValue v = rule_.apply(t.n);
        p.withheld = t.n > 0 && (withheld || v.suppressed);
        p.value = p.withheld ? 0 : t.n == 0 ? 0 : v.n;
        p.text = p.withheld ? kWithheld : number(p.value);
        if (t.hidden) p.text += " + " + number(t.hidden) + " small (each <" + number(t.hiddenBelow) + ")";
        return p;
    }
    bool small(std::uint64_t n) const { return n > 0 && n < rule_.suppressBelow; }

    // Secondary suppression for cells whose total is published beside them: one withheld cell
    // alone would be the total minus the others, so the smallest other non-zero cell is withheld
    // with it (two unknowns cannot be told apart by subtraction).
    std::vector<bool> protect(const std::vector<const Tally*>& cells) const {
        std::vector<std::size_t> line(cells.size());
        for (std::size_t i = 0; i < cells.size(); ++i) line[i] = i;
        return protectLines(cells, {line}, std::vector<bool>(cells.size()), std::vector<bool>(cells.size()));
    }

    // The same for a table whose cells add up along several lines (a row's cells and the row's
    // total; a column's and the column's): withheld below the threshold, then, until no line has
    // exactly one withheld member, another member of such a line with it: the smallest non-zero
    // one that leaves none of its other lines with one withheld member and nothing left to pair
    // it with (withholding a row's cell can strand its column when the column's others are zero
    // or fixed), else the smallest. `fixedWithheld` members are withheld already (elsewhere on
    // the page); `pinned` ones are published elsewhere as they are, so they are never withheld here.
    std::vector<bool> protectLines(const std::vector<const Tally*>& cells, const std::vector<std::vector<std::size_t>>& lines,
                                   const std::vector<bool>& fixedWithheld, const std::vector<bool>& pinned) const {
        std::vector<bool> withheld(cells.size());
        for (std::size_t i = 0; i < cells.size(); ++i) withheld[i] = fixedWithheld[i] || (!pinned[i] && small(cells[i]->n));
        std::vector<std::vector<std::size_t>> linesOf(cells.size());
        for (std::size_t l = 0; l < lines.size(); ++l)
            for (std::size_t i : lines[l]) linesOf[i].push_back(l);
        const auto free = [&](std::size_t i) { return !withheld[i] && !pinned[i] && cells[i]->n > 0; };
        const auto lonely = [&](const std::vector<std::size_t>& line) {
            return std::count_if(line.begin(), line.end(), [&](std::size_t i) { return withheld[i]; }) == 1;
        };
        // Whether withholding i would leave one of its lines with one withheld member and no free one.
        const auto strands = [&](std::size_t i) {
            withheld[i] = true;
            bool stuck = false;
            for (std::size_t l : linesOf[i])
                stuck |= lonely(lines[l]) && std::none_of(lines[l].begin(), lines[l].end(), free);
            withheld[i] = false;
            return stuck;
        };
        for (bool changed = true; changed;) {
            changed = false;
            for (const auto& line : lines) {
                if (!lonely(line)) continue;
                std::size_t pick = cells.size();
                bool pickStrands = true;
                for (std::size_t i : line) {
                    if (!free(i)) continue;
                    const bool s = strands(i);
                    if (pick == cells.size() || (pickStrands && !s) || (s == pickStrands && cells[i]->n < cells[pick]->n))
                        pick = i, pickStrands = s;
                }
                if (pick < cells.size()) withheld[pick] = changed = true;
            }
        }
        return withheld;
    }

    // Shares of the answers to one question, per group (audience, language, venue), with the
    // counts: a row per group and one for everyone, each answer's count and its share of the
    // row's total, as published. The answers of everyone (and their total) are decided once,
    // for the first table of a question (allWithheld empty), and held to in the others, so no
    // two tables publish one figure differently. Shares are worked out from published figures.
    void shares(const std::string& caption, const std::string& what, const std::vector<std::pair<std::string, Label>>& answers,
                const std::vector<std::pair<Label, const Answers::ByAnswer*>>& groups, const Answers::ByAnswer& all,
                std::vector<bool>& allWithheld, const std::string& allLabel = "Everyone") {
        const std::size_t A = answers.size(), W = A + 1, G = groups.size();
        const Tally none;
        std::vector<Tally> totals(G + 1);
        std::vector<const Tally*> cells;
        for (std::size_t g = 0; g <= G; ++g) {
            const Answers::ByAnswer& row = g < G ? *groups[g].second : all;
            for (const auto& [id, label] : answers) {
                const auto it = row.find(id);
                cells.push_back(it == row.end() ? &none : &it->second);
                totals[g].add(*cells.back());
            }
            cells.push_back(&totals[g]);
        }
        std::vector<std::vector<std::size_t>> lines;
        for (std::size_t g = 0; g <= G; ++g) {
            lines.emplace_back();
            for (std::size_t a = 0; a < W; ++a) lines.back().push_back(g * W + a);
        }
        for (std::size_t a = 0; a < W; ++a) {
            lines.emplace_back();
            for (std::size_t g = 0; g <= G; ++g) lines.back().push_back(g * W + a);
        }
        std::vector<bool> fixed(cells.size()), pinned(cells.size());
        if (allWithheld.empty()) {
            // Everyone's row first, against its total alone.
            std::vector<const Tally*> allCells(cells.begin() + G * W, cells.end());
            std::vector<std::size_t> line(W);
            for (std::size_t a = 0; a < W; ++a) line[a] = a;
            allWithheld = protectLines(allCells, {line}, std::vector<bool>(W), std::vector<bool>(W));
        }
        for (std::size_t a = 0; a < W; ++a) (allWithheld[a] ? fixed : pinned)[G * W + a] = true;
        const std::vector<bool> withheld = protectLines(cells, lines, fixed, pinned);

        const int id = ++figures;
        constexpr int kRow = 30, kLabel = 330, kBar = 560, kWidth = 1100;
        const int height = static_cast<int>(G + 1) * kRow + 34;
        std::string svg = "<figure aria-labelledby=\"fig" + std::to_string(id) + "\">\n<svg aria-hidden=\"true\" viewBox=\"0 0 " +
                          std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"100%\">\n";
        std::string table = "<table class=\"shares\"><caption>" + escapeHtml(caption) + "</caption><thead><tr><th scope=\"col\">" + what + "</th>";
        for (const auto& [aid, label] : answers) table += "<th scope=\"col\">" + label.html("span") + "</th>";
        table += "<th scope=\"col\">answers</th></tr></thead><tbody>\n";
        int y = 4;
        for (std::size_t g = 0; g <= G; ++g) {
            const Label rowLabel = g < G ? groups[g].first : plain(allLabel);
            const Published total = publish(*cells[g * W + A], withheld[g * W + A]);
            table += "<tr><th scope=\"row\">" + rowLabel.html("span") + "</th>";
            svg += "<text x=\"" + std::to_string(kLabel - 8) + "\" y=\"" + std::to_string(y + 20) + "\" text-anchor=\"end\">" +
                   fitted(rowLabel) + "</text>";
            double x = kLabel;
            for (std::size_t a = 0; a < A; ++a) {
                const Published p = publish(*cells[g * W + a], withheld[g * W + a]);
                const bool share = !p.withheld && !total.withheld && total.value > 0;
                const double part = share ? static_cast<double>(p.value) / static_cast<double>(total.value) : 0;
                const std::string percent = share ? std::to_string(static_cast<int>(part * 100 + 0.5)) + "%" : kWithheld;
                // A count published beside a withheld total has no share to give: the count alone.
                table += "<td>" + (share ? percent + " (" + escapeHtml(p.text) + ")" : escapeHtml(p.text)) + "</td>";
                record(caption, rowLabel.plainText(), answers[a].second.plainText(), p);
                record(caption, rowLabel.plainText(), answers[a].second.plainText() + " share",
                       Published{!share, 0, share ? percent : kWithheld});
                // Shares rounded on their own can add up to a little over the whole: the bar stops at its end.
                const double width = std::min(part * kBar, kLabel + kBar - x);
                if (share && width > 0) {
                    char rect[200];
                    std::snprintf(rect, sizeof rect, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"22\" class=\"answer%zu\"/>", x,
                                  y + 4, width, a % 4);
                    svg += rect;
                    x += width;
                }
            }
            table += "<td>" + escapeHtml(total.text) + "</td></tr>\n";
            record(caption, rowLabel.plainText(), "answers", total);
            svg += "<text x=\"" + std::to_string(kLabel + kBar + 10) + "\" y=\"" + std::to_string(y + 20) + "\">" +
                   escapeHtml(total.withheld ? std::string(kWithheld) : total.text + " answers") + "</text>\n";
            y += kRow;
        }
        // The key, in the answers' order and colours.
        double kx = kLabel;
        for (std::size_t a = 0; a < A; ++a) {
            char key[160];
            std::snprintf(key, sizeof key, "<rect x=\"%.0f\" y=\"%d\" width=\"14\" height=\"14\" class=\"answer%zu\"/>", kx, y + 8, a % 4);
            svg += std::string(key) + "<text x=\"" + std::to_string(static_cast<int>(kx) + 20) + "\" y=\"" + std::to_string(y + 20) +
                   "\">" + fitted(answers[a].second) + "</text>";
            kx += 150;
        }
        svg += "\n</svg>\n<figcaption id=\"fig" + std::to_string(id) + "\">" + escapeHtml(caption) + "</figcaption>\n</figure>\n";
        html += svg + table + "</tbody></table>\n";
    }

    // Adds one published figure to the CSV of published figures.
    void record(std::string_view table, std::string_view row, std::string_view column, const Published& p) {
        for (std::string_view field : {table, row, column}) {
            ev::appendCsvField(csv, field);
            csv += ',';
        }
        std::string plainNumber = p.text; // 3,330 as 3330: a number a spreadsheet reads as one
        std::erase(plainNumber, ',');
        ev::appendCsvField(csv, plainNumber);
        csv += '\n';
    }

    void h(int level, const std::string& text) {
        html += "<h" + std::to_string(level) + ">" + text + "</h" + std::to_string(level) + ">\n";
    }
    void p(const std::string& text) { html += "<p>" + text + "</p>\n"; }

    // Horizontal bars, one per label, with the numbers drawn beside them; the table after it
    // carries the same figures for screen readers (the drawing is hidden from them).
    void bars(const std::string& caption, const std::string& what, const Series& all) {
        if (all.empty()) {
            p("No " + what + " counted yet.");
            return;
        }
        std::vector<const Tally*> cells;
        for (const auto& [label, t] : all) cells.push_back(&t);
        const std::vector<bool> withheld = protect(cells);
        std::vector<std::pair<Label, Published>> series;
        for (std::size_t i = 0; i < all.size(); ++i) series.emplace_back(all[i].first, publish(all[i].second, withheld[i]));
        // Largest published first; withheld ones last, in the order of their labels.
        std::stable_sort(series.begin(), series.end(), [](const auto& a, const auto& b) {
            if (a.second.withheld != b.second.withheld) return b.second.withheld;
            if (a.second.withheld) return a.first.plainText() < b.first.plainText();
            return a.second.value > b.second.value;
        });
        if (series.size() > kTopN) series.resize(kTopN);
        const int id = ++figures;
        constexpr int kRow = 28, kLabel = 330, kBar = 560, kWidth = 1100;
        std::uint64_t top = 1;
        for (const auto& [label, t] : series) top = std::max(top, t.value);
        const int height = static_cast<int>(series.size()) * kRow + 8;
        html += "<figure aria-labelledby=\"fig" + std::to_string(id) + "\">\n<svg aria-hidden=\"true\" viewBox=\"0 0 " +
                std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"100%\">\n";
        int y = 4;
        for (const auto& [label, t] : series) {
            const int w = static_cast<int>(static_cast<double>(t.value) / static_cast<double>(top) * kBar);
            html += "<text x=\"" + std::to_string(kLabel - 8) + "\" y=\"" + std::to_string(y + 19) +
                    "\" text-anchor=\"end\">" + fitted(label) + "</text><rect x=\"" + std::to_string(kLabel) + "\" y=\"" +
                    std::to_string(y + 4) + "\" width=\"" + std::to_string(std::max(w, 1)) +
                    "\" height=\"20\" class=\"bar\"/><text x=\"" + std::to_string(kLabel + std::max(w, 1) + 8) +
                    "\" y=\"" + std::to_string(y + 19) + "\">" + escapeHtml(t.text) + "</text>\n";
            y += kRow;
        }
        html += "</svg>\n<figcaption id=\"fig" + std::to_string(id) + "\">" + caption + "</figcaption>\n</figure>\n";
        html += "<table class=\"sr\"><caption>" + caption + "</caption><thead><tr><th scope=\"col\">" + what +
                "</th><th scope=\"col\">count</th></tr></thead><tbody>\n";
        for (const auto& [label, t] : series) {
            html += "<tr><th scope=\"row\">" + label.html("span") + "</th><td>" + escapeHtml(t.text) + "</td></tr>\n";
            record(caption, label.plainText(), "count", t);
        }
        html += "</tbody></table>\n";
    }

    // One strip of weekly columns per row (a venue; small multiples share one scale), its total
    // beside it, and the table. Each row's weeks are protected against its total, and the rows'
    // totals against each other.
    void weekly(const std::string& caption, const std::vector<std::string>& weeks,
                const std::map<std::string, std::map<std::string, Tally>>& byRow) {
        if (byRow.empty() || weeks.empty()) {
            p(caption + ": nothing counted in this period.");
            return;
        }
        // The rows' totals first, protected against each other (the summary publishes their sum);
        // then each row's weeks against its total. A withheld total keeps at least one of its
        // weeks withheld, or adding up the weeks would give it back.
        const Tally none;
        std::vector<std::string> rows;
        std::vector<Tally> sums;
        std::vector<std::vector<const Tally*>> raw; // row -> week
        for (const auto& [row, perWeek] : byRow) {
            rows.push_back(row);
            raw.emplace_back();
            sums.emplace_back();
            for (const std::string& w : weeks) {
                const auto it = perWeek.find(w);
                raw.back().push_back(it == perWeek.end() ? &none : &it->second);
                sums.back().add(*raw.back().back());
            }
        }
        std::vector<const Tally*> sumCells;
        for (const Tally& t : sums) sumCells.push_back(&t);
        const std::vector<bool> sumWithheld = protect(sumCells);
        std::vector<std::vector<Published>> cells; // row -> week
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::vector<bool> withheld = protect(raw[r]);
            if (sumWithheld[r] && std::find(withheld.begin(), withheld.end(), true) == withheld.end()) {
                std::size_t pick = 0;
                for (std::size_t i = 0; i < raw[r].size(); ++i)
                    if (raw[r][i]->n > 0 && (raw[r][pick]->n == 0 || raw[r][i]->n < raw[r][pick]->n)) pick = i;
                withheld[pick] = true;
            }
            cells.emplace_back();
            for (std::size_t i = 0; i < raw[r].size(); ++i) cells.back().push_back(publish(*raw[r][i], withheld[i]));
        }

        const int id = ++figures;
        constexpr int kRow = 46, kLabel = 330, kPlot = 620, kWidth = 1100;
        std::uint64_t top = 1;
        for (const auto& row : cells)
            for (const Published& c : row) top = std::max(top, c.value);
        const double step = static_cast<double>(kPlot) / static_cast<double>(weeks.size());
        const int height = static_cast<int>(rows.size()) * kRow + 30;
        html += "<figure aria-labelledby=\"fig" + std::to_string(id) + "\">\n<svg aria-hidden=\"true\" viewBox=\"0 0 " +
                std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"100%\">\n";
        std::vector<Published> totals; // per row
        int y = 4;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            html += "<text x=\"" + std::to_string(kLabel - 8) + "\" y=\"" + std::to_string(y + 28) +
                    "\" text-anchor=\"end\">" + fitted(plain(rows[r])) + "</text><line x1=\"" + std::to_string(kLabel) + "\" x2=\"" +
                    std::to_string(kLabel + kPlot) + "\" y1=\"" + std::to_string(y + 36) + "\" y2=\"" +
                    std::to_string(y + 36) + "\" class=\"axis\"/>\n";
            for (std::size_t i = 0; i < weeks.size(); ++i) {
                const Published& c = cells[r][i];
                if (c.value == 0 && !c.withheld) continue;
                // A withheld week is drawn as a short grey stub: something happened, how much is not said.
                const double h = c.withheld ? 3 : static_cast<double>(c.value) / static_cast<double>(top) * 32;
                char rect[200];
                std::snprintf(rect, sizeof rect, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%s\"/>",
                              kLabel + step * static_cast<double>(i), y + 36 - h, std::max(step * 0.8, 1.0), h,
                              c.withheld ? "withheld" : "bar");
                html += rect;
            }
            totals.push_back(publish(sums[r], sumWithheld[r]));
            html += "<text x=\"" + std::to_string(kLabel + kPlot + 10) + "\" y=\"" + std::to_string(y + 28) + "\">" +
                    escapeHtml(totals.back().text) + "</text>\n";
            y += kRow;
        }
        // One week is one label, not the same date at both ends of the axis.
        html += "<text x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 16) + "\">week of " + weeks.front() + "</text>";
        if (weeks.size() > 1)
            html += "<text x=\"" + std::to_string(kLabel + kPlot) + "\" y=\"" + std::to_string(y + 16) +
                    "\" text-anchor=\"end\">week of " + weeks.back() + "</text>";
        html += "\n</svg>\n<figcaption id=\"fig" + std::to_string(id) + "\">" + caption + "</figcaption>\n</figure>\n";
        html += "<table class=\"sr\"><caption>" + caption + "</caption><thead><tr><th scope=\"col\">week of</th>";
        for (const std::string& row : rows) html += "<th scope=\"col\">" + escapeHtml(row) + "</th>";
        html += "</tr></thead><tbody>\n";
        for (std::size_t i = 0; i < weeks.size(); ++i) {
            html += "<tr><th scope=\"row\">" + weeks[i] + "</th>";
            for (std::size_t r = 0; r < rows.size(); ++r) {
                html += "<td>" + escapeHtml(cells[r][i].text) + "</td>";
                record(caption, rows[r], weeks[i], cells[r][i]);
            }
            html += "</tr>\n";
        }
        html += "<tr><th scope=\"row\">total</th>";
        for (std::size_t r = 0; r < rows.size(); ++r) {
            html += "<td>" + escapeHtml(totals[r].text) + "</td>";
            record(caption, rows[r], "total", totals[r]);
        }
        html += "</tr>\n</tbody></table>\n";
    }

private:
    ev::Disclosure rule_;
};

const char* const kStyle = R"(
body{font-family:sans-serif;color:#0b0c0c;background:#fff;margin:0 auto;max-width:1100px;padding:24px;line-height:1.4}
h1{font-size:2rem;margin:0 0 8px}h2{font-size:1.5rem;margin:40px 0 8px;border-top:4px solid #1d70b8;padding-top:12px}
h3{font-size:1.2rem;margin:28px 0 4px}figure{margin:8px 0}figcaption{color:#505a5f;font-size:.9rem}
svg text{font-size:15px;fill:#0b0c0c}.bar{fill:#1d70b8}.withheld{fill:#b1b4b6}.axis{stroke:#b1b4b6}
.answer0{fill:#1d70b8}.answer1{fill:#6f72af}.answer2{fill:#f47738}.answer3{fill:#505a5f}
.shares{border-collapse:collapse;margin:4px 0 16px}.shares th,.shares td{border-bottom:1px solid #b1b4b6;padding:3px 10px;text-align:left}
.shares td{text-align:right}
@media print{body{max-width:none;padding:0}figure,table{break-inside:avoid}h2,h3{break-after:avoid}}
@page{size:A4;margin:15mm}
.summary{border-collapse:collapse;margin:8px 0}.summary th,.summary td{border-bottom:1px solid #b1b4b6;padding:4px 12px;text-align:left}
.summary td{text-align:right}.note{background:#f3f2f1;padding:12px 16px;border-left:6px solid #505a5f}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
)";

// The summary's rows, in the order of a visit.
constexpr ev::Event kSummary[] = {
    ev::Event::SessionStart, ev::Event::LanguageSelected, ev::Event::AudienceSelected, ev::Event::PageView,
    ev::Event::HelpView,     ev::Event::SignpostView,     ev::Event::QrShown,          ev::Event::AudioPlayed,
    ev::Event::Feedback,     ev::Event::QuickExit,        ev::Event::IdleReset,        ev::Event::FacilitatedSession,
    ev::Event::PagePresented,
};

// The measures drawn per week per venue (DashboardTotals::Kiosk::weekly).
struct WeeklyMeasure {
    const char* id;
    const char* caption;
};
constexpr WeeklyMeasure kWeekly[] = {
    {"session_start", "Visits started per week, per venue"},
    {"page_view", "Pages read per week, per venue"},
    {"help_view", "\"Get help now\" opened per week, per venue"},
    {"signpost_view", "Help services looked at per week, per venue"},
    {"quick_exit", "Quick exits per week, per venue"},
    {"facilitated_session", "Facilitated sessions per week, per venue"},
    {"page_presented", "Pages shown to groups (present mode) per week, per venue"},
    {DashboardTotals::kPeopleReached, "People reached by facilitated sessions per week, per venue"},
};

} // namespace

Dashboard dashboard(const DashboardTotals& t, const DashboardContext& c) {
    const auto& byEvent = t.byEvent;
    const auto totalIn = [](const DashboardTotals& d, const char* event) {
        const auto it = d.byEvent.find(event);
        return it == d.byEvent.end() ? Tally{} : it->second;
    };
    const auto total = [&](const char* event) { return totalIn(t, event); };
    // Every week from the first to the last, so that a quiet week shows as a gap, not nothing.
    std::vector<std::string> weeks;
    if (!t.weeks.empty()) {
        for (Week w = *t.weeks.begin(); w <= *t.weeks.rbegin(); w += std::chrono::days{7}) weeks.push_back(ev::countsDateText(w));
    }
    // Per venue: the label on each kiosk's latest row, kiosks of one venue added up.
    std::map<std::string, std::map<std::string, std::map<std::string, Tally>>> perMeasure; // measure -> venue -> week
    std::set<std::string> venues;
    for (const auto& [id, kiosk] : t.kiosks) {
        const std::string label = kiosk.venue.empty() ? "kiosk " + id.substr(0, 8) : kiosk.venue;
        venues.insert(label);
        for (const auto& [measure, perWeek] : kiosk.weekly)
            for (const auto& [w, n] : perWeek) perMeasure[measure][label][ev::countsDateText(w)].add(n);
    }
    // Anomalies: a week at a venue with more quick exits than visits is not behaviour to read
    // anything into (a test, a fault, staff showing the button); flagged, not charted as such.
    std::vector<std::string> anomalies;
    for (const auto& [venue, perWeek] : perMeasure["quick_exit"]) {
        const auto& visits = perMeasure["session_start"][venue];
        for (const auto& [w, exits] : perWeek) {
            const auto v = visits.find(w);
            if (exits.n > (v == visits.end() ? 0 : v->second.n)) anomalies.push_back(venue + ", week of " + w);
        }
    }

    Page page(c.rule);
    page.html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<title>Every Voice: awareness activity</title>\n<style>" +
                std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n";
    page.h(1, "Every Voice: awareness activity");
    const std::string period = c.from.empty() && c.to.empty()
                                   ? t.first + " to " + t.last
                                   : (c.from.empty() ? t.first : c.from) + " to " + (c.to.empty() ? t.last : c.to);
    if (t.rows == 0) page.p("The counts file " + escapeHtml(c.source) + " holds no counts for this period.");
    else
        page.p("From " + escapeHtml(c.source) + ": " + number(t.kiosks.size()) + " kiosk" + (t.kiosks.size() == 1 ? "" : "s") + " at " +
               number(venues.size()) + " venue" + (venues.size() == 1 ? "" : "s") + ", " + escapeHtml(period) +
               " (UTC). Every figure counts events, never people: a kiosk cannot tell who used it, and one "
               "visitor may make several of an event.");
    if (!c.packNote.empty()) page.p(escapeHtml(c.packNote));
    const bool rounding = c.rule.roundTo > 1, suppressing = c.rule.suppressBelow > 1;
    if (rounding || suppressing)
        page.html += "<p class=\"note\">Disclosure control: every figure is worked out from the raw counts and then " +
                     std::string(suppressing ? "withheld when below " + number(c.rule.suppressBelow) : "") +
                     (rounding && suppressing ? ", the rest " : "") +
                     (rounding ? "rounded to the nearest " + number(c.rule.roundTo) : "") +
                     ". <strong>[c]</strong> marks a withheld figure: too small to publish, or one that would let "
                     "a withheld figure be worked out from a total. Totals are rounded on their own, so the parts "
                     "shown may not add up to them exactly.</p>\n";
    bool anyHidden = false;
    for (const auto& [e, n] : byEvent) anyHidden |= n.hidden > 0;
    if (anyHidden)
        page.html += "<p class=\"note\">Some counts were already suppressed before this file reached the partnership "
                     "(exported with disclosure control). They are shown apart (\"+ 3 small, each &lt;10\") and never "
                     "added into the totals: for a true total, merge exports taken without it.</p>\n";
    if (!anomalies.empty()) {
        std::string list;
        for (const std::string& a : anomalies) list += (list.empty() ? "" : "; ") + escapeHtml(a);
        page.html += "<p class=\"note\"><strong>Check before reading:</strong> more quick exits than visits at " + list +
                     ". A quick exit is an event, not a person; this many usually means testing, a fault or staff "
                     "trying the button, not residents' behaviour.</p>\n";
    }

    page.h(2, "Summary");
    const bool compare = c.previous != nullptr;
    page.html += "<table class=\"summary\"><caption class=\"sr\">Every event counted</caption><thead><tr><th scope=\"col\">"
                 "what was counted</th><th scope=\"col\">" + escapeHtml(compare ? period : std::string("total")) + "</th>" +
                 (compare ? "<th scope=\"col\">previous period, " + escapeHtml(c.previousFrom + " to " + c.previousTo) + "</th>" : "") +
                 "</tr></thead><tbody>\n";
    const auto summaryRow = [&](const std::string& label, const Tally& now, const Tally& before) {
        const Published p = page.publish(now);
        page.html += "<tr><th scope=\"row\">" + escapeHtml(label) + "</th><td>" + escapeHtml(p.text) + "</td>";
        page.record("Summary", label, "total", p);
        if (compare) {
            const Published q = page.publish(before);
            page.html += "<td>" + escapeHtml(q.text) + "</td>";
            page.record("Summary", label, "previous period", q);
        }
        page.html += "</tr>\n";
    };
    for (const ev::Event e : kSummary) {
        const std::string id(ev::eventName(e));
        summaryRow(std::string(ev::eventLabel(e)), total(id.c_str()), compare ? totalIn(*c.previous, id.c_str()) : Tally{});
    }
    summaryRow("People reached by facilitated sessions", Tally{t.people}, Tally{compare ? c.previous->people : 0});
    page.html += "</tbody></table>\n";

    page.h(2, "How much was done: activity to raise awareness of child sexual abuse");
    page.p("The strategy's first measure of how much has been done. Aim 1: to educate the community so they "
           "understand child sexual abuse in all its forms.");
    page.h(3, "Activity per week per venue");
    page.p("Each measure per week (Monday to Sunday, UTC), one strip per venue on one scale, the venue's total at "
           "the right.");
    for (const WeeklyMeasure& m : kWeekly) page.weekly(m.caption, weeks, perMeasure[m.id]);
    page.h(3, "Languages");
    page.bars("Languages chosen at the start of a visit", "language", sortedByTotal(t.locales, localeLabel));
    page.bars("Pages read, by the language they were read in", "language", sortedByTotal(t.readingLocales, localeLabel));
    page.h(3, "Audiences");
    page.bars("Who residents said they were", "audience", sortedByTotal(t.audiences, audienceText));
    page.h(3, "Most-read pages");
    page.bars("The " + std::to_string(kTopN) + " pages read most", "page", sortedByTotal(t.pages, named(c.pageTitles)));
    page.h(3, "Help and signpost views");
    page.p("\"Get help now\" opened: " + escapeHtml(page.publish(total("help_view")).text) + ".");
    page.bars("Help services looked at", "service", sortedByTotal(t.signposts, named(c.serviceNames)));
    page.h(3, "QR codes shown");
    page.p("A QR code is shown on the help screen and on a service's own screen; whether anyone scanned it "
           "cannot be known.");
    page.bars("QR codes shown, by service", "service", sortedByTotal(t.qr, named(c.serviceNames)));
    page.h(3, "Quick exits");
    page.p("Quick exits (the red Exit button or Shift three times) are events: one visitor may use it more than "
           "once, and staff trying it count too. " + escapeHtml(page.publish(total("quick_exit")).text) + " in this period.");
    page.h(3, "Facilitated sessions");
    page.p("Aim 1's second action, working with the voluntary and community sector: awareness sessions that "
           "partners run with the kiosk's content. " + escapeHtml(page.publish(total("facilitated_session")).text) +
           " sessions recorded, reaching " + escapeHtml(page.publish(Tally{t.people}).text) +
           " people by the head counts partners gave (each session's people counted once, whatever its languages). "
           "A session for several audiences or in several languages counts once under each, so these charts can add "
           "up to more than the sessions.");
    page.bars("Facilitated sessions by audience", "audience", sortedByTotal(t.sessionsByAudience, audienceText));
    page.bars("Facilitated sessions by language", "language", sortedByTotal(t.sessionsByLanguage, localeLabel));
    page.bars("Facilitated sessions by session plan", "plan",
              sortedByTotal(t.sessionsByPlan, [](const std::string& id) { return plain(id.empty() ? "(no plan named)" : id); }));

    // Answers as shares, for everyone and per audience, language and venue.
    const auto perVenue = [&](const Answers& a) {
        std::map<std::string, Answers::ByAnswer> out;
        for (const auto& [kiosk, byAnswer] : a.byKiosk) {
            const auto it = t.kiosks.find(kiosk);
            const std::string label = it == t.kiosks.end() || it->second.venue.empty() ? "kiosk " + kiosk.substr(0, 8) : it->second.venue;
            for (const auto& [answer, n] : byAnswer) out[label][answer].add(n);
        }
        return out;
    };
    const auto groupsOf = [](const std::map<std::string, Answers::ByAnswer>& m, const Labeller& label) {
        std::vector<std::pair<Label, const Answers::ByAnswer*>> out;
        for (const auto& [k, v] : m) out.emplace_back(label(k), &v);
        return out;
    };
    const auto breakdowns = [&](const std::string& what, const Answers& a,
                                const std::vector<std::pair<std::string, Label>>& answers) {
        std::vector<bool> all; // everyone's row, decided by the first table and held to by the rest
        page.shares(what + ", by audience", "audience", answers, groupsOf(a.byAudience, audienceText), a.all, all);
        page.shares(what + ", by language", "language", answers, groupsOf(a.byLanguage, localeLabel), a.all, all);
        const auto venues = perVenue(a);
        page.shares(what + ", by venue", "venue", answers, groupsOf(venues, plain), a.all, all);
        return all;
    };
    // The answers in the pack's order, then any others the file holds (a question since changed).
    const auto answerList = [](const Answers::ByAnswer& all, std::vector<std::string> order, const Labeller& label) {
        for (const auto& [id, n] : all)
            if (std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
        std::vector<std::pair<std::string, Label>> out;
        for (const std::string& id : order) out.emplace_back(id, label(id));
        return out;
    };

    page.h(2, "How well it was done: feedback from residents");
    page.p("The strategy looks at feedback from residents, children and families. Each answer is one tap on "
           "\"Was this page helpful?\" at the end of a page; nothing else is asked. Shares are of the answers "
           "given, worked out from the published (rounded) counts.");
    if (t.helpful.all.empty()) page.p("No answers counted yet.");
    else {
        const auto answers = answerList(t.helpful.all, {"helpful", "not_helpful"}, [](const std::string& id) {
            return plain(id == "helpful" ? "Helpful" : id == "not_helpful" ? "Not helpful" : id);
        });
        const std::vector<bool> all = breakdowns("\"Was this page helpful?\"", t.helpful, answers);
        std::map<std::string, Answers::ByAnswer> byPage(t.feedback.begin(), t.feedback.end());
        std::vector<bool> held = all;
        page.h(3, "Per page");
        page.shares("\"Was this page helpful?\", by page", "page", answers, groupsOf(byPage, named(c.pageTitles)), t.helpful.all, held);
    }

    page.h(2, "What difference it made");
    page.p("At the end of a visit that read a page, the kiosk may ask up to two one-tap questions (skipping is one "
           "tap, and nothing is asked after a quick exit or when a visit was left). In a group session the "
           "facilitator counts the room's hands for the plan's question before and after. Each figure is a "
           "number of answers or hands, never of people identified.");
    if (t.visitAnswers.empty()) page.p("No end-of-visit answers counted yet.");
    // The pack's questions first, in its order; any others in the file after them.
    std::vector<std::string> questionIds;
    for (const ev::VisitQuestion& q : c.questionOrder)
        if (t.visitAnswers.contains(q.id)) questionIds.push_back(q.id);
    for (const auto& [id, a] : t.visitAnswers)
        if (std::find(questionIds.begin(), questionIds.end(), id) == questionIds.end()) questionIds.push_back(id);
    for (const std::string& qid : questionIds) {
        const auto text = c.questionTexts.find(qid);
        const std::string question = text == c.questionTexts.end() ? qid : "\"" + text->second + "\"";
        std::vector<std::string> order;
        for (const ev::VisitQuestion& q : c.questionOrder)
            if (q.id == qid) order = q.answers;
        page.h(3, escapeHtml(question));
        breakdowns(question, t.visitAnswers.at(qid), answerList(t.visitAnswers.at(qid).all, order, [&](const std::string& id) {
                       const auto it = c.questionTexts.find(qid + ":" + id);
                       return plain(it == c.questionTexts.end() ? id : it->second);
                   }));
    }
    page.h(3, "Group sessions: the room before and after");
    if (t.roomAnswers.empty()) page.p("No show of hands counted yet.");
    for (const auto& [plan, moments] : t.roomAnswers) {
        // Before and after side by side, as rows of one table: the change in the room.
        Answers::ByAnswer all;
        std::map<std::string, Answers::ByAnswer> rows;
        for (const auto& [moment, a] : moments) {
            rows[moment] = a.all;
            for (const auto& [answer, n] : a.all) all[answer].add(n);
        }
        std::vector<std::pair<Label, const Answers::ByAnswer*>> groups;
        for (const char* moment : {"before", "after"})
            if (rows.contains(moment)) groups.emplace_back(plain(moment == std::string("before") ? "Before the session" : "After the session"), &rows[moment]);
        for (const auto& [moment, r] : rows)
            if (moment != "before" && moment != "after") groups.emplace_back(plain(moment), &r);
        // The plan's answers are not in the pack: the usual ones in their usual order, then the rest.
        std::vector<std::string> order;
        for (const char* usual : {"yes", "a_little", "not_sure", "no"})
            if (all.contains(usual)) order.push_back(usual);
        std::vector<bool> held;
        page.shares("Hands raised for each answer, session plan " + plan, "when", answerList(all, order, plain), groups, all, held,
                    "Before and after together");
    }

    page.h(2, "What these figures never contain");
    page.p("No names, no pictures, no visitor or session ids, no time finer than the hour and no order of "
           "events: one person's path through the kiosk cannot be rebuilt from these counts "
           "(safeguarding rule 2). See docs/counts.md.");
    page.html += "</main>\n</body>\n</html>\n";
    return {std::move(page.html), std::move(page.csv)};
}

} // namespace evpack
