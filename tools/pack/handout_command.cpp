#include "handout_command.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "core/atomic_file.h"
#include "core/i18n/i18n.h"
#include "core/pack/pack_reader.h"
#include "media/qr_code.h"
#include "text/fonts.h"

namespace evpack {

namespace fs = std::filesystem;

namespace {

constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

constexpr const char* kHelp = R"(usage: everyvoice-pack handout PACK --plan ID --locale TAG -o FILE.pdf

Writes an A4 handout (PDF) of a session plan for the people who came, in their language: the
plan's title and summary, the key points (the pages its steps show), every signpost the plan
ends with (its phone numbers, web address and a QR code of the address) and how to leave the
website quickly. A plan or page not translated into TAG, or whose translation is out of date,
is printed in the pack's default language, as the kiosk shows it. Contact details still to be
confirmed (verify = true) are never printed. Exit 1 if the pack cannot be read or has no such
plan or language.

  --plan ID      a plan of the pack (everyvoice-pack info PACK lists them)
  --locale TAG   a language of the pack, e.g. en, bn, ur, pa
  -o FILE.pdf    where to write it
)";

// A4 in PostScript points, and the printable area inside a 2 cm margin.
constexpr double kPageWidth = 595.276, kPageHeight = 841.89, kMargin = 56.7;
constexpr double kTextWidth = kPageWidth - 2 * kMargin;
constexpr double kQrSide = 92; // about 3.2 cm: phones read it from a sheet held in the hand

int usage(const std::string& message) {
    std::cerr << "everyvoice-pack: " << message << "\nTry 'everyvoice-pack handout --help'.\n";
    return kUsage;
}

template <class T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using Surface = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using Cairo = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;
void unrefLayout(PangoLayout* l) { g_object_unref(l); }
using Layout = std::unique_ptr<PangoLayout, Deleter<PangoLayout, unrefLayout>>;

// Sets paragraphs down the pages of one PDF, in the language's own fonts (the kiosk's family
// chain, so the same Noto faces) and direction; Pango shapes with HarfBuzz and breaks lines.
class Sheet {
public:
    Sheet(const fs::path& file, const std::string& locale) {
        surface_.reset(cairo_pdf_surface_create(file.c_str(), kPageWidth, kPageHeight));
        cr_.reset(cairo_create(surface_.get()));
        language(locale);
        y_ = kMargin;
    }

    // The language of the paragraphs that follow: its fonts and its direction. A text shown in
    // the default language instead (not translated yet) is set as that language.
    void language(const std::string& locale) {
        locale_ = locale;
        rtl_ = ev::isRightToLeft(locale);
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode scripts[4];
        const int n = uscript_getCode(locale.c_str(), scripts, 4, &status);
        families_.clear();
        for (const std::string& f : ev::text::familyChain(U_SUCCESS(status) && n > 0 ? scripts[0] : USCRIPT_LATIN, locale))
            families_ += (families_.empty() ? "" : ",") + f;
    }

    bool ok() const { return cairo_surface_status(surface_.get()) == CAIRO_STATUS_SUCCESS; }

    struct Style {
        double size = 11;
        bool bold = false;
        double after = 6; // space below, points
    };
    static constexpr Style kTitle{22, true, 8}, kHeading{15, true, 6}, kBody{11, false, 5}, kName{12.5, true, 2},
        kSmall{10, false, 2}, kNumber{16, false, 4};

    Layout layout(const std::string& text, Style style, double width) const {
        Layout l(pango_cairo_create_layout(cr_.get()));
        PangoContext* context = pango_layout_get_context(l.get());
        pango_context_set_language(context, pango_language_from_string(locale_.c_str()));
        pango_context_set_base_dir(context, rtl_ ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
        pango_layout_context_changed(l.get());
        pango_layout_set_auto_dir(l.get(), FALSE);
        PangoFontDescription* font = pango_font_description_from_string(families_.c_str());
        pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
        pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(l.get(), font);
        pango_font_description_free(font);
        pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(l.get(), rtl_ ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
        pango_layout_set_text(l.get(), text.c_str(), -1);
        return l;
    }

    static double height(PangoLayout* l) {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return double(h) / PANGO_SCALE;
    }

    // Starts a new page unless `needed` points still fit on this one.
    void keep(double needed) {
        if (y_ + needed <= kPageHeight - kMargin || y_ == kMargin) return;
        cairo_show_page(cr_.get());
        y_ = kMargin;
    }

    void paragraph(const std::string& text, Style style) {
        if (text.empty()) return;
        Layout l = layout(text, style, kTextWidth);
        // A heading keeps a few lines of what follows it on its page.
        keep(height(l.get()) + (style.size >= kHeading.size ? 4 * kBody.size : 0));
        draw(l.get(), kMargin, y_);
        y_ += height(l.get()) + style.after;
    }

    void space(double points) { y_ += points; }

    // A signpost: its lines of text beside a QR code of its web address (on the reading side's
    // far edge), kept together on one page.
    void card(const std::vector<std::pair<std::string, Style>>& lines, const std::optional<ev::QrCode>& qr) {
        const double textWidth = qr ? kTextWidth - kQrSide - 12 : kTextWidth;
        std::vector<Layout> layouts;
        double h = 0;
        for (const auto& [text, style] : lines) {
            if (text.empty()) continue;
            layouts.push_back(layout(text, style, textWidth));
            h += height(layouts.back().get()) + style.after;
        }
        const double boxHeight = std::max(h, qr ? kQrSide : 0.0) + 16;
        keep(boxHeight);
        cairo_t* cr = cr_.get();
        cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
        cairo_set_line_width(cr, 0.8);
        cairo_rectangle(cr, kMargin - 6, y_, kTextWidth + 12, boxHeight);
        cairo_stroke(cr);
        const double textX = rtl_ && qr ? kMargin + kQrSide + 12 : kMargin;
        double at = y_ + 8;
        std::size_t i = 0;
        for (const auto& [text, style] : lines) {
            if (text.empty()) continue;
            draw(layouts[i].get(), textX, at);
            at += height(layouts[i].get()) + style.after;
            ++i;
        }
        if (qr) drawQr(*qr, rtl_ ? kMargin : kMargin + kTextWidth - kQrSide, y_ + 8);
        y_ += boxHeight + 10;
    }

    bool finish() {
        cairo_show_page(cr_.get());
        cairo_surface_finish(surface_.get());
        return ok();
    }

private:
    void draw(PangoLayout* l, double x, double y) {
        cairo_set_source_rgb(cr_.get(), 0, 0, 0);
        cairo_move_to(cr_.get(), x, y);
        pango_cairo_show_layout(cr_.get(), l);
    }

    // Dark modules on white, with the quiet zone the standard asks for inside kQrSide.
    void drawQr(const ev::QrCode& qr, double x, double y) {
        cairo_t* cr = cr_.get();
        const int modules = qr.size() + 2 * ev::QrCode::kQuietZone;
        const double m = kQrSide / modules;
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_rectangle(cr, x, y, kQrSide, kQrSide);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        for (int r = 0; r < qr.size(); ++r)
            for (int c = 0; c < qr.size(); ++c)
                if (qr.dark(c, r)) cairo_rectangle(cr, x + (c + ev::QrCode::kQuietZone) * m, y + (r + ev::QrCode::kQuietZone) * m, m, m);
        cairo_fill(cr);
    }

    std::string locale_;
    bool rtl_ = false;
    std::string families_;
    Surface surface_;
    Cairo cr_;
    double y_ = 0;
};

// The language a text of the pack is shown in: the reader's, or the default one in its place.
template <class Text>
std::string shownIn(const std::map<std::string, Text>& byLocale, const Text* shown, const std::string& locale, const ev::Pack& pack) {
    const auto it = byLocale.find(locale);
    return it != byLocale.end() && &it->second == shown ? locale : pack.defaultLocale;
}

// What a step shows, in a line: the page's title, then its part's heading or else its summary.
void keyPoint(Sheet& sheet, const ev::Pack& pack, const ev::PlanStep& step, const std::string& locale) {
    bool stale = false;
    const ev::PageText* text = pack.pageTextToShow(step.page, locale, stale);
    const ev::Page* page = pack.page(step.page);
    if (!text || !page) return;
    std::string detail = text->summary;
    if (step.part.kind == ev::PagePart::Kind::Heading)
        if (const auto range = ev::partBlocks(text->body, step.part)) detail = text->body.blocks[range->begin].plainText();
    sheet.language(shownIn(page->text, text, locale, pack));
    sheet.paragraph("•  " + (detail.empty() ? text->title : text->title + ": " + detail), Sheet::kBody);
}

// Numbers and web addresses keep their left-to-right order inside a right-to-left line
// (Unicode's directional isolates), as the services give them.
std::string isolated(const std::string& s) { return "\u2066" + s + "\u2069"; }
// A service's name in its own direction ("Stop It Now!" keeps its "!" at the end in Urdu).
std::string firstStrong(const std::string& s) { return "\u2068" + s + "\u2069"; }

// A signpost's card: name, who it is for, the confirmed numbers with their labels, the web
// address and opening hours; a detail still to confirm is never printed, as on the kiosk.
void signpostCard(Sheet& sheet, const ev::Pack& pack, const ev::Signpost& s, const std::string& locale) {
    const ev::SignpostText* t = s.textIn(locale, pack.defaultLocale);
    if (!t) return;
    std::vector<std::pair<std::string, Sheet::Style>> lines{{firstStrong(t->name), Sheet::kName}, {t->forWhom, Sheet::kSmall}};
    if (s.confirmed("phones"))
        for (std::size_t i = 0; i < s.phones.size(); ++i) {
            const std::string label = i < t->phoneLabels.size() ? t->phoneLabels[i] : pack.string("help.call", locale);
            lines.push_back({label, Sheet::kSmall});
            lines.push_back({isolated(s.phones[i]), Sheet::kNumber}); // a line of its own, large: read from across a room
        }
    const bool web = s.confirmed("web") && !s.web.empty();
    if (web) lines.push_back({isolated(s.web), Sheet::Style{12, false, 2}});
    if (s.confirmed("hours")) lines.push_back({t->hours, Sheet::kSmall});
    else if (s.confirmed("phones")) lines.push_back({pack.string("help.verify_hours", locale), Sheet::kSmall});
    if (!s.confirmed("phones") || !s.confirmed("web")) lines.push_back({pack.string("help.verify", locale), Sheet::kSmall});
    sheet.card(lines, web ? ev::QrCode::encode(s.webUrl()) : std::nullopt);
}

struct Options {
    std::string pack, plan, locale, out;
};

std::optional<Options> parse(const std::vector<std::string>& args) {
    Options o;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        std::string* into = s == "--plan" ? &o.plan : s == "--locale" ? &o.locale : s == "-o" ? &o.out : nullptr;
        if (into) {
            if (i + 1 >= args.size()) {
                usage(s + " needs a value");
                return std::nullopt;
            }
            *into = args[++i];
        } else if (s.size() > 1 && s[0] == '-') {
            usage("unknown option " + s + " for handout");
            return std::nullopt;
        } else {
            positional.push_back(s);
        }
    }
    if (positional.size() != 1) {
        usage("handout takes one pack file");
        return std::nullopt;
    }
    if (o.plan.empty() || o.locale.empty() || o.out.empty()) {
        usage("handout needs --plan ID, --locale TAG and -o FILE.pdf");
        return std::nullopt;
    }
    o.pack = positional[0];
    return o;
}

} // namespace

int handoutCommand(const std::vector<std::string>& args) {
    if (std::find(args.begin(), args.end(), "--help") != args.end() || std::find(args.begin(), args.end(), "-h") != args.end()) {
        std::cout << kHelp;
        return kOk;
    }
    const auto o = parse(args);
    if (!o) return kUsage;
    ev::Pack pack;
    try {
        pack = ev::readPack(o->pack);
    } catch (const ev::PackError& e) {
        std::cerr << "everyvoice-pack: " << e.what() << "\n";
        return kInvalid;
    }
    const ev::Plan* plan = pack.plan(o->plan);
    if (!plan) {
        std::string ids;
        for (const ev::Plan& p : pack.plans) ids += (ids.empty() ? "" : ", ") + p.id;
        std::cerr << "everyvoice-pack: " << o->pack << " has no plan '" << o->plan << "' (it has: " << (ids.empty() ? "none" : ids) << ")\n";
        return kInvalid;
    }
    if (std::none_of(pack.locales.begin(), pack.locales.end(), [&](const ev::LocaleInfo& l) { return l.tag == o->locale; })) {
        std::cerr << "everyvoice-pack: " << o->pack << " has no language '" << o->locale << "'\n";
        return kInvalid;
    }
    const std::string& locale = o->locale;
    bool stale = false;
    const ev::PlanText* text = pack.planTextToShow(plan->id, locale, stale);

    // Written beside the output and renamed over it, so a failed run leaves no half a PDF.
    const fs::path out = o->out;
    ev::removeOrphanedTemporaries(out);
    const fs::path tmp = ev::temporaryFor(out, "pdf");
    Sheet sheet(tmp, locale);
    if (!sheet.ok()) {
        std::cerr << "everyvoice-pack: cannot write " << out.string() << "\n";
        return kInvalid;
    }
    sheet.language(shownIn(plan->text, text, locale, pack));
    sheet.paragraph(text->title, Sheet::kTitle);
    sheet.paragraph(text->summary, Sheet::kBody);
    sheet.space(6);
    for (const ev::PlanStep& step : plan->steps) keyPoint(sheet, pack, step, locale);
    sheet.language(locale);
    sheet.space(10);
    sheet.paragraph(pack.string("help.title", locale), Sheet::kHeading);
    sheet.paragraph(pack.string("help.intro", locale), Sheet::kBody);
    sheet.paragraph(pack.string("help.scan", locale), Sheet::kSmall);
    sheet.space(4);
    for (const std::string& id : plan->signposts)
        if (const ev::Signpost* s = pack.signpost(id)) signpostCard(sheet, pack, *s, locale);
    sheet.space(4);
    // On paper the website's quick exit is advice, not an instruction for the screen in front of you.
    sheet.paragraph(pack.string("handout.exit_title", locale), Sheet::kHeading);
    sheet.paragraph(pack.string("handout.exit_advice", locale), Sheet::kBody);
    std::error_code ec;
    if (!sheet.finish()) {
        fs::remove(tmp, ec);
        std::cerr << "everyvoice-pack: cannot write " << out.string() << "\n";
        return kInvalid;
    }
    fs::rename(tmp, out, ec);
    if (ec) {
        fs::remove(tmp, ec);
        std::cerr << "everyvoice-pack: cannot write " << out.string() << ": " << ec.message() << "\n";
        return kInvalid;
    }
    std::cout << "wrote " << out.string() << ": plan " << plan->id << " in " << locale
              << (shownIn(plan->text, text, locale, pack) != locale ? " (the plan's own text in " + pack.defaultLocale + ", not translated yet)" : "")
              << "\n";
    return kOk;
}

} // namespace evpack
