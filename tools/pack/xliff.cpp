#include "xliff.h"

#include <expat.h>

#include <cstring>
#include <memory>

namespace evpack {

namespace {

constexpr const char* kNs = "urn:oasis:names:tc:xliff:document:2.0";

std::string escape(std::string_view s, bool attribute) {
    std::string out;
    for (const char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += attribute ? "&quot;" : "\""; break;
        case '\n': out += attribute ? "&#10;" : "\n"; break;
        case '\r': out += "&#13;"; break;
        case '\t': out += attribute ? "&#9;" : "\t"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace

std::string writeXliff(const XliffDocument& doc) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += std::string("<xliff xmlns=\"") + kNs + "\" version=\"2.0\" srcLang=\"" + escape(doc.srcLang, true) +
           "\" trgLang=\"" + escape(doc.trgLang, true) + "\">\n";
    for (const XliffFile& f : doc.files) {
        out += " <file id=\"" + escape(f.id, true) + "\" original=\"" + escape(f.original, true) +
               "\" canResegment=\"no\" xml:space=\"preserve\">\n";
        for (const XliffUnit& u : f.units) {
            out += "  <unit id=\"" + escape(u.id, true) + "\">\n";
            if (!u.notes.empty()) {
                out += "   <notes>\n";
                for (const XliffNote& n : u.notes)
                    out += "    <note category=\"" + escape(n.category, true) + "\">" + escape(n.text, false) + "</note>\n";
                out += "   </notes>\n";
            }
            out += "   <segment state=\"" + u.state + "\">\n    <source>" + escape(u.source, false) + "</source>\n";
            if (u.target) out += "    <target>" + escape(*u.target, false) + "</target>\n";
            out += "   </segment>\n  </unit>\n";
        }
        out += " </file>\n";
    }
    return out + "</xliff>\n";
}

namespace {

struct Reader {
    XML_Parser parser = nullptr;
    XliffDocument doc;
    std::vector<std::string> stack; // local names of open elements
    std::string* text = nullptr;    // the source or target being read
    std::string error;
    int errorLine = 0;

    void fail(const std::string& message) {
        if (error.empty()) {
            error = message;
            errorLine = static_cast<int>(XML_GetCurrentLineNumber(parser));
        }
        XML_StopParser(parser, XML_FALSE);
    }

    // Element names arrive as "namespace local" (XML_ParserCreateNS with ' ').
    static std::string localName(const char* name, bool& inXliff) {
        const char* sp = std::strchr(name, ' ');
        inXliff = sp && std::string_view(name, sp - name) == kNs;
        return sp ? std::string(sp + 1) : std::string(name);
    }

    static std::string attr(const char** atts, const char* name) {
        for (int i = 0; atts[i]; i += 2)
            if (std::strcmp(atts[i], name) == 0) return atts[i + 1];
        return {};
    }

    void start(const char* name, const char** atts) {
        bool inXliff = false;
        const std::string local = localName(name, inXliff);
        const std::string parent = stack.empty() ? "" : stack.back();
        stack.push_back(inXliff ? local : "");
        if (text) {
            fail("<" + local + "> inside a " + parent + " of unit '" + doc.files.back().units.back().id +
                 "': inline markup is not read back; write the text without it");
            return;
        }
        if (!inXliff) return; // modules and extensions are not ours to read
        if (stack.size() == 1) {
            if (local != "xliff") return fail("this is not an XLIFF file (its root element is <" + local + ">)");
            const std::string version = attr(atts, "version");
            if (!version.starts_with("2.")) return fail("XLIFF version " + version + " is not 2.x");
            doc.srcLang = attr(atts, "srcLang");
            doc.trgLang = attr(atts, "trgLang");
        } else if (local == "file" && parent == "xliff") {
            doc.files.push_back({attr(atts, "id"), attr(atts, "original"), {}});
        } else if (local == "unit" && parent == "file") {
            doc.files.back().units.push_back({attr(atts, "id"), "", std::nullopt, "initial", {}});
        } else if ((local == "segment" || local == "ignorable") && parent == "unit") {
            if (local == "segment") {
                const std::string s = attr(atts, "state");
                if (!s.empty()) doc.files.back().units.back().state = s;
            }
        } else if ((local == "source" || local == "target") && (parent == "segment" || parent == "ignorable")) {
            XliffUnit& u = doc.files.back().units.back();
            if (local == "source") {
                text = &u.source;
            } else {
                if (!u.target) u.target = "";
                text = &*u.target;
            }
        }
    }

    void end() {
        text = nullptr;
        stack.pop_back();
    }

    static void onStart(void* self, const char* name, const char** atts) { static_cast<Reader*>(self)->start(name, atts); }
    static void onEnd(void* self, const char*) { static_cast<Reader*>(self)->end(); }
    static void onText(void* self, const char* s, int len) {
        auto* r = static_cast<Reader*>(self);
        if (r->text) r->text->append(s, static_cast<std::size_t>(len));
    }
};

} // namespace

XliffDocument readXliff(std::string_view text) {
    Reader r;
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreateNS("UTF-8", ' '), &XML_ParserFree);
    r.parser = parser.get();
    XML_SetUserData(r.parser, &r);
    XML_SetElementHandler(r.parser, &Reader::onStart, &Reader::onEnd);
    XML_SetCharacterDataHandler(r.parser, &Reader::onText);
    const XML_Status status = XML_Parse(r.parser, text.data(), static_cast<int>(text.size()), XML_TRUE);
    if (!r.error.empty()) throw XliffError(r.errorLine, r.error);
    if (status != XML_STATUS_OK)
        throw XliffError(static_cast<int>(XML_GetCurrentLineNumber(r.parser)), XML_ErrorString(XML_GetErrorCode(r.parser)));
    if (r.doc.srcLang.empty()) throw XliffError(1, "this is not an XLIFF 2 file (no <xliff srcLang=...> in the XLIFF 2.0 namespace)");
    return r.doc;
}

} // namespace evpack
