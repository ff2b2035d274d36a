#include "dashboard_totals.h"

#include <algorithm>
#include <charconv>

namespace evpack {

namespace {

Week weekOf(const std::string& date) { // YYYY-MM-DD, checked by the reader
    const std::chrono::sys_days day = ev::countsDay(date);
    return day - (std::chrono::weekday{day} - std::chrono::Monday);
}

// A facilitated session's detail: its head count, optionally "/<plan id>" after it.
bool headCount(const std::string& detail, std::uint64_t& head, std::string& plan) {
    const std::size_t slash = detail.find('/');
    const std::string_view n = std::string_view(detail).substr(0, slash);
    plan = slash == std::string::npos ? std::string() : detail.substr(slash + 1);
    const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), head);
    return ec == std::errc() && end == n.data() + n.size() && !n.empty();
}

} // namespace

std::vector<std::string> joinedValues(const std::string& value) {
    std::vector<std::string> out;
    for (std::size_t start = 0;;) {
        const std::size_t end = value.find('+', start);
        out.push_back(value.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void Answers::add(const ev::CountRow& r, const std::string& answer) {
    all[answer].add(r.count);
    for (const std::string& a : joinedValues(r.audience)) byAudience[a][answer].add(r.count);
    for (const std::string& l : joinedValues(r.locale)) byLanguage[l][answer].add(r.count);
    byKiosk[r.kioskId][answer].add(r.count);
}

void Tally::add(const ev::CountValue& v) {
    if (v.suppressed) {
        ++hidden;
        hiddenBelow = std::max(hiddenBelow, v.n);
    } else {
        n += v.n;
    }
}

void Tally::add(const Tally& t) {
    n += t.n;
    hidden += t.hidden;
    hiddenBelow = std::max(hiddenBelow, t.hiddenBelow);
}

void DashboardTotals::add(const ev::CountRow& r) {
    ++rows;
    if (!kiosk_ || *kioskId_ != r.kioskId) {
        const auto it = kiosks.try_emplace(r.kioskId).first;
        kioskId_ = &it->first;
        kiosk_ = &it->second;
    }
    kiosk_->venue = r.venue;
    if (r.date != date_) {
        date_ = r.date;
        week_ = weekOf(r.date);
        weeks.insert(week_);
        if (first.empty() || r.date < first) first = r.date;
        if (last.empty() || r.date > last) last = r.date;
    }
    byEvent[r.event].add(r.count);
    kiosk_->weekly[r.event][week_].add(r.count);
    if (r.event == "language_selected") locales[r.locale].add(r.count);
    else if (r.event == "audience_selected") audiences[r.audience].add(r.count);
    else if (r.event == "page_view") {
        pages[r.page].add(r.count);
        readingLocales[r.locale].add(r.count);
    } else if (r.event == "signpost_view") signposts[r.detail].add(r.count);
    else if (r.event == "qr_shown") qr[r.detail].add(r.count);
    else if (r.event == "feedback") {
        feedback[r.page][r.detail].add(r.count);
        helpful.add(r, r.detail);
    } else if (r.event == "visit_answer") {
        const std::size_t colon = r.detail.find(':');
        if (colon != std::string::npos) visitAnswers[r.detail.substr(0, colon)].add(r, r.detail.substr(colon + 1));
    } else if (r.event == "room_answer") { // <plan>:<before|after>:<answer>, n = hands
        const std::size_t a = r.detail.find(':'), b = a == std::string::npos ? a : r.detail.find(':', a + 1);
        if (b != std::string::npos) roomAnswers[r.detail.substr(0, a)][r.detail.substr(a + 1, b - a - 1)].add(r, r.detail.substr(b + 1));
    } else if (r.event == "facilitated_session") {
        // One row is one session whatever its languages: its people are added once, and each
        // of its languages and audiences counts it once.
        for (const std::string& a : joinedValues(r.audience)) sessionsByAudience[a].add(r.count);
        for (const std::string& l : joinedValues(r.locale)) sessionsByLanguage[l].add(r.count);
        std::uint64_t head = 0;
        std::string plan;
        const bool known = headCount(r.detail, head, plan);
        sessionsByPlan[plan].add(r.count);
        if (known && !r.count.suppressed) {
            people += head * r.count.n;
            kiosk_->weekly[kPeopleReached][week_].n += head * r.count.n;
        }
    }
}

} // namespace evpack
