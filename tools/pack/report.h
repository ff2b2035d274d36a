#pragma once
// The partnership's dashboard: one self-contained HTML page made from a counts file, and a CSV
// of exactly the figures it publishes.
#include <map>
#include <string>
#include <vector>

#include "core/pack/content.h"

#include "core/counts/counts_csv.h"
#include "dashboard_totals.h"

namespace evpack {

struct Dashboard {
    std::string html;
    std::string figures; // CSV: table,row,column,published, one line per figure on the page
};

// What the page is about, beyond the counts: set by `report`'s options.
struct DashboardContext {
    std::string source;                // the counts file's name, shown on the page
    // Names instead of ids, from the pack (English); an id not in them is shown as it is.
    std::map<std::string, std::string> pageTitles, serviceNames;
    // The end-of-visit questions in the pack's order, and their words: "know_who" is the
    // question, "know_who:yes" an answer.
    std::vector<ev::VisitQuestion> questionOrder;
    std::map<std::string, std::string> questionTexts;
    std::string packNote;              // which pack named them, or why none did
    std::string from, to;              // the period shown (YYYY-MM-DD); empty = the whole file
    const DashboardTotals* previous = nullptr; // the period of the same length before, if any
    std::string previousFrom, previousTo;
    // Disclosure control on every published figure, after aggregation (docs/counts.md).
    // Default: the ONS 10-5 rule.
    ev::Disclosure rule{10, 5};
};

// The page, organised under the CSA strategy's measures. Inline CSS and SVG only: no scripts,
// no web fonts, nothing fetched. Counts are read raw and controlled as published.
Dashboard dashboard(const DashboardTotals& totals, const DashboardContext& context);

} // namespace evpack
