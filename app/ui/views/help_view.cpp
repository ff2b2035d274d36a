#include "help_view.h"

#include <algorithm>

#include "../icons.h"
#include "../theme.h"
#include "../widgets.h"

namespace ev::ui {

float HelpView::card(Ui& ui, const Signpost& s, float y) {
    const SignpostText* t = s.textIn(ui.locale, ui.pack.defaultLocale);
    if (!t) return 0;
    const Rect& col = ui.column;
    const float pad = ui.px(32), inner = col.width() - 2 * pad;
    const float x = col.min.x + pad;
    const text::Align start = text::Align::Start;

    // Lay everything out first: the card's height is known before its background is drawn.
    struct Line {
        ParagraphPtr p;
        ImU32 colour;
        float gapAfter;
        Icon icon = Icon::None;
    };
    std::vector<Line> lines;
    lines.push_back({ui.text.layout(t->name, ui.px(theme::kTextH2), inner, start, true), theme::kInk, 6});
    if (!t->forWhom.empty())
        lines.push_back({ui.text.layout(t->forWhom, ui.px(theme::kTextSmall), inner), theme::kInkSoft, 18});
    const float iconRoom = ui.px(64);
    for (std::size_t i = 0; i < s.phones.size(); ++i) {
        const std::string label = i < t->phoneLabels.size() ? t->phoneLabels[i] : ui.str("help.call");
        lines.push_back({ui.text.layout(label, ui.px(theme::kTextSmall), inner), theme::kInkSoft, 2});
        // Numbers are shown exactly as dialled, left to right, in every language.
        lines.push_back({ui.text.layout(s.phones[i], ui.px(theme::kTextTitle), inner - iconRoom, start, true,
                                        text::Direction::Ltr),
                         theme::kTeal, 16, Icon::Phone});
    }
    if (!s.web.empty())
        lines.push_back({ui.text.layout(s.web, ui.px(theme::kTextBody), inner - iconRoom, start, true,
                                        text::Direction::Ltr),
                         theme::kTeal, 16, Icon::Web});
    if (!t->hours.empty())
        lines.push_back({ui.text.layout(t->hours, ui.px(theme::kTextSmall), inner), theme::kInkSoft, 12});
    if (!t->description.empty())
        lines.push_back({ui.text.layout(t->description, ui.px(theme::kTextBody), inner), theme::kInk, 12});
    if (s.verify)
        lines.push_back({ui.text.layout(ui.str("help.verify"), ui.px(theme::kTextSmall), inner), theme::kInkSoft, 12});

    float h = 2 * pad;
    for (const Line& l : lines) h += TextPainter::size(*l.p).y + ui.px(l.gapAfter);
    const float round = ui.px(theme::kRounding);
    ui.dl->AddRectFilled({col.min.x, y}, {col.max.x, y + h}, theme::kCard, round);
    ui.dl->AddRect({col.min.x, y}, {col.max.x, y + h}, theme::kLine, round, 0, ui.px(2));

    float ly = y + pad;
    for (const Line& l : lines) {
        const ImVec2 size = TextPainter::size(*l.p);
        float lx = x;
        if (l.icon != Icon::None) {
            const float iconSize = ui.px(44);
            const float ix = ui.rtl ? x + inner - iconSize * 0.5f : x + iconSize * 0.5f;
            drawIcon(ui.dl, l.icon, {ix, ly + size.y * 0.5f}, iconSize, l.colour, ui.rtl);
            // LTR text in an RTL card: keep it on the reading-start (right) side after the icon.
            lx = ui.rtl ? x + inner - iconRoom - size.x : x + iconRoom;
        }
        ui.text.draw(ui.dl, *l.p, {lx, ly}, l.colour);
        ly += size.y + ui.px(l.gapAfter);
    }
    return h;
}

void HelpView::draw(Ui& ui) {
    const Rect& col = ui.column;
    float y = scroll_.begin(ui, col);
    const float top = y;
    y += paragraph(ui, ui.str("help.title"), {col.min.x, y}, col.width(), theme::kTextTitle, theme::kInk, true);
    y += ui.px(16);
    y += paragraph(ui, ui.str("help.intro"), {col.min.x, y}, col.width(), theme::kTextBody, theme::kInk);
    y += ui.px(32);
    for (const Signpost& s : ui.pack.signposts) {
        const float h = card(ui, s, y);
        if (h > 0) y += h + ui.px(theme::kGap);
    }
    y += ui.px(32);
    scroll_.end(ui, y - top);
}

} // namespace ev::ui
