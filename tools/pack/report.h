#pragma once
// The partnership's dashboard: one self-contained HTML page made from a counts file.
#include <string>

#include "dashboard_totals.h"

namespace evpack {

// The page, organised under the CSA strategy's measures. `source` names the counts file in
// the page. Inline CSS and SVG only: no scripts, no web fonts, nothing fetched.
std::string dashboardHtml(const DashboardTotals& totals, const std::string& source);

} // namespace evpack
