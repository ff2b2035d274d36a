#include "ui/views/questions_view.h"

#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

void QuestionsView::draw(Ui& ui) {
    const VisitQuestion* q = ui.session.question();
    if (!q) {
        // A pack shown since that asks nothing (or a --goto without questions): nothing to ask.
        ui.session.skipQuestions();
        return;
    }
    const Rect& col = ui.column;
    const float gap = ui.px(theme::kGap), h = ui.px(theme::kButton);
    float y = scroll_.begin(ui, col);
    const float top = y;
    // The question first and the controls under it, so that at the largest text in landscape
    // the answers are still on the first screen; the line on what is counted comes last.
    const std::string prefix = "visit." + q->id + ".";
    y += paragraph(ui, ui.str(prefix + "question"), {col.min.x, y}, col.width(), theme::kTextH2, ui.c.ink, true);
    y += ui.px(28);
    // The answers side by side in the pack's order, from the reading start (the right in a
    // right-to-left language), so the largest text in landscape still shows them and Skip.
    std::string tapped;
    const float n = float(q->answers.size()), w = (col.width() - gap * (n - 1)) / n;
    for (std::size_t i = 0; i < q->answers.size(); ++i) {
        const std::string& a = q->answers[i];
        const float x = ui.rtl ? col.max.x - w - float(i) * (w + gap) : col.min.x + float(i) * (w + gap);
        if (button(ui, "question:" + q->id + ":" + a, ui.str(prefix + a), Rect{{x, y}, {x + w, y + h}}, Look::Secondary))
            tapped = a;
    }
    y += h + ui.px(40);
    // Skipping asks nothing more, and is what happens anyway if nobody taps (Session::tick).
    const bool skip = button(ui, "question:skip", ui.str("visit.skip"), Rect{{col.min.x, y}, {col.max.x, y + h}}, Look::Primary);
    y += h + ui.px(24);
    y += paragraph(ui, ui.str("visit.intro"), {col.min.x, y}, col.width(), theme::kTextSmall, ui.c.inkSoft);
    y += ui.px(32);
    scroll_.end(ui, y - top);
    // After drawing: the answer moves the session on, and the next frame draws what follows.
    if (!tapped.empty()) ui.session.answer(tapped);
    else if (skip) ui.session.skipQuestions();
}

} // namespace ev::ui
