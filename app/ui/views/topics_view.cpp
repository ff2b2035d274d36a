#include "ui/views/topics_view.h"

#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

void TopicsView::draw(Ui& ui) {
    const auto audience = ui.session.audience().value_or(Audience::Community);
    if (shown_ != audience) scroll_.reset();
    shown_ = audience;

    const Rect& col = ui.column;
    float y = col.min.y;
    const std::string id = audienceId(audience);
    y += paragraph(ui, ui.str("topics.title_" + id), {col.min.x, y}, col.width(), theme::kTextTitle, ui.c.ink, true);
    y += ui.px(32);

    const Rect view{{col.min.x, y}, {col.max.x, col.max.y}};
    float cy = scroll_.begin(ui, view);
    const float top = cy, gap = ui.px(theme::kGap);
    const auto it = ui.pack.topics.find(audience);
    if (it != ui.pack.topics.end()) {
        for (const std::string& pageId : it->second) {
            const PageText* t = ui.pack.pageText(pageId, ui.locale);
            if (!t) continue;
            const float h = tileHeight(ui, t->title, t->summary, col.width(), Icon::Next, ui.px(200));
            const Rect r{{col.min.x, cy}, {col.max.x, cy + h}};
            if (tile(ui, "topic:" + pageId, t->title, t->summary, r, Icon::Next)) ui.session.openPage(pageId);
            cy += h + gap;
        }
    }
    scroll_.end(ui, cy - top);
}

} // namespace ev::ui
