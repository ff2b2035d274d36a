#include "ui/ui_context.h"

#include "core/pack/builtin_help.h"

namespace ev::ui {

namespace {

// Text in `shown`'s language set inside a paragraph of `tag`'s (Unicode isolates: LRI or
// RLI ... PDI, which the text engine's BiDi honours), when the two read in opposite directions.
std::string isolatedFor(std::string text, const std::string& shown, const Ui& ui, const std::string& tag) {
    if (shown == tag) return text;
    // ICU's answer takes a locale look-up: the screen's own is known already.
    const auto rtl = [&](const std::string& t) { return t == ui.locale ? ui.rtl : isRightToLeft(t); };
    const bool own = rtl(shown);
    if (own == rtl(tag)) return text;
    return (own ? "\u2067" : "\u2066") + std::move(text) + "\u2069";
}

} // namespace

std::string Ui::strIn(const std::string& key, const std::string& tag) const {
    ShownString s = pack.shownString(key, tag);
    return isolatedFor(std::move(s.text), s.tag, *this, tag);
}

std::string Ui::message(const std::string& key, const std::map<std::string, long>& args) const {
    const auto& english = builtInEnglishStrings();
    const auto builtIn = english.find(key);
    for (const ShownString& s : {pack.shownString(key, locale), pack.shownString(key, pack.defaultLocale),
                                 ShownString{builtIn == english.end() ? key : builtIn->second, "en"}})
        if (auto formatted = formatMessage(s.text, s.tag, args)) return isolatedFor(std::move(*formatted), s.tag, *this, locale);
    return key;
}

std::string Ui::inOwnDirection(std::string text, const std::string& shown) const {
    return isolatedFor(std::move(text), shown, *this, locale);
}

} // namespace ev::ui
