#include "ui/views/present_view.h"

#include <algorithm>
#include <ctime>
#include <functional>

#include "core/i18n/i18n.h"
#include "ui/theme.h"
#include "ui/views/record_view.h"
#include "ui/widgets.h"

namespace ev::ui {

namespace {

// The screen's parts, all from its size: margins, the exit in the reading-end top corner,
// Back and Next at the bottom, and between them the step's text.
struct Frame {
    float body, margin, gap;
    Rect exit, back, next;
    float contentBottom;
    bool twoColumns;
    float columnWidth, titleWidth;
};

Frame frameOf(const Ui& ui) {
    const Rect& s = ui.screen;
    const float w = s.width(), h = s.height();
    Frame f{};
    f.body = h * present::kBodyShare;
    f.margin = std::max(h * 0.045f, 8.0f);
    f.gap = f.margin * 0.6f;
    f.twoColumns = w > h * 1.1f;
    // The exit's label is at a room's size too: wide enough for "باہر نکلیں" beside its icon.
    const float exitW = std::max(h * 0.27f, 120.0f), exitH = std::max(h * 0.1f, 48.0f);
    const float exitX = ui.rtl ? s.min.x + f.margin : s.max.x - f.margin - exitW;
    f.exit = Rect{{exitX, s.min.y + f.margin}, {exitX + exitW, s.min.y + f.margin + exitH}};
    const float navW = std::max(w * 0.16f, 88.0f), navH = std::max(h * 0.1f, 56.0f);
    const float navY = s.max.y - f.margin - navH;
    const Rect start{{s.min.x + f.margin, navY}, {s.min.x + f.margin + navW, navY + navH}};
    const Rect end{{s.max.x - f.margin - navW, navY}, {s.max.x - f.margin, navY + navH}};
    f.back = ui.rtl ? end : start;
    f.next = ui.rtl ? start : end;
    f.contentBottom = navY - f.gap;
    const float inner = w - 2 * f.margin;
    f.columnWidth = f.twoColumns ? (inner - 2 * f.gap) * 0.5f : inner;
    f.titleWidth = inner - exitW - f.gap;
    return f;
}

// Where the step's text starts: below the title, or the exit when the title is shorter.
float contentTop(const Ui& ui, const Frame& f, const ParagraphPtr& title) {
    const float titleH = title ? TextPainter::size(*title).y : 0;
    return ui.screen.min.y + f.margin + std::max(titleH, f.exit.height()) + f.gap;
}

constexpr float kIndent = 1.3f; // a list item's indent, in body sizes

// A button's label on the room's screen: the body size, a little smaller where a translation
// is long, never below present::kMinLabelShare of the screen height. The kiosk's own label
// sizes are for a reader at arm's length, not the back of a hall.
float roomLabel(const Ui& ui, const Frame& f, std::string_view label, Rect r, Look look, Icon icon = Icon::None) {
    const float least = ui.screen.height() * present::kMinLabelShare;
    float size = f.body;
    while (size > least && !labelFits(ui, label, r, look, icon, size)) size = std::max(least, size * 0.95f);
    return size;
}

} // namespace

void PresentView::arrive(const Location& from) {
    // A presentation starts at its first step, or where it was left for the record screen.
    key_.clear();
    blank_ = false;
    notes_ = false;
    if (from.screen != Screen::Record) {
        current_ = 0; // build() keeps it within the deck
        startedAt_.reset();
    }
}

namespace {

// A block's text cut at byte `at` of its spans' joined text: the spans before and after, styles kept.
std::pair<Block, Block> splitBlock(const Block& b, std::size_t at) {
    Block first = b, rest = b;
    first.spans.clear();
    rest.spans.clear();
    std::size_t pos = 0;
    for (const Span& s : b.spans) {
        const std::size_t end = pos + s.text.size();
        if (end <= at) first.spans.push_back(s);
        else if (pos >= at) rest.spans.push_back(s);
        else {
            Span a = s, z = s;
            a.text = s.text.substr(0, at - pos);
            z.text = s.text.substr(at - pos);
            first.spans.push_back(a);
            rest.spans.push_back(z);
        }
        pos = end;
    }
    // The rest starts at its first word.
    while (!rest.spans.empty() && !rest.spans.front().text.empty() && rest.spans.front().text.front() == ' ')
        rest.spans.front().text.erase(0, 1);
    return {first, rest};
}

// Where a block's text may be cut between steps: after each sentence, in the scripts the pack
// uses (". " "? " "! " "। " "۔ " "؟ "), else after each word.
std::vector<std::size_t> cutPoints(const std::string& text) {
    std::vector<std::size_t> sentences, words;
    for (std::size_t i = 1; i < text.size(); ++i) {
        if (text[i] != ' ') continue;
        words.push_back(i);
        const std::string_view before = std::string_view(text).substr(0, i);
        for (const std::string_view end : {".", "?", "!", ":", "\u0964", "\u06D4", "\u061F"})
            if (before.ends_with(end)) {
                sentences.push_back(i);
                break;
            }
    }
    return sentences.empty() ? words : sentences;
}

} // namespace

void PresentView::build(Ui& ui) {
    const Frame f = frameOf(ui);
    deck_ = deckFor(ui.pack, ui.session.location().id, ui.locale);
    steps_.clear();
    if (!deck_) return;
    for (auto& h : hands_)
        if (!deck_->question || h.size() != deck_->question->answerIds.size())
            h.assign(deck_->question ? deck_->question->answerIds.size() : 0, 0);
    const float colW = f.columnWidth;
    const std::size_t maxColumns = f.twoColumns ? 2 : 1;

    const auto gapAfter = [&](Block::Kind k) {
        return f.body * (k == Block::Kind::ListItem ? 0.3f : k == Block::Kind::Heading ? 0.35f : 0.6f);
    };
    // A block laid out for a column, in its own language; its height includes the gap after it.
    const auto lay = [&](const std::string& tag, bool rtl, const Block& b) {
        Placed p;
        p.kind = b.kind;
        p.level = b.level;
        if (b.kind == Block::Kind::Image) {
            p.image = ui.images.get(ui.pack, b.image);
            if (p.image) {
                const float w = std::min(colW, float(p.image->width) * 2.0f);
                p.height = w * float(p.image->height) / float(p.image->width);
                return p;
            }
            p.kind = Block::Kind::Paragraph; // its alt text instead
        }
        const bool heading = b.kind == Block::Kind::Heading;
        const float size = f.body * (heading ? present::kHeading : 1.0f);
        std::vector<text::Run> runs;
        for (const Span& s : b.spans) {
            text::Run run;
            run.utf8 = s.text;
            run.style.sizePx = size;
            run.style.weight = (s.strong || heading) ? text::Weight::Bold : text::Weight::Regular;
            runs.push_back(run);
        }
        text::ParagraphSpec spec;
        spec.maxWidth = colW - (b.kind == Block::Kind::ListItem ? f.body * kIndent * float(b.level) : 0.0f);
        spec.language = tag;
        spec.direction = rtl ? text::Direction::Rtl : text::Direction::Ltr;
        spec.lineSpacing = heading ? 1.15f : 1.3f;
        p.text = ui.text.layout(runs, spec);
        if (b.kind == Block::Kind::ListItem && b.ordered)
            p.marker = ui.text.layoutIn(tag, rtl, std::to_string(b.number) + ".", f.body, 0, text::Align::Start, true);
        p.height = TextPainter::size(*p.text).y + gapAfter(b.kind);
        return p;
    };

    // Fills steps with blocks as text flows: a heading begins a column; a heading or a list's
    // lead-in is kept with what follows it; a block that does not fit where it is goes on in the
    // next column, or on the next step, a paragraph cut after a sentence so that the space left
    // is used and nothing overflows; a list item moves whole, and a step that starts within a
    // list starts with its lead-in again (core/pack/deck.h).
    const auto pack = [&](Step::Kind kind, std::size_t deckStep, const ParagraphPtr& title, const std::string& tag,
                          bool rtl, const std::vector<Block>& blocks) {
        const bool headingsBreak = kind == Step::Kind::Page; // the services' names need no column each
        const float avail = f.contentBottom - contentTop(ui, f, title);
        Step cur{kind, deckStep, title, {Column{}}};
        std::size_t placing = 0; // the block being placed
        const auto put = [&](const Placed& p) {
            cur.columns.back().items.push_back(p);
            cur.columns.back().height += p.height;
        };
        const auto nextColumn = [&] {
            if (cur.columns.back().items.empty()) return;
            if (cur.columns.size() < maxColumns) {
                cur.columns.push_back(Column{});
                return;
            }
            steps_.push_back(std::move(cur));
            cur = Step{kind, deckStep, title, {Column{}}};
            if (const auto lead = listLeadIn(blocks, placing)) {
                Placed again = lay(tag, rtl, blocks[*lead]);
                again.keep = true;
                put(again);
            }
        };
        // A heading left last in its column goes along with the block it heads.
        const auto takeHeading = [&]() -> std::optional<Placed> {
            Column& col = cur.columns.back();
            if (col.items.empty() || !col.items.back().keep) return std::nullopt;
            Placed h = col.items.back();
            col.items.pop_back();
            col.height -= h.height;
            return h;
        };
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            placing = i;
            Block b = blocks[i];
            const bool heading = b.kind == Block::Kind::Heading;
            Placed p = lay(tag, rtl, b);
            p.keep = keepsWithNext(blocks, i);
            if (p.image) p.height = std::min(p.height, avail);
            const bool afterImage = !cur.columns.back().items.empty() && cur.columns.back().items.back().image;
            if ((heading && headingsBreak) || p.image || afterImage) nextColumn();
            const float keep = p.keep ? f.body * 2.5f : 0.0f; // two lines of what follows
            bool continued = false;
            for (;;) {
                const float left = avail - cur.columns.back().height;
                if (p.height + keep <= left || (p.image && cur.columns.back().items.empty())) break;
                // Moving on gains nothing where the column holds at most what heads this block.
                const std::vector<Placed>& here = cur.columns.back().items;
                const bool alone = here.empty() || (here.size() == 1 && here.back().keep && !heading);
                // The most of it that fits here, cut after a sentence (or a word).
                std::optional<std::pair<Placed, Block>> fits;
                if (p.text && !heading && (mayCut(b) || alone)) {
                    const std::string whole = b.plainText();
                    for (const std::size_t at : cutPoints(whole)) {
                        auto [first, rest] = splitBlock(b, at);
                        Placed q = lay(tag, rtl, first);
                        if (q.height > left) break;
                        fits = std::pair{q, rest};
                    }
                }
                if (fits) {
                    fits->first.continued = continued;
                    put(fits->first);
                    b = fits->second;
                    p = lay(tag, rtl, b);
                    p.keep = keepsWithNext(blocks, i);
                    continued = true;
                    if (!b.plainText().empty()) {
                        nextColumn();
                        continue;
                    }
                }
                if (alone) break; // nothing to gain from moving on: a step of its own
                const std::optional<Placed> h = heading ? std::nullopt : takeHeading();
                nextColumn();
                if (h) put(*h);
            }
            p.continued = continued;
            if (!b.plainText().empty() || p.image) put(p);
        }
        if (!cur.columns.front().items.empty()) steps_.push_back(std::move(cur));
    };

    const auto titled = [&](const std::string& tag, const std::string& text) {
        return ui.text.layoutIn(tag, isRightToLeft(tag), text, f.body * present::kTitle, f.titleWidth, text::Align::Start, true);
    };
    // A plan's question opens the session and closes it, before the services.
    const auto question = [&](bool after) {
        if (deck_->question) steps_.push_back(Step{Step::Kind::Question, 0, titled(deck_->tag, deck_->title), {}, after});
    };
    question(false);
    for (std::size_t i = 0; i < deck_->steps.size(); ++i) {
        const DeckStep& d = deck_->steps[i];
        bool stale = false;
        const PageText* text = ui.pack.pageTextToShow(d.pageId, ui.locale, stale);
        const Page* page = ui.pack.page(d.pageId);
        const std::string tag = page && page->text.contains(ui.locale) && !stale ? ui.locale : ui.pack.defaultLocale;
        const ParagraphPtr title = titled(tag, text ? text->title : d.pageId);
        if (text) pack(Step::Kind::Page, i, title, tag, isRightToLeft(tag), stepBlocks(d, *text));
        if (!d.prompt.empty()) steps_.push_back(Step{Step::Kind::Prompt, i, title, {}});
    }
    question(true);

    // The closing screen: how to get help now, each service with its numbers.
    const bool rtl = isRightToLeft(ui.locale);
    const auto line = [](Block::Kind kind, std::string text) {
        Block b;
        b.kind = kind;
        b.level = 3;
        b.spans.push_back(Span{std::move(text), false, false, {}});
        return b;
    };
    std::vector<Block> lines{line(Block::Kind::Paragraph, ui.str("help.intro"))};
    std::vector<const Signpost*> services;
    for (const std::string& id : deck_->signposts)
        if (const Signpost* s = ui.pack.signpost(id)) services.push_back(s);
    if (deck_->signposts.empty())
        for (const Signpost& s : ui.pack.signposts)
            if (!deck_->audience || s.isFor(*deck_->audience)) services.push_back(&s);
    for (const Signpost* sp : services) {
        const Signpost& s = *sp;
        const SignpostText* t = s.textIn(ui.locale, ui.pack.defaultLocale);
        std::string contact;
        if (s.confirmed("phones"))
            for (const std::string& p : s.phones) contact += (contact.empty() ? "" : "  ·  ") + p;
        if (s.confirmed("web") && !s.web.empty()) contact += (contact.empty() ? "" : "  ·  ") + s.web;
        if (!t || contact.empty()) continue; // a service still being checked has nothing to copy down yet
        lines.push_back(line(Block::Kind::Heading, t->name));
        lines.push_back(line(Block::Kind::Paragraph, contact));
    }
    pack(Step::Kind::Help, 0, titled(ui.locale, ui.str("help.title")), ui.locale, rtl, lines);
    current_ = std::min(current_, steps_.empty() ? 0 : steps_.size() - 1);
}

void PresentView::move(Session& session, long to) {
    if (steps_.empty()) return;
    session.activity();
    current_ = std::size_t(std::clamp(to, 0L, long(steps_.size()) - 1));
}

void PresentView::key(Session& session, PresentKey k) {
    // A blank screen comes back at any key, and that key does nothing else (as in
    // presentation programs): the room sees the step it left.
    if (blank_) {
        blank_ = false;
        return;
    }
    switch (k) {
    case PresentKey::Next:
        // A clicker has only Next and Back: after the last step comes the session record.
        if (current_ + 1 < steps_.size()) move(session, long(current_) + 1);
        else session.openRecord(planId());
        break;
    case PresentKey::Previous: move(session, long(current_) - 1); break;
    case PresentKey::First: move(session, 0); break;
    case PresentKey::Last: move(session, long(steps_.size()) - 1); break;
    case PresentKey::Blank: blank_ = true; break;
    case PresentKey::Notes: notes_ = !notes_; break;
    case PresentKey::Other: break;
    }
}

void PresentView::drawStep(Ui& ui, const Step& s, Rect area) {
    const Frame f = frameOf(ui);
    const float colW = f.columnWidth;
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
        // Columns follow the reading order: the first is on the right in a right-to-left language.
        const float offset = float(c) * (f.columnWidth + 2 * f.gap);
        const float x0 = ui.rtl ? area.max.x - offset - colW : area.min.x + offset;
        float y = area.min.y;
        for (const Placed& p : s.columns[c].items) {
            if (p.image) {
                const float h = p.height;
                const float w = std::min(colW, h * float(p.image->width) / float(p.image->height));
                const float x = x0 + (colW - w) * 0.5f;
                ui.dl->AddImage(p.image->id, {x, y}, {x + w, y + h});
                y += h + f.body * 0.6f;
                continue;
            }
            const bool item = p.kind == Block::Kind::ListItem;
            const float indent = item ? f.body * kIndent * float(p.level) : 0.0f;
            const text::Metrics m = text::Engine::metrics(*p.text);
            const float x = m.rtl ? x0 : x0 + indent;
            if (item && !p.continued) {
                const float markX = m.rtl ? x0 + colW - indent + f.body * 0.35f : x0 + indent - f.body * 0.35f;
                if (p.marker) {
                    const float mw = TextPainter::inkWidth(*p.marker);
                    const float my = y + m.baseline - text::Engine::metrics(*p.marker).baseline;
                    ui.text.draw(ui.dl, *p.marker, {m.rtl ? markX : markX - mw, my}, ui.c.ink);
                } else {
                    const float r = f.body * 0.14f;
                    ui.dl->AddCircleFilled({m.rtl ? markX + r : markX - r, y + m.baseline - f.body * 0.3f}, r, ui.c.ink, 16);
                }
            }
            const ImU32 colour = p.kind == Block::Kind::Heading ? ui.c.accent : ui.c.ink;
            ui.text.draw(ui.dl, *p.text, {x, y}, colour);
            // Where it landed and at what size, for the test that every word reads from the back
            // of the room and none is cut off (tests/ui/test_present.cpp).
            const text::Ink ink = ui.text.engine().ink(*p.text);
            const ImVec2 size = TextPainter::size(*p.text);
            TextInfo t{p.kind == Block::Kind::Heading ? "present:heading" : "present:body",
                       {x + ink.x0, y + ink.y0}, {x + ink.x1, y + ink.y1}, {x, y}, {x + size.x, y + size.y},
                       ui.dl->GetClipRectMin(), ui.dl->GetClipRectMax()};
            t.sizePx = p.kind == Block::Kind::Heading ? f.body * present::kHeading : f.body;
            ui.widgets.addText(std::move(t));
            y += p.height;
        }
    }
}

namespace {

// Registers text drawn for the room, with its size, for the test that it reads from the back.
void roomText(Ui& ui, const ParagraphPtr& p, ImVec2 at, float sizePx) {
    const text::Ink ink = ui.text.engine().ink(*p);
    const ImVec2 size = TextPainter::size(*p);
    TextInfo t{"present:body", {at.x + ink.x0, at.y + ink.y0}, {at.x + ink.x1, at.y + ink.y1}, at, {at.x + size.x, at.y + size.y},
               ui.dl->GetClipRectMin(), ui.dl->GetClipRectMax()};
    t.sizePx = sizePx;
    ui.widgets.addText(std::move(t));
}

} // namespace

ParagraphPtr PresentView::planText(Ui& ui, std::string_view text, float sizePx, float width, text::Align align, bool bold) const {
    // In its own direction; Start and End still mean the screen's reading side.
    const bool rtl = isRightToLeft(deck_->tag);
    if (rtl != ui.rtl && align != text::Align::Center) align = align == text::Align::Start ? text::Align::End : text::Align::Start;
    return ui.text.layoutIn(deck_->tag, rtl, text, sizePx, width, align, bold);
}

void PresentView::drawPrompt(Ui& ui, const DeckStep& d, Rect area) {
    // The question for the room to talk about, large, on a card of its own.
    const Frame f = frameOf(ui);
    const float size = f.body * present::kHeading, pad = f.body;
    const auto laid = planText(ui, d.prompt, size, area.width() * 0.8f - 2 * pad, text::Align::Center, true);
    const ImVec2 ts = TextPainter::size(*laid);
    const float w = area.width() * 0.8f, h = ts.y + 2 * pad;
    const ImVec2 at{area.min.x + (area.width() - w) * 0.5f, area.min.y + std::max(0.0f, (area.height() - h) * 0.4f)};
    ui.dl->AddRectFilled(at, {at.x + w, at.y + h}, ui.c.card, ui.px(theme::kRounding));
    ui.dl->AddRect(at, {at.x + w, at.y + h}, ui.c.accent, ui.px(theme::kRounding), 0, ui.px(6));
    const ImVec2 textAt{at.x + pad, at.y + pad};
    ui.text.draw(ui.dl, *laid, textAt, ui.c.ink);
    roomText(ui, laid, textAt, size);
}

void PresentView::drawQuestion(Ui& ui, const Step& s, Rect area) {
    // The plan's question and its answers for the room; beside each answer the facilitator
    // counts the hands with buttons, then records them once (room_answer, n = hands).
    const Frame f = frameOf(ui);
    const DeckQuestion& q = *deck_->question;
    std::vector<int>& hands = hands_[s.after ? 1 : 0];
    const Record which = s.after ? Record::RoomAfter : Record::RoomBefore;
    const bool recorded = ui.session.recorded(which);
    float y = area.min.y;
    const float qSize = f.body * present::kHeading;
    const auto question = planText(ui, q.text, qSize, area.width(), text::Align::Start, true);
    ui.text.draw(ui.dl, *question, {area.min.x, y}, ui.c.ink);
    roomText(ui, question, {area.min.x, y}, qSize);
    y += TextPainter::size(*question).y + f.body * 0.6f;
    const float rowH = f.body * 1.7f, bw = f.body * 2.6f, gap = f.gap * 0.6f;
    const float labelW = area.width() - 4 * bw - 4 * gap;
    for (std::size_t i = 0; i < q.answers.size(); ++i) {
        const auto label = planText(ui, q.answers[i], f.body, labelW, text::Align::Start, false);
        const float lx = ui.rtl ? area.max.x - labelW : area.min.x;
        const float ly = y + (rowH - TextPainter::size(*label).y) * 0.5f;
        ui.text.draw(ui.dl, *label, {lx, ly}, ui.c.ink);
        roomText(ui, label, {lx, ly}, f.body);
        // The count, then -1, +1, +5, from the reading end.
        const auto cell = [&](int n) {
            const float x = ui.rtl ? area.min.x + float(n) * (bw + gap) : area.max.x - float(n + 1) * bw - float(n) * gap;
            return Rect{{x, y + rowH * 0.04f}, {x + bw, y + rowH * 0.96f}};
        };
        const Rect count = cell(3);
        const std::string id = q.answerIds[i];
        const auto n = ui.text.layoutIn("en", false, std::to_string(hands[i]), f.body * present::kHeading, bw, text::Align::Center, true);
        ui.text.draw(ui.dl, *n, {count.min.x, count.min.y + (count.height() - TextPainter::size(*n).y) * 0.5f}, ui.c.ink);
        ui.widgets.add("hands:" + id, std::to_string(hands[i]), count.min, count.max, false);
        if (!recorded) {
            const struct { const char* suffix; const char* label; int step; int at; } steps[] = {
                {":minus1", kMinusOne, -1, 2}, {":plus1", "+1", 1, 1}, {":plus5", "+5", 5, 0}};
            for (const auto& st : steps)
                if (button(ui, "hands:" + id + st.suffix, st.label, cell(st.at), Look::Secondary, Icon::None,
                           roomLabel(ui, f, st.label, cell(st.at), Look::Secondary)))
                    hands[i] = std::clamp(hands[i] + st.step, 0, RecordView::kMaxHeads);
        }
        y += rowH;
    }
    y += f.body * 0.25f;
    // Tall enough for the longer label at the body size (Nastaliq's lines are tall), as far as
    // the room above Back and Next allows; the label gives way within what is left.
    const std::string saveLabel = ui.str("present.save_hands"), undoLabel = ui.str("present.undo");
    const float half = (area.width() - f.gap) * 0.5f;
    float bh = f.body * 2.2f;
    for (const std::string* label : {&saveLabel, &undoLabel})
        bh = std::max(bh, heightFor(ui, *label, half, Look::Primary, Icon::None, f.body, f.body * 2.2f));
    bh = std::max(f.body * 1.8f, std::min(bh, area.max.y - y));
    const Rect save{{ui.rtl ? area.max.x - half : area.min.x, y}, {ui.rtl ? area.max.x : area.min.x + half, y + bh}};
    if (!recorded) {
        if (button(ui, "hands:save", saveLabel, save, Look::Primary, Icon::None, roomLabel(ui, f, saveLabel, save, Look::Primary))) {
            std::vector<std::pair<std::string, int>> counted;
            for (std::size_t i = 0; i < q.answerIds.size(); ++i) counted.emplace_back(q.answerIds[i], hands[i]);
            if (ui.session.recordRoomAnswers(deck_->planId, s.after, counted)) handsRecordedAt_[s.after] = ui.now;
        }
        return;
    }
    // Where the button was, what was recorded: a second tap lands on nothing.
    ui.dl->AddRectFilled(save.min, save.max, ui.c.notice, ui.px(theme::kRounding));
    const auto recordedText = ui.text.layout(ui.str("present.recorded"), f.body, save.width(), text::Align::Center, true);
    ui.text.draw(ui.dl, *recordedText, {save.min.x, save.min.y + (bh - TextPainter::size(*recordedText).y) * 0.5f}, ui.c.ink);
    const auto& at = handsRecordedAt_[s.after];
    const Rect undo{{ui.rtl ? area.min.x : area.max.x - half, y}, {ui.rtl ? area.min.x + half : area.max.x, y + bh}};
    if (at && ui.now - *at < RecordView::kUndoFor &&
        button(ui, "hands:undo", undoLabel, undo, Look::Secondary, Icon::None, roomLabel(ui, f, undoLabel, undo, Look::Secondary))) {
        ui.session.undo(which);
        handsRecordedAt_[s.after].reset();
    }
}

void PresentView::drawNotes(Ui& ui, const DeckStep& d, Rect area) {
    // The facilitator's, on the one display there is: over the step, until N again. Long notes
    // get smaller type rather than run off the screen: they are read from the laptop's seat.
    const Frame f = frameOf(ui);
    const Rect& r = area;
    ui.dl->AddRectFilled(r.min, r.max, ui.c.notice, ui.px(12));
    ui.dl->AddRect(r.min, r.max, ui.c.line, ui.px(12), 0, ui.px(3));
    // The labels in the language the notes are in (the plan's, or English where it falls back),
    // so that they read as one text in one direction.
    const auto label = [&](const char* key) { return ui.strIn(key, deck_->tag); };
    std::string text = d.notes.empty() && d.prompt.empty() ? label("present.no_notes") : d.notes;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (!d.prompt.empty()) text += (text.empty() ? "" : "\n\n") + label("present.ask") + " " + d.prompt;
    const float pad = f.gap;
    float size = f.body * 0.8f;
    ParagraphPtr laid = planText(ui, text, size, r.width() - 2 * pad, text::Align::Start, false);
    while (TextPainter::size(*laid).y > r.height() - 2 * pad && size > f.body * 0.3f) {
        size *= 0.9f;
        laid = planText(ui, text, size, r.width() - 2 * pad, text::Align::Start, false);
    }
    ui.text.draw(ui.dl, *laid, {r.min.x + pad, r.min.y + pad}, ui.c.ink);
    ui.widgets.add("present:notes", text, r.min, r.max, false);
}

void PresentView::draw(Ui& ui) {
    const Rect& s = ui.screen;
    const std::string key = ui.session.location().id + '\n' + ui.locale + '\n' + std::to_string(s.width()) + 'x' +
                            std::to_string(s.height());
    if (key != key_) {
        build(ui);
        key_ = key;
    }
    if (blank_) {
        // Black, as a projector's own blank: the room sees nothing. Any tap brings the step back.
        ui.dl->AddRectFilled(s.min, s.max, IM_COL32(0, 0, 0, 255));
        if (tapTarget(ui, "present:blank", "Show the step again", s)) blank_ = false;
        return;
    }
    const Frame f = frameOf(ui);
    const std::string exitLabel = ui.str("nav.exit");
    if (button(ui, "nav:exit", exitLabel, f.exit, Look::Exit, Icon::Exit, roomLabel(ui, f, exitLabel, f.exit, Look::Exit, Icon::Exit))) {
        ui.session.quickExit();
        return;
    }
    if (steps_.empty()) {
        paragraph(ui, ui.str("page.missing"), {s.min.x + f.margin, f.exit.max.y + f.gap}, f.titleWidth, theme::kTextBody,
                  ui.c.ink);
        return;
    }
    roomScreen_ = s;
    const Step& step = steps_[current_];
    const float titleX = ui.rtl ? s.max.x - f.margin - f.titleWidth : s.min.x + f.margin;
    ui.text.draw(ui.dl, *step.title, {titleX, s.min.y + f.margin}, ui.c.ink);
    const Rect area{{s.min.x + f.margin, contentTop(ui, f, step.title)}, {s.max.x - f.margin, f.contentBottom}};
    switch (step.kind) {
    case Step::Kind::Page:
        drawStep(ui, step, area);
        ui.session.presentPage(deck_->steps[step.deckStep].pageId);
        break;
    case Step::Kind::Prompt: drawPrompt(ui, deck_->steps[step.deckStep], area); break;
    case Step::Kind::Question: drawQuestion(ui, step, area); break;
    case Step::Kind::Help: drawStep(ui, step, area); break;
    }
    const bool ownStep = step.kind == Step::Kind::Page || step.kind == Step::Kind::Prompt;
    if (notes_ && !presenterWindow_) drawNotes(ui, ownStep ? deck_->steps[step.deckStep] : DeckStep{}, area);

    // Large controls for a finger or a mouse; the arrows point the way the language reads.
    const auto arrow = [&](const char* id, const char* label, Rect r, Icon icon, bool enabled) {
        if (!enabled) return false;
        const bool tapped = tapTarget(ui, id, label, r);
        ui.dl->AddRectFilled(r.min, r.max, ImGui::IsItemActive() ? ui.c.accentPressed : ui.c.accent, ui.px(theme::kRounding));
        drawIcon(ui.dl, icon, {(r.min.x + r.max.x) * 0.5f, (r.min.y + r.max.y) * 0.5f}, r.height() * 0.55f, ui.c.onAccent,
                 ui.rtl);
        focusRing(ui, id, r);
        return tapped;
    };
    const bool last = current_ + 1 == steps_.size();
    if (arrow("present:back", "Back", f.back, Icon::Back, current_ > 0)) move(ui.session, long(current_) - 1);
    if (last) {
        // The end of the presentation: the facilitator records the session.
        // Wider than the arrow it replaces, for its words at the room's size.
        const std::string label = ui.str("present.record");
        const float w = s.width() * 0.34f;
        const Rect r = ui.rtl ? Rect{f.next.min, {f.next.min.x + w, f.next.max.y}} : Rect{{f.next.max.x - w, f.next.min.y}, f.next.max};
        if (button(ui, "present:record", label, r, Look::Primary, Icon::None, roomLabel(ui, f, label, r, Look::Primary)))
            ui.session.openRecord(planId());
    } else if (arrow("present:next", "Next", f.next, Icon::Next, true)) {
        move(ui.session, long(current_) + 1);
    }
    const std::string counter = std::to_string(current_ + 1) + " / " + std::to_string(steps_.size());
    const auto laid = ui.text.layoutIn("en", false, counter, f.body * 0.7f, 0, text::Align::Center);
    const ImVec2 size = TextPainter::size(*laid);
    const float cy = (f.next.min.y + f.next.max.y) * 0.5f;
    ui.text.draw(ui.dl, *laid, {(s.min.x + s.max.x - size.x) * 0.5f, cy - size.y * 0.5f}, ui.c.inkSoft);
    ui.widgets.add("present:step", counter, {(s.min.x + s.max.x - size.x) * 0.5f, cy - size.y * 0.5f},
                   {(s.min.x + s.max.x + size.x) * 0.5f, cy + size.y * 0.5f}, false);
}

void PresentView::drawMiniature(Ui& ui, std::size_t index, Rect box) {
    if (!roomScreen_ || index >= steps_.size()) return;
    // Drawn as the room sees it, at the room's size, then every vertex scaled into the box.
    const Rect room = *roomScreen_;
    const float k = std::min(box.width() / room.width(), box.height() / room.height());
    ImDrawList* dl = ui.dl;
    const int first = dl->VtxBuffer.Size;
    // Text outside the clip rect is not drawn at all: clip at the room's size, then at the box.
    const int firstCmd = dl->CmdBuffer.Size;
    // (A quarter pixel wider than the room: no other command of the window has this clip rect.)
    const ImVec4 roomClip{room.min.x - 0.25f, room.min.y - 0.25f, room.max.x + 0.25f, room.max.y + 0.25f};
    dl->PushClipRect({roomClip.x, roomClip.y}, {roomClip.z, roomClip.w}, false);
    Ui r = ui;
    r.screen = room;
    r.column = room;
    const Step& step = steps_[index];
    const Frame f = frameOf(r);
    dl->AddRectFilled(room.min, room.max, r.c.paper);
    const float titleX = r.rtl ? room.max.x - f.margin - f.titleWidth : room.min.x + f.margin;
    r.text.draw(dl, *step.title, {titleX, room.min.y + f.margin}, r.c.ink);
    const Rect area{{room.min.x + f.margin, contentTop(r, f, step.title)}, {room.max.x - f.margin, f.contentBottom}};
    switch (step.kind) {
    case Step::Kind::Page:
    case Step::Kind::Help: drawStep(r, step, area); break;
    case Step::Kind::Prompt: drawPrompt(r, deck_->steps[step.deckStep], area); break;
    case Step::Kind::Question:
        paragraph(r, deck_->question->text, area.min, area.width(), theme::kTextTitle, r.c.ink, true);
        break;
    }
    dl->PopClipRect();
    for (int i = first; i < dl->VtxBuffer.Size; ++i) {
        ImVec2& p = dl->VtxBuffer[i].pos;
        p = {box.min.x + (p.x - room.min.x) * k, box.min.y + (p.y - room.min.y) * k};
    }
    const ImVec2 end{box.min.x + room.width() * k, box.min.y + room.height() * k};
    const ImVec4 inBox{box.min.x, box.min.y, end.x, end.y};
    for (int i = std::max(0, firstCmd - 1); i < dl->CmdBuffer.Size; ++i) {
        ImVec4& c = dl->CmdBuffer[i].ClipRect;
        if (c.x == roomClip.x && c.y == roomClip.y && c.z == roomClip.z && c.w == roomClip.w) c = inBox;
    }
    dl->AddRect(box.min, end, ui.c.line, 0, 0, 2);
}

void PresentView::drawPresenter(Ui& ui, std::int64_t unixSeconds) {
    const Rect& s = ui.screen;
    ui.dl->AddRectFilled(s.min, s.max, ui.c.paper);
    const float h = s.height(), m = h * 0.03f, size = h / 34;
    if (!deck_ || steps_.empty() || ui.session.screen() != Screen::Present) {
        paragraph(ui, ui.session.screen() == Screen::Record ? "Recording the session on the other screen." : "Not presenting.",
                  {s.min.x + m, s.min.y + m}, s.width() - 2 * m, theme::kTextH2, ui.c.ink, true);
        return;
    }
    if (!startedAt_) startedAt_ = unixSeconds;
    const auto text = [&](const std::string& id, const std::string& t, ImVec2 at, float width, float px, bool bold,
                          ImU32 colour) {
        const auto laid = ui.text.layoutIn("en", false, t, px, width, text::Align::Start, bold);
        ui.text.draw(ui.dl, *laid, at, colour);
        const ImVec2 sz = TextPainter::size(*laid);
        ui.widgets.add(id, t, at, {at.x + sz.x, at.y + sz.y}, false);
        return sz.y;
    };
    // Left: now and next, as the room sees them.
    const float leftW = s.width() * 0.56f;
    float y = s.min.y + m;
    y += text("presenter:now-label", blank_ ? "Now (the room's screen is blank)" : "Now", {s.min.x + m, y}, leftW, size, true,
              ui.c.ink) + m * 0.3f;
    const float aspect = roomScreen_ ? roomScreen_->height() / roomScreen_->width() : 9.0f / 16.0f;
    const Rect now{{s.min.x + m, y}, {s.min.x + m + leftW, y + leftW * aspect}};
    drawMiniature(ui, current_, now);
    ui.widgets.add("presenter:now", std::to_string(current_ + 1), now.min, now.max, false);
    y = now.max.y + m;
    const bool last = current_ + 1 >= steps_.size();
    y += text("presenter:next-label", last ? "Next: the session record" : "Next", {s.min.x + m, y}, leftW, size, true,
              ui.c.ink) + m * 0.3f;
    const float nextW = std::min(leftW * 0.6f, (s.max.y - m - y) / aspect);
    if (!last && nextW > 0) {
        const Rect next{{s.min.x + m, y}, {s.min.x + m + nextW, y + nextW * aspect}};
        drawMiniature(ui, current_ + 1, next);
        ui.widgets.add("presenter:next", std::to_string(current_ + 2), next.min, next.max, false);
    }

    // Right: the clock, where the talk is, the prompt and the notes.
    const float x = s.min.x + 2 * m + leftW, w = s.max.x - m - x;
    y = s.min.y + m;
    const std::time_t t = std::time_t(unixSeconds);
    std::tm local{};
    localtime_r(&t, &local);
    char clock[16];
    std::snprintf(clock, sizeof clock, "%02d:%02d", local.tm_hour, local.tm_min);
    const long minutes = long((unixSeconds - *startedAt_) / 60);
    y += text("presenter:clock", clock, {x, y}, w, size * 2.2f, true, ui.c.ink);
    y += text("presenter:elapsed", std::to_string(minutes) + " min since the start" +
                                       (deck_->planId.empty() ? std::string() : " · plan " + deck_->planId),
              {x, y}, w, size * 0.9f, false, ui.c.inkSoft);
    y += text("presenter:step", "Step " + std::to_string(current_ + 1) + " of " + std::to_string(steps_.size()), {x, y},
              w, size * 0.9f, false, ui.c.inkSoft) + m;
    const Step& step = steps_[current_];
    const bool own = step.kind == Step::Kind::Page || step.kind == Step::Kind::Prompt;
    const DeckStep none;
    const DeckStep& d = own ? deck_->steps[step.deckStep] : none;
    if (!d.prompt.empty()) { // in the room's language, as the plan gives it
        const auto prompt = planText(ui, d.prompt, size, w, text::Align::Start, true);
        y += text("presenter:prompt-label", "Ask the room:", {x, y}, w, size * 0.9f, false, ui.c.inkSoft);
        ui.text.draw(ui.dl, *prompt, {x, y}, ui.c.accent);
        ui.widgets.add("presenter:prompt", d.prompt, {x, y}, {x + w, y + TextPainter::size(*prompt).y}, false);
        y += TextPainter::size(*prompt).y + m * 0.6f;
    }
    std::string notes = d.notes;
    while (!notes.empty() && (notes.back() == '\n' || notes.back() == ' ')) notes.pop_back();
    if (step.kind == Step::Kind::Question)
        notes = "Ask for a show of hands for each answer and count them with the buttons on the room's screen, then Record.";
    if (notes.empty()) notes = "No notes for this step.";
    // Long notes get smaller type rather than run off the window.
    float px = size;
    ParagraphPtr laid = ui.text.layout(notes, px, w);
    while (TextPainter::size(*laid).y > s.max.y - m - y && px > size * 0.45f) {
        px *= 0.9f;
        laid = ui.text.layout(notes, px, w);
    }
    ui.text.draw(ui.dl, *laid, {x, y}, ui.c.ink);
    ui.widgets.add("presenter:notes", notes, {x, y}, {x + w, y + TextPainter::size(*laid).y}, false);
}

} // namespace ev::ui
