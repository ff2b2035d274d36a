#include "ui/views/record_view.h"

#include <algorithm>

#include "core/counts/events.h"
#include "core/i18n/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

namespace {

// A plan by its title in the pack's default language, as staff read this screen.
std::string planTitle(const Ui& ui, const std::string& id) {
    if (const Plan* plan = ui.pack.plan(id))
        if (const auto t = plan->text.find(ui.pack.defaultLocale); t != plan->text.end() && !t->second.title.empty())
            return t->second.title;
    return id;
}

template <class T> void toggle(std::vector<T>& v, const T& x) {
    const auto it = std::find(v.begin(), v.end(), x);
    if (it == v.end()) v.push_back(x);
    else v.erase(it);
}

template <class T> bool has(const std::vector<T>& v, const T& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

} // namespace

void RecordView::arrive(const Location& from) {
    audiences_.clear();
    locales_.clear();
    heads_ = 0;
    recordedAt_.reset();
    recorded_.clear();
    message_.clear();
    presenting_ = from.screen == Screen::Present ? from.id : std::string();
    plan_.clear(); // the plan the session followed: the one presented, until another is chosen
    arrived_ = true;
}

std::optional<Millis> RecordView::nextChange(const Ui& ui) const {
    if (!recordedAt_) return std::nullopt;
    const Millis left = *recordedAt_ + kUndoFor - ui.now;
    return left > Millis(0) ? std::optional<Millis>(left) : std::nullopt;
}

void RecordView::draw(Ui& ui) {
    // Staff read this screen in English, whatever language the session was presented in: laid
    // out left to right ("How many people came?", not "?How many people came").
    const bool rtl = ui.rtl;
    ui.rtl = false;
    ui.text.setLanguage(ui.pack.defaultLocale, false);
    drawStaff(ui);
    ui.text.setLanguage(ui.locale, rtl);
    ui.rtl = rtl;
}

void RecordView::drawStaff(Ui& ui) {
    const float gap = ui.px(theme::kGap), bh = ui.px(theme::kButton);
    if (arrived_) {
        locales_.push_back(ui.locale); // the language presented in
        plan_ = ui.session.location().id;
        arrived_ = false;
    }
    // Two panes side by side on a landscape screen (what and who | how many and record), one
    // above the other in portrait; nothing scrolls.
    const Rect& s = ui.screen;
    const bool wide = s.width() > s.height();
    const float margin = ui.px(theme::kMargin);
    const Rect all = wide ? Rect{{s.min.x + margin, s.min.y + margin}, {s.max.x - margin, s.max.y - margin}} : ui.column;
    float y = all.min.y;
    y += paragraph(ui, "Record the group session", {all.min.x, y}, all.width(), theme::kTextTitle, ui.c.ink, true) +
         ui.px(24);
    const float paneW = wide ? (all.width() - 2 * gap) * 0.5f : all.width();
    Rect pane{{all.min.x, y}, {all.min.x + paneW, all.max.y}};
    const auto heading = [&](const std::string& text) {
        y += paragraph(ui, text, {pane.min.x, y}, pane.width(), theme::kTextH3, ui.c.ink, true) + ui.px(12);
    };
    // A row of equal buttons, wrapping after perRow.
    const auto grid = [&](int n, int perRow, auto each) {
        const float w = (pane.width() - float(perRow - 1) * gap) / float(perRow);
        for (int i = 0; i < n; ++i) {
            const float x = pane.min.x + float(i % perRow) * (w + gap);
            each(i, Rect{{x, y}, {x + w, y + bh}});
            if (i % perRow == perRow - 1 || i == n - 1) y += bh + gap;
        }
    };
    const bool recorded = ui.session.recorded(Record::GroupSession);
    if (!recorded) {
        heading("Who was it for? (one or more)");
        const char* names[] = {"Children", "Teenagers", "Parents and carers", "Community"};
        grid(4, 2, [&](int i, Rect r) {
            const Audience a = kAllAudiences[i];
            if (button(ui, std::string("record:") + audienceId(a), names[i], r, has(audiences_, a) ? Look::Primary : Look::Secondary))
                toggle(audiences_, a);
        });
        heading("Languages used (one or more)");
        grid(int(ui.pack.locales.size()), wide ? 4 : 5, [&](int i, Rect r) {
            const std::string& tag = ui.pack.locales[std::size_t(i)].tag;
            if (button(ui, "record:lang:" + tag, autonym(tag), r, has(locales_, tag) ? Look::Primary : Look::Secondary))
                toggle(locales_, tag);
        });
    }
    if (wide) {
        pane = Rect{{all.max.x - paneW, pane.min.y}, {all.max.x, all.max.y}};
        y = pane.min.y;
    }
    if (recorded) {
        // Where "Record" was, an inert summary: a second tap lands on nothing.
        const Rect done{{pane.min.x, y}, {pane.max.x, y + bh * 1.4f}};
        ui.dl->AddRectFilled(done.min, done.max, ui.c.notice, ui.px(theme::kRounding));
        paragraph(ui, "Recorded: " + recorded_, {done.min.x + gap, done.min.y + gap}, done.width() - 2 * gap,
                  theme::kTextBody, ui.c.ink, true);
        ui.widgets.addText({"record:done", done.min, done.max, done.min, done.max, done.min, done.max, recorded_});
        y = done.max.y + gap * 2;
        const float half = (pane.width() - gap) * 0.5f;
        if (recordedAt_ && ui.now - *recordedAt_ < kUndoFor &&
            button(ui, "record:undo", "Undo", Rect{{pane.min.x, y}, {pane.min.x + half, y + bh}}, Look::Secondary)) {
            ui.session.undo(Record::GroupSession);
            recordedAt_.reset();
            message_ = "Undone: that session is no longer counted.";
        }
        if (button(ui, "record:another", "Record another session", Rect{{pane.max.x - half, y}, {pane.max.x, y + bh}},
                   Look::Secondary)) {
            ui.session.forget(Record::GroupSession);
            arrive({presenting_.empty() ? Screen::Record : Screen::Present, presenting_});
        }
        y += bh + gap;
    } else {
        heading("How many people came?");
        const float w = (pane.width() - 5 * gap) / 6;
        const struct {
            const char* id;
            const char* label;
            int step;
        } steps[] = {{"record:minus1", kMinusOne, -1}, {nullptr, nullptr, 0}, {"record:plus1", "+1", 1},
                     {"record:plus5", "+5", 5},   {"record:plus10", "+10", 10}, {"record:plus50", "+50", 50}};
        for (int i = 0; i < 6; ++i) {
            const Rect r{{pane.min.x + float(i) * (w + gap), y}, {pane.min.x + float(i) * (w + gap) + w, y + bh}};
            if (!steps[i].id) {
                paragraph(ui, std::to_string(heads_), {r.min.x, y + bh * 0.2f}, w, theme::kTextH2, ui.c.ink, true,
                          text::Align::Center);
                ui.widgets.add("record:heads", std::to_string(heads_), r.min, r.max, false);
                continue;
            }
            if (button(ui, steps[i].id, steps[i].label, r, Look::Secondary))
                heads_ = std::clamp(heads_ + steps[i].step, 0, kMaxHeads);
        }
        y += bh + gap;
        if (!ui.pack.plans.empty()) {
            heading("Which plan?");
            grid(int(ui.pack.plans.size()) + 1, 2, [&](int i, Rect r) {
                const std::string id = i == 0 ? std::string() : ui.pack.plans[std::size_t(i - 1)].id;
                if (button(ui, "record:plan:" + (id.empty() ? std::string("none") : id), id.empty() ? "No plan" : planTitle(ui, id), r,
                           plan_ == id ? Look::Primary : Look::Secondary))
                    plan_ = id;
            });
        }
        const bool ready = heads_ > 0 && !audiences_.empty() && !locales_.empty();
        const Rect save{{pane.min.x, y}, {pane.max.x, y + bh * 1.4f}};
        if (button(ui, "record:save", ready ? "Record this session" : "Choose who, languages and how many first", save,
                   ready ? Look::Primary : Look::Secondary) && ready) {
            GroupSession g{audiences_, locales_, heads_, plan_};
            if (ui.session.recordGroupSession(g)) {
                recordedAt_ = ui.now;
                std::string who, langs;
                for (const Audience a : audiences_) who += (who.empty() ? "" : ", ") + audienceLabel(audienceId(a));
                for (const std::string& l : locales_) langs += (langs.empty() ? "" : ", ") + autonym(l);
                recorded_ = std::to_string(heads_) + " people; " + who + "; " + langs +
                            (plan_.empty() ? std::string() : "; " + planTitle(ui, plan_));
                message_.clear();
            }
        }
        y = save.max.y + gap;
    }
    if (!message_.empty()) y += paragraph(ui, message_, {pane.min.x, y}, pane.width(), theme::kTextBody, ui.c.ink) + gap;

    const float half = (pane.width() - gap) * 0.5f;
    y = std::max(y, pane.max.y - bh);
    if (!presenting_.empty() &&
        button(ui, "record:back", "Back to the presentation", Rect{{pane.min.x, y}, {pane.min.x + half, y + bh}}, Look::Secondary))
        ui.session.present(presenting_);
    if (button(ui, "record:close", "Done", Rect{{pane.max.x - half, y}, {pane.max.x, y + bh}}, Look::Primary))
        ui.session.goTo({Screen::Attract, {}});
}

} // namespace ev::ui
