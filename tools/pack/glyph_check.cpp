#include "glyph_check.h"

#include <unicode/utf8.h>

#include <cstdio>
#include <set>

#include "text/engine.h"

namespace evpack {

namespace {

std::string describe(char32_t cp) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
    return hex;
}

class GlyphChecker {
public:
    explicit GlyphChecker(Diagnostics& diag) : diag_(diag) {}

    // Lays out text as the kiosk would for `language` and reports uncovered characters once
    // per file and line.
    void check(std::string_view text, const std::string& language, const std::filesystem::path& file, int line) {
        if (text.empty()) return;
        if (!missing(text, language)) return;
        // Something in it drew a box: find which characters, one at a time.
        std::set<char32_t> bad;
        for (std::int32_t i = 0; i < static_cast<std::int32_t>(text.size());) {
            const std::int32_t start = i;
            UChar32 cp = 0;
            U8_NEXT(text.data(), i, static_cast<std::int32_t>(text.size()), cp);
            if (cp <= ' ' || bad.contains(static_cast<char32_t>(cp))) continue;
            if (missing(text.substr(std::size_t(start), std::size_t(i - start)), language)) bad.insert(static_cast<char32_t>(cp));
        }
        std::string list;
        for (char32_t cp : bad) list += (list.empty() ? "" : ", ") + describe(cp);
        if (list.empty()) list = "a character sequence";
        diag_.error(file, line, "no installed font draws " + list + " (" + language +
                                    "): the kiosk would show an empty box. Check the text, or install the Debian "
                                    "package fonts-noto-core (or the fonts-noto-* package for that script)");
    }

private:
    bool missing(std::string_view text, const std::string& language) {
        ev::text::ParagraphSpec spec;
        spec.language = language;
        const auto p = engine_.layout(text, ev::text::Style{}, spec);
        return ev::text::Engine::hasMissingGlyphs(*p);
    }

    Diagnostics& diag_;
    ev::text::Engine engine_;
};

} // namespace

void checkGlyphs(const Source& src, Diagnostics& diag) {
    GlyphChecker glyphs(diag);
    for (const ev::Page& page : src.pack.pages) {
        for (const auto& [tag, text] : page.text) {
            const PageFile& pf = src.files.at(page.id).at(tag);
            glyphs.check(text.title, tag, pf.file, pf.line("title"));
            glyphs.check(text.summary, tag, pf.file, pf.line("summary"));
            for (const ev::Block& b : text.body.blocks) glyphs.check(b.plainText(), tag, pf.file, b.line);
        }
    }
    for (std::size_t i = 0; i < src.pack.signposts.size(); ++i) {
        for (const auto& [tag, t] : src.pack.signposts[i].text) {
            const int line = src.signposts[i].line;
            for (const std::string* s : {&t.name, &t.forWhom, &t.description, &t.hours})
                glyphs.check(*s, tag, src.packToml, line);
            for (const std::string& label : t.phoneLabels) glyphs.check(label, tag, src.packToml, line);
        }
    }
    for (const auto& [tag, items] : src.pack.neutral) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const int line = src.neutralLines.at(tag).at(i);
            glyphs.check(items[i].title, tag, src.packToml, line);
            glyphs.check(items[i].body, tag, src.packToml, line);
        }
    }
    for (const auto& [tag, strings] : src.pack.strings)
        for (const auto& [key, value] : strings)
            glyphs.check(value, tag, src.stringsFile(tag), src.stringLines.at(tag).at(key));
    // Present mode shows a plan's words with the kiosk's fonts too.
    for (const ev::Plan& plan : src.pack.plans) {
        for (const auto& [tag, t] : plan.text) {
            const PlanFile& pf = src.planFiles.at(plan.id).at(tag);
            glyphs.check(t.title, tag, pf.file, pf.line("title"));
            glyphs.check(t.summary, tag, pf.file, pf.line("summary"));
            glyphs.check(t.question, tag, pf.file, pf.line("question"));
            for (const std::string& a : t.answers) glyphs.check(a, tag, pf.file, pf.line("answers"));
            for (std::size_t i = 0; i < t.steps.size(); ++i) {
                const int line = i < pf.stepLines.size() ? pf.stepLines[i] : 1;
                glyphs.check(t.steps[i].prompt, tag, pf.file, line);
                glyphs.check(t.steps[i].notes, tag, pf.file, line);
            }
        }
    }
}

} // namespace evpack
