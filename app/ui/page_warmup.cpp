#include "ui/page_warmup.h"

#include <algorithm>

#include "core/i18n/i18n.h"
#include "ui/views/nav_bar.h"
#include "ui/views/page_view.h"

namespace ev::ui {

std::vector<PageWarmup::Item> PageWarmup::wanted(const Pack& pack, const Session& session) {
    std::vector<Item> out;
    const auto add = [&](const std::string& page, const std::string& locale) {
        if (std::find(out.begin(), out.end(), Item{page, locale}) == out.end()) out.emplace_back(page, locale);
    };
    if (const Location* back = session.previous(); session.screen() == Screen::Languages && back && back->screen == Screen::Page)
        for (const auto& l : pack.locales) add(back->id, l.tag);
    if (const auto audience = session.audience())
        if (const auto it = pack.topics.find(*audience); it != pack.topics.end())
            for (const std::string& id : it->second) add(id, session.locale());
    for (const Page& p : pack.pages) add(p.id, session.locale());
    return out;
}

void PageWarmup::setSizes(const Ui& ui) {
    const Sizes now{ui.scale, ui.textScale, ui.column.width()};
    if (now == sizes_) return;
    sizes_ = now;
    done_.clear();
    piece_ = 0;
}

bool PageWarmup::owed(const std::vector<Item>& wanted) const {
    return std::any_of(wanted.begin(), wanted.end(), [&](const Item& i) { return !done_.contains(i); });
}

void PageWarmup::step(const Ui& ui, const std::vector<Item>& wanted) {
    const auto next = std::find_if(wanted.begin(), wanted.end(), [&](const Item& i) { return !done_.contains(i); });
    if (next == wanted.end()) return;
    if (*next != current_) {
        current_ = *next;
        piece_ = 0;
    }
    // The page as it is shown in that language (ui is the screen's, in the visitor's language).
    Ui in = ui;
    in.locale = current_.second;
    in.rtl = isRightToLeft(current_.second);
    if (piece_ == 0 && in.locale != ui.locale) {
        // The page in another language comes with the bar in it, whose labels take the text
        // painter's language.
        in.text.setLanguage(in.locale, in.rtl);
        NavBar::height(in);
        in.text.setLanguage(ui.locale, ui.rtl);
    }
    if (!PageView::prepare(in, current_.first, piece_++)) done_.insert(current_);
}

} // namespace ev::ui
