#include "ui/language_warmup.h"

#include <algorithm>

#include "core/i18n/i18n.h"
#include "ui/theme.h"

namespace ev::ui {

using namespace theme;

LanguageWarmup::LanguageWarmup(const Pack& pack) {
    for (const auto& l : pack.locales) {
        if (l.tag == pack.defaultLocale) continue;
        const bool rtl = isRightToLeft(l.tag);
        const auto add = [&](const std::string& text, float size, bool bold) {
            if (!text.empty()) items_.push_back({l.tag, rtl, text, size, bold});
        };
        // The screens after a language is chosen, at the sizes they use: titles, buttons, labels
        // and notes, then the topic tiles and page titles, whose words are the pages' too.
        if (const auto s = pack.strings.find(l.tag); s != pack.strings.end())
            for (const auto& [key, text] : s->second) {
                add(text, kTextTitle, true);
                add(text, kTextButton, true);
                add(text, kTextBody, false);
                add(text, kTextSmall, false);
            }
        for (const auto& p : pack.pages)
            if (const PageText* t = pack.pageText(p.id, l.tag)) {
                add(t->title, kTextTitle, true);
                add(t->title, kTextH3, true);
                add(t->summary, kTextSmall, false);
            }
    }
}

bool LanguageWarmup::step(TextPainter& text, float scale, float textScale) {
    const float width = (kColumnWidth - 2 * kMargin) * scale;
    for (const std::size_t end = std::min(items_.size(), next_ + kPerStep); next_ < end; ++next_) {
        const Item& i = items_[next_];
        const ParagraphPtr p = text.layoutIn(i.locale, i.rtl, i.text, i.size * scale * textScale, width, text::Align::Start, i.bold);
        quads_.clear();
        if (i.size == kTextBody) text.engine().quads(*p, quads_); // rasterises its glyphs
    }
    return !done();
}

std::vector<std::string> LanguageWarmup::warmed() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < next_; ++i)
        if (i + 1 == items_.size() || items_[i + 1].locale != items_[i].locale) out.push_back(items_[i].locale);
    return out;
}

} // namespace ev::ui
