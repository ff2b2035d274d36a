#include "ui/views/admin_view.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "core/counts/counts.h"
#include "core/counts/counts_export.h"
#include "core/counts/kiosk_identity.h"
#include "core/i18n/i18n.h"
#include "core/pack/pack_store.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

namespace {

constexpr const char* kPeriods[] = {"Today", "Last 7 days", "Last 30 days"};

std::string seconds(Millis t) { return std::to_string(t.count() / 1000) + " s"; }

// Draft and reviewed pages of each of the pack's languages.
std::string translationLine(const Pack& pack, const LocaleInfo& locale) {
    int reviewed = 0, draft = 0;
    for (const Page& page : pack.pages) {
        const auto t = page.text.find(locale.tag);
        if (t == page.text.end()) continue;
        (t->second.status == "reviewed" ? reviewed : draft)++;
    }
    return locale.tag + " (" + locale.status + "): " + std::to_string(reviewed) + " reviewed, " +
           std::to_string(draft) + " draft, of " + std::to_string(pack.pages.size()) + " pages";
}

// Names staff read, not ids: "QR codes shown", "বাংলা · Bangla", "Parents and carers".
std::string eventText(const std::string& key) {
    const auto e = eventFromName(key);
    return e ? std::string(eventLabel(*e)) : key;
}
std::string languageText(const std::string& tag) {
    const std::string own = autonym(tag), english = englishName(tag);
    return own == english ? own : own + " · " + english;
}
std::string audienceText(const std::string& id) { return audienceLabel(id); }

} // namespace

void AdminView::arrive(const Location&) {
    counts_.reset();
    countsProblem_.clear();
    venue_.clear();
    exportMessage_.clear();
    confirming_.clear();
    scroll_.reset();
    // A damaged or newer counts database was set aside at start: staff should know, and keep it.
    countsWarning_ = staff_.counter ? staff_.counter->setAsideWarning() : std::string();
    health_ = staff_.health ? staff_.health() : std::vector<CheckResult>();
    if (staff_.stateDir.empty()) {
        countsProblem_ = "No state folder: no counts here.";
        return;
    }
    if (staff_.counter && !staff_.counter->flush())
        countsProblem_ = "Counts not yet saved (" + staff_.counter->lastError() + "); they are kept and retried. ";
    try {
        counts_ = summariseCounts(staff_.stateDir, clock_.unixSeconds());
    } catch (const CountsError& e) {
        countsProblem_ += e.what();
    }
    try {
        venue_ = KioskIdentity::read(staff_.stateDir).venue();
    } catch (const KioskIdentityError& e) {
        venue_ = std::string("(") + e.what() + ")";
    }
}

// The counts as a CSV file, named for the kiosk and the day so that exports from many kiosks
// sit side by side on one stick.
void AdminView::exportCounts() {
    try {
        const CountsExported done = exportCountsFile(
            staff_.stateDir, {staff_.exportDir, CountsFileName::PerExport, Disclosure{}, staff_.counter, clock_.unixSeconds()});
        exportMessage_ = "Exported " + std::to_string(done.rows) + " rows to " + done.file.string() + ".";
        if (!done.damage.empty()) exportMessage_ += " Warning: " + done.damage + ".";
    } catch (const std::exception& e) { // CountsError, FileError: one line each
        exportMessage_ = std::string("Not exported: ") + e.what() + ". The counts are kept on this kiosk.";
    }
    std::fprintf(stderr, "everyvoice-kiosk: %s\n", exportMessage_.c_str()); // the kiosk's log keeps it too
}

float AdminView::drawBars(Ui& ui, float y, const char* heading, const std::vector<CountTotal>& totals,
                          std::string (*label)(const std::string& key)) {
    const Rect& col = ui.column;
    const float top = y;
    y += paragraph(ui, heading, {col.min.x, y}, col.width(), theme::kTextH3, ui.c.ink, true) + ui.px(8);
    if (totals.empty()) {
        y += paragraph(ui, "None yet.", {col.min.x, y}, col.width(), theme::kTextSmall, ui.c.inkSoft) + ui.px(8);
        return y - top;
    }
    const std::uint64_t most = totals.front().n; // largest first
    const float labelW = col.width() * 0.38f, barX = col.min.x + labelW, barMax = col.width() - labelW - ui.px(120);
    const float rowH = ui.px(44);
    for (const CountTotal& t : totals) {
        // A label of two lines ("Visits left without finishing") makes its row taller.
        const float labelH = paragraph(ui, t.key.empty() ? "(none)" : label(t.key), {col.min.x, y}, labelW - ui.px(12),
                                       theme::kTextSmall, ui.c.ink);
        const float w = std::max(ui.px(4), barMax * static_cast<float>(t.n) / static_cast<float>(most));
        ui.dl->AddRectFilled({barX, y + ui.px(6)}, {barX + w, y + rowH - ui.px(6)}, ui.c.accent, ui.px(4));
        paragraph(ui, std::to_string(t.n), {barX + w + ui.px(12), y}, ui.px(110), theme::kTextSmall, ui.c.ink);
        y += std::max(rowH, labelH + ui.px(8));
    }
    return y + ui.px(16) - top;
}

// A partner's group session (laptop and projector): present the pages to the room, and record
// the session afterwards (ui/views/present_view.h, record_view.h).
float AdminView::drawGroupSession(Ui& ui, float y) {
    const Rect& col = ui.column;
    const float top = y, gap = ui.px(theme::kGap), bh = ui.px(theme::kButton);
    y += paragraph(ui, "Present to a group", {col.min.x, y}, col.width(), theme::kTextH2, ui.c.ink, true) + ui.px(8);
    const char* names[] = {"Children's pages", "Teenagers' pages", "Parents' and carers' pages", "Community pages"};
    static_assert(std::size(names) == std::size(kAllAudiences));
    const float half = (col.width() - gap) * 0.5f;
    for (std::size_t i = 0; i < std::size(names); ++i) {
        const float x = i % 2 ? col.max.x - half : col.min.x;
        const std::string source = std::string("topics:") + audienceId(kAllAudiences[i]);
        if (button(ui, "admin:present:" + source, names[i], Rect{{x, y}, {x + half, y + bh}}, Look::Secondary))
            ui.session.present(source);
        if (i % 2) y += bh + gap;
    }
    // The pack's session plans, by their English titles.
    for (const Plan& plan : ui.pack.plans) {
        bool stale = false;
        const PlanText* t = ui.pack.planTextToShow(plan.id, ui.pack.defaultLocale, stale);
        const std::string label = "Plan: " + (t ? t->title : plan.id) + " (" + std::to_string(plan.minutes) + " min)";
        if (button(ui, "admin:present:plan:" + plan.id, label, Rect{{col.min.x, y}, {col.max.x, y + bh}}, Look::Secondary))
            ui.session.present("plan:" + plan.id);
        y += bh + gap;
    }
    if (button(ui, "admin:record", "Record a group session", Rect{{col.min.x, y}, {col.max.x, y + bh}}, Look::Primary))
        ui.session.openRecord({});
    y += bh + gap;
    return y - top;
}

// Showing an older pack undoes a correction the comms team sent, so each choice takes a second
// tap on the same button, which then says what will happen.
float AdminView::drawPackChoices(Ui& ui, PackChoices& packs, float y) {
    const Rect& col = ui.column;
    const float bh = ui.px(theme::kButton), top = y;
    const auto choice = [&](const char* id, const std::string& label, const std::string& confirm, auto act) {
        const bool armed = confirming_ == id;
        if (button(ui, id, armed ? confirm : label, Rect{{col.min.x, y}, {col.max.x, y + bh}},
                   armed ? Look::Primary : Look::Secondary)) {
            if (!armed) {
                confirming_ = id;
            } else {
                confirming_.clear();
                act();
                packStatus_ = packs.status();
            }
        }
        y += bh + ui.px(12);
    };
    if (const std::string older = packs.refusedOlder(); !older.empty())
        choice("admin:force-older", "Show the older pack " + older + " anyway",
               "Tap again to show " + older + " from the next start screen", [&] { packs.forceOlder(); });
    if (const std::string kept = packs.kept(); !kept.empty())
        choice("admin:kept-pack", "Go back to the kept pack, " + kept,
               "Tap again to show " + kept + " from the next start screen", [&] { packs.switchToKept(); });
    return y - top;
}

void AdminView::draw(Ui& ui) {
    const Rect& col = ui.column;
    const float gap = ui.px(theme::kGap), bh = ui.px(theme::kButton);
    float y = col.min.y;
    y += paragraph(ui, "Staff: admin", {col.min.x, y}, col.width(), theme::kTextTitle, ui.c.ink, true) + ui.px(16);
    const float half = (col.width() - gap) * 0.5f;
    if (button(ui, "admin:close", "Back to the start screen", Rect{{col.min.x, y}, {col.min.x + half, y + bh}}, Look::Primary))
        ui.session.goTo({Screen::Attract, {}});
    if (button(ui, "admin:quit", "Close the kiosk", Rect{{col.max.x - half, y}, {col.max.x, y + bh}}, Look::Secondary))
        gate_.ask(ui.session);
    y += bh + gap;

    y = scroll_.begin(ui, Rect{{col.min.x, y}, col.max});
    const float top = y;
    const auto line = [&](const std::string& text) {
        y += paragraph(ui, text, {col.min.x, y}, col.width(), theme::kTextBody, ui.c.ink) + ui.px(10);
    };
    line("Pack: " + ui.pack.id + ", version " + std::to_string(ui.pack.version) + " (" + ui.pack.title + ")" +
         (packOrigin_.empty() ? std::string() : ", " + packOrigin_));
    line("Updates and signature: " + (packStatus_.empty() ? std::string("no update tried since the kiosk started") : packStatus_));
    if (staff_.packs) y += drawPackChoices(ui, *staff_.packs, y);
    line("Venue: " + (venue_.empty() ? std::string("not set (venue in kiosk.toml)") : venue_));
    if (!countsWarning_.empty()) line("Warning: " + countsWarning_);
    // The health checks' verdict up here; their lines below the staff's everyday tasks.
    if (!health_.empty()) line("Health: " + healthSummary(health_) + " (each check is listed under Health below)");

    // The idle limit, for this run: kiosk.toml is staff's to edit, not the screen's.
    SessionSettings settings = ui.session.settings();
    y += ui.px(12);
    const float small = ui.px(150);
    paragraph(ui, "Idle limit: " + seconds(settings.idleLimit), {col.min.x, y + bh * 0.25f}, col.width() - 2 * (small + gap),
              theme::kTextBody, ui.c.ink);
    if (button(ui, "admin:idle-less", "−", Rect{{col.max.x - 2 * small - gap, y}, {col.max.x - small - gap, y + bh}}, Look::Secondary))
        settings.idleLimit = std::max(kIdleMin, settings.idleLimit - kIdleStep);
    if (button(ui, "admin:idle-more", "+", Rect{{col.max.x - small, y}, {col.max.x, y + bh}}, Look::Secondary))
        settings.idleLimit = std::min(kIdleMax, settings.idleLimit + kIdleStep);
    if (settings.idleLimit != ui.session.settings().idleLimit) ui.session.setSettings(settings);
    y += bh + gap;

    if (button(ui, "admin:export", "Export counts to " + staff_.exportDir.string(), Rect{{col.min.x, y}, {col.max.x, y + bh}},
               Look::Primary))
        exportCounts();
    y += bh + ui.px(12);
    if (!exportMessage_.empty()) line(exportMessage_);

    y += ui.px(24);
    y += drawGroupSession(ui, y);

    if (!health_.empty()) { // everyvoice-kiosk --check's lines, as the journal has them
        y += ui.px(24);
        y += paragraph(ui, "Health", {col.min.x, y}, col.width(), theme::kTextH2, ui.c.ink, true) + ui.px(8);
        for (const CheckResult& r : health_) line(checkLine(r));
    }

    y += ui.px(24);
    y += paragraph(ui, "Translations", {col.min.x, y}, col.width(), theme::kTextH2, ui.c.ink, true) + ui.px(8);
    for (const LocaleInfo& l : ui.pack.locales) line(translationLine(ui.pack, l));

    y += ui.px(24);
    y += paragraph(ui, "Counts (UTC days)", {col.min.x, y}, col.width(), theme::kTextH2, ui.c.ink, true) + ui.px(8);
    const float pw = (col.width() - 2 * gap) / 3;
    for (int i = 0; i < 3; ++i) {
        const float px = col.min.x + static_cast<float>(i) * (pw + gap);
        if (button(ui, "admin:period" + std::to_string(i), kPeriods[i], Rect{{px, y}, {px + pw, y + bh}},
                   period_ == i ? Look::Primary : Look::Secondary))
            period_ = i;
    }
    y += bh + gap;
    if (!countsProblem_.empty()) line(countsProblem_);
    if (counts_) {
        const CountsSummary& s = period_ == 0 ? counts_->today : period_ == 1 ? counts_->week : counts_->month;
        y += drawBars(ui, y, "Events", s.events, eventText);
        line("People reached by group sessions: " + std::to_string(s.peopleReached) + " (the head counts recorded)");
        y += drawBars(ui, y, "Languages chosen", s.languages, languageText);
        y += drawBars(ui, y, "Who am I", s.audiences, audienceText);
    }
    scroll_.end(ui, y - top);
}

} // namespace ev::ui
