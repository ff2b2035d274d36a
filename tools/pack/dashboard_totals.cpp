#include "dashboard_totals.h"

#include <algorithm>
#include <charconv>

namespace evpack {

namespace {

Week weekOf(const std::string& date) { // YYYY-MM-DD, checked by the reader
    const std::chrono::sys_days day = ev::countsDay(date);
    return day - (std::chrono::weekday{day} - std::chrono::Monday);
}

} // namespace

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
    else if (r.event == "feedback") feedback[r.page][r.detail].add(r.count);
    else if (r.event == "facilitated_session") {
        sessionsByAudience[r.audience].add(r.count);
        std::uint64_t head = 0;
        const auto [end, ec] = std::from_chars(r.detail.data(), r.detail.data() + r.detail.size(), head);
        if (ec == std::errc() && end == r.detail.data() + r.detail.size() && !r.count.suppressed) {
            people += head * r.count.n;
            kiosk_->weekly[kPeopleReached][week_].n += head * r.count.n;
        }
    }
}

} // namespace evpack
