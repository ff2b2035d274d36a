#pragma once
// What every view needs to draw one frame: the pack, the session, text, the widget registry,
// and where on screen it may draw. Rebuilt by App each frame.
#include <imgui.h>

#include <map>
#include <optional>
#include <string>

#include "core/i18n/i18n.h"
#include "core/pack/content.h"
#include "core/session/narrator.h"
#include "core/session/session.h"
#include "ui/focus.h"
#include "ui/image_textures.h"
#include "ui/text_painter.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace ev::ui {

struct Rect {
    ImVec2 min, max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    bool contains(ImVec2 p) const { return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y; }
};

struct Ui {
    const Pack& pack;
    Session& session;
    TextPainter& text;
    ImageTextures& images;
    WidgetRegistry& widgets;
    Focus& focus;
    Narrator* narrator; // reads pages aloud; null when the kiosk has no audio
    ImDrawList* dl;
    const theme::Palette& c; // the visitor's colours (standard or high contrast)
    float scale;       // screen pixels per design pixel
    float textScale;   // the visitor's text size, a multiple of the theme's type sizes
    Rect screen;       // the whole window
    Rect column;       // the centred reading column, below the bar on flow screens
    std::string locale;
    bool rtl;          // the locale reads right to left: the flow mirrors
    Millis now;        // session clock, for animation
    std::optional<Rect> reveal{}; // the focused control, when out of view: its scroll area brings it in
    // With "buttons lower down", the y above which a seated visitor cannot reach (the bar and
    // footer sit below it; a scroll area may be pulled down to bring its top within reach).
    // Otherwise the screen's top.
    float reachTop = 0;

    float px(float design) const { return design * scale; }
    // A type size in screen pixels: design size, display scale and the visitor's text size.
    float fs(float design) const { return design * scale * textScale; }
    std::string str(const std::string& key) const { return strIn(key, locale); }
    // A UI string for text laid out in the language `tag`. One that fell back to a language
    // of the other direction (English on an Urdu screen) is isolated in its own direction, so
    // that it reads as English does: "Still there?" keeps its "?" at its end.
    std::string strIn(const std::string& key, const std::string& tag) const;
    // A UI string with arguments, formatted by ICU; a translation ICU cannot format (a syntax
    // error that reached a kiosk) gives way to the default locale's string, then the built-in English.
    std::string message(const std::string& key, const std::map<std::string, long>& args) const;
    // Text in the language `shown` for a paragraph of this screen's language: isolated in its
    // own direction when the two differ (a help card that fell back to English on an Urdu
    // screen keeps its full stop at its end).
    std::string inOwnDirection(std::string text, const std::string& shown) const;
};

} // namespace ev::ui
