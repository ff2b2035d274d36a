#include "ui/views/service_card.h"

#include <algorithm>
#include <cmath>

#include "ui/icons.h"
#include "ui/theme.h"
#include "ui/views/listen_controls.h"
#include "ui/widgets.h"

namespace ev::ui {

std::string isolated(const std::string& name) { return "\u2068" + name + "\u2069"; }

namespace {

// A number or web address on one line, left to right as dialled or typed, at size px or, when
// its ink is wider than width (the largest text size), scaled down until it fits: a number cut
// short, or broken over lines, is a wrong number.
ParagraphPtr fitted(Ui& ui, const std::string& s, float size, float width) {
    ParagraphPtr p = ui.text.layout(s, size, 0, text::Align::Start, true, text::Direction::Ltr);
    for (int i = 0; i < 4; ++i) {
        const text::Ink ink = ui.text.engine().ink(*p);
        const float wide = std::max(ink.x1, TextPainter::inkWidth(*p)) - std::min(0.0f, ink.x0);
        if (wide <= width) break;
        size = std::floor(size * width / wide);
        p = ui.text.layout(s, size, 0, text::Align::Start, true, text::Direction::Ltr);
    }
    return p;
}

} // namespace

std::string spokenService(const Ui& ui, const Signpost& s) {
    const SignpostText* t = s.textIn(ui.locale, ui.pack.defaultLocale);
    if (!t) return {};
    std::string out = t->name + ".\n";
    const auto line = [&](const std::string& l) {
        if (!l.empty()) out += l + (l.back() == '.' ? "\n" : ".\n");
    };
    line(t->forWhom);
    const bool phones = s.confirmed("phones"), web = s.confirmed("web"), hours = s.confirmed("hours");
    for (std::size_t i = 0; phones && i < s.phones.size(); ++i)
        line((i < t->phoneLabels.size() ? t->phoneLabels[i] : ui.str("help.call")) + ": " + spokenNumber(s.phones[i]));
    if (web) line(s.web);
    if (hours) line(t->hours);
    if (!hours && phones && web) line(ui.str("help.verify_hours"));
    line(t->description);
    if (!phones || !web) line(ui.str("help.verify"));
    return spokenNumbers(out, phoneNumbers(ui.pack));
}

ServiceCard::ServiceCard(Ui& ui, const Signpost& s, float width, Size size, bool opens)
    : id_(s.id), width_(width), opens_(opens) {
    const SignpostText* t = s.textIn(ui.locale, ui.pack.defaultLocale);
    if (!t) return;
    const bool large = size == Size::Large;
    pad_ = ui.px(32);
    iconRoom_ = ui.px(64);
    const float inner = width - 2 * pad_;
    const text::Align start = text::Align::Start;
    // Large: the numbers at hero size, to copy down from a step away or with low vision.
    const float nameSize = large ? theme::kTextTitle : theme::kTextH2;
    const float numberSize = large ? theme::kTextHero : theme::kTextTitle;
    const std::string& shown = s.languageIn(ui.locale, ui.pack.defaultLocale);
    const auto own = [&](const std::string& text) { return ui.inOwnDirection(text, shown); };

    lines_.push_back({ui.text.layout(isolated(t->name), ui.fs(nameSize), inner - (opens ? iconRoom_ : 0), start, true),
                      ui.c.ink, ui.px(6)});
    if (!t->forWhom.empty())
        lines_.push_back({ui.text.layout(own(t->forWhom), ui.fs(theme::kTextSmall), inner), ui.c.inkSoft, ui.px(18)});
    // A detail still to be confirmed is never shown as if it were real: a note says it is
    // being checked instead.
    const bool phones = s.confirmed("phones"), web = s.confirmed("web"), hours = s.confirmed("hours");
    for (std::size_t i = 0; phones && i < s.phones.size(); ++i) {
        const std::string label = i < t->phoneLabels.size() ? own(t->phoneLabels[i]) : ui.str("help.call");
        lines_.push_back({ui.text.layout(label, ui.fs(theme::kTextSmall), inner), ui.c.inkSoft, ui.px(2)});
        // Numbers are shown exactly as dialled, left to right, in every language.
        lines_.push_back({fitted(ui, s.phones[i], ui.fs(numberSize), inner - iconRoom_), ui.c.accent, ui.px(16), Icon::Phone});
    }
    if (web && !s.web.empty())
        lines_.push_back({fitted(ui, s.web, ui.fs(large ? theme::kTextH2 : theme::kTextBody), inner - iconRoom_), ui.c.accent,
                          ui.px(16), Icon::Web});
    if (hours && !t->hours.empty())
        lines_.push_back({ui.text.layout(own(t->hours), ui.fs(theme::kTextSmall), inner), ui.c.inkSoft, ui.px(12)});
    if (!hours && phones && web)
        lines_.push_back({ui.text.layout(ui.str("help.verify_hours"), ui.fs(theme::kTextSmall), inner), ui.c.inkSoft, ui.px(12)});
    if (!t->description.empty())
        lines_.push_back({ui.text.layout(own(t->description), ui.fs(theme::kTextBody), inner), ui.c.ink, ui.px(12)});
    if (!phones || !web)
        lines_.push_back({ui.text.layout(ui.str("help.verify"), ui.fs(theme::kTextSmall), inner), ui.c.inkSoft, ui.px(12)});

    height_ = 2 * pad_;
    for (const Line& l : lines_) height_ += TextPainter::size(*l.p).y + l.gapAfter;
}

void ServiceCard::draw(Ui& ui, ImVec2 at, bool pressed) const {
    if (empty()) return;
    const float round = ui.px(theme::kRounding);
    const ImVec2 end{at.x + width_, at.y + height_};
    ui.dl->AddRectFilled(at, end, pressed ? ui.c.cardPressed : ui.c.card, round);
    ui.dl->AddRect(at, end, ui.c.line, round, 0, ui.px(2));
    const float x = at.x + pad_, inner = width_ - 2 * pad_;
    const float iconSize = ui.px(44);
    if (opens_) {
        // At the reading end of the name, pointing onward (mirrored in right-to-left).
        const float ix = ui.rtl ? x + iconSize * 0.5f : x + inner - iconSize * 0.5f;
        const float iy = at.y + pad_ + TextPainter::size(*lines_.front().p).y * 0.5f;
        drawIcon(ui.dl, Icon::Next, {ix, iy}, iconSize, ui.c.accent, ui.rtl);
    }
    float y = at.y + pad_;
    for (const Line& l : lines_) {
        const ImVec2 size = TextPainter::size(*l.p);
        float lx = x;
        if (l.icon != Icon::None) {
            const float ix = ui.rtl ? x + inner - iconSize * 0.5f : x + iconSize * 0.5f;
            drawIcon(ui.dl, l.icon, {ix, y + size.y * 0.5f}, iconSize, l.colour, ui.rtl);
            // Left-to-right text in a right-to-left card: on the reading-start (right) side, its
            // ink next to the icon.
            const text::Ink ink = ui.text.engine().ink(*l.p);
            lx = ui.rtl ? x + inner - iconRoom_ - ink.x1 : x + iconRoom_;
            ui.widgets.addText({id_, {lx + ink.x0, y + ink.y0}, {lx + ink.x1, y + ink.y1}, at, end,
                                ui.dl->GetClipRectMin(), ui.dl->GetClipRectMax(), {}});
        }
        ui.text.draw(ui.dl, *l.p, {lx, y}, l.colour);
        y += size.y + l.gapAfter;
    }
}

const QrCode* QrCodes::of(const Signpost& s) {
    if (s.web.empty() || !s.confirmed("web")) return nullptr;
    auto it = codes_.find(s.id);
    if (it == codes_.end()) it = codes_.emplace(s.id, QrCode::encode(s.webUrl())).first;
    return it->second ? &*it->second : nullptr;
}

float QrCodes::sideFor(const QrCode& qr, float side) {
    const float modules = float(qr.size() + 2 * QrCode::kQuietZone);
    return std::max(2.0f, std::floor(side / modules)) * modules;
}

float QrCodes::draw(ImDrawList* dl, const QrCode& qr, ImVec2 at, float side) {
    const float modules = float(qr.size() + 2 * QrCode::kQuietZone);
    const float module = sideFor(qr, side) / modules;
    const float used = module * modules;
    dl->AddRectFilled(at, {at.x + used, at.y + used}, theme::kQrLight);
    const float origin = module * QrCode::kQuietZone;
    for (int row = 0; row < qr.size(); ++row)
        for (int c = 0; c < qr.size(); ++c)
            if (qr.dark(c, row)) {
                const ImVec2 a{at.x + origin + module * float(c), at.y + origin + module * float(row)};
                dl->AddRectFilled(a, {a.x + module, a.y + module}, theme::kQrDark);
            }
    return used;
}

} // namespace ev::ui
