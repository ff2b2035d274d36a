#include "ui/views/audience_view.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

void AudienceView::draw(Ui& ui) {
    const Rect& col = ui.column;
    float y = col.min.y;
    y += paragraph(ui, ui.str("audience.title"), {col.min.x, y}, col.width(), theme::kTextTitle, ui.c.ink, true);
    y += ui.px(12);
    y += paragraph(ui, ui.str("audience.exit_hint"), {col.min.x, y}, col.width(), theme::kTextSmall, ui.c.inkSoft);
    y += ui.px(28);

    struct Choice {
        Audience audience;
        Icon icon;
    };
    const Choice choices[] = {{Audience::Child, Icon::Child}, {Audience::Teen, Icon::Teen},
                              {Audience::Parent, Icon::Parent}, {Audience::Community, Icon::Community}};
    constexpr float n = float(std::size(choices));
    const float gap = ui.px(theme::kGap);
    const float h = std::clamp((col.max.y - y - (n - 1) * gap) / n, ui.px(theme::kBigButton), ui.px(300));
    const Rect view{{col.min.x, y}, col.max};
    y = scroll_.begin(ui, view);
    const float top = y;
    for (const Choice& c : choices) {
        const std::string id = audienceId(c.audience);
        const std::string& title = ui.str("audience." + id);
        const std::string& hint = ui.str("audience." + id + "_hint");
        const float th = tileHeight(ui, title, hint, col.width(), c.icon, h);
        const Rect r{{col.min.x, y}, {col.max.x, y + th}};
        if (tile(ui, "audience:" + id, title, hint, r, c.icon))
            ui.session.chooseAudience(c.audience);
        y += th + gap;
    }
    scroll_.end(ui, y - gap - top);
}

} // namespace ev::ui
