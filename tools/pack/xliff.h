#pragma once
// XLIFF 2 (OASIS XLIFF Version 2.0/2.1 core, urn:oasis:names:tc:xliff:document:2.0), the file
// translators' tools (OmegaT, memoQ, Trados, Weblate) exchange: what everyvoice-pack writes and
// the part of it that it reads back. Text is kept as written, inline Markdown included; a unit
// is one segment.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace evpack {

struct XliffNote {
    std::string category; // "ev:english-before", "ev:translation-before", "ev:about"
    std::string text;
};

struct XliffUnit {
    std::string id;
    std::string source;
    std::optional<std::string> target;
    std::string state = "initial"; // initial, translated, reviewed or final
    std::vector<XliffNote> notes;
};

struct XliffFile {
    std::string id;       // "page.signs-to-notice", "ui", "signposts"
    std::string original; // the English file it comes from, relative to the content folder
    std::vector<XliffUnit> units;
};

struct XliffDocument {
    std::string srcLang;
    std::string trgLang;
    std::vector<XliffFile> files;
};

struct XliffError : std::runtime_error {
    XliffError(int line, const std::string& what) : std::runtime_error(what), line(line) {}
    int line;
};

std::string writeXliff(const XliffDocument& doc);

// Throws XliffError for anything that is not well-formed XLIFF 2 core, or inline markup inside
// a source or target (which this reader would otherwise lose).
XliffDocument readXliff(std::string_view text);

} // namespace evpack
