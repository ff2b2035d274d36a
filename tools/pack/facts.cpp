#include "facts.h"

#include <toml++/toml.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/lines.h"

namespace evpack {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// "https://www.NSPCC.org.uk/" -> "nspcc.org.uk"; a path stays: it is an address of its own.
std::string webKey(std::string s) {
    s = lower(std::move(s));
    for (const char* scheme : {"https://", "http://"})
        if (s.starts_with(scheme)) s.erase(0, std::string_view(scheme).size());
    if (s.starts_with("www.")) s.erase(0, 4);
    while (!s.empty() && std::string_view(".,;:!?/").find(s.back()) != std::string_view::npos) s.pop_back();
    return s;
}

std::string phoneKey(std::string_view number) {
    std::string digits;
    for (const Contact& c : findContacts(number))
        if (c.kind == Contact::Kind::Phone) digits += c.key;
    if (digits.empty()) // short numbers (999) are not phone-like on their own, but may be listed
        for (char c : number)
            if (c >= '0' && c <= '9') digits += c;
    return digits;
}

int digitOf(UChar32 c) { return u_isdigit(c) ? u_charDigitValue(c) : -1; }

bool joins(UChar32 c) {
    return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009 || c == '-' || c == '.' || c == '(' || c == ')';
}

struct CodePoint {
    UChar32 c;
    std::size_t at, end; // byte range in the text
};

void findPhones(std::string_view text, std::vector<Contact>& out) {
    std::vector<CodePoint> cps;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        cps.push_back({c, std::size_t(at), std::size_t(i)});
    }
    for (std::size_t i = 0; i < cps.size();) {
        if (digitOf(cps[i].c) < 0) {
            ++i;
            continue;
        }
        std::string digits;
        std::size_t j = i, last = i;
        while (j < cps.size()) {
            if (const int d = digitOf(cps[j].c); d >= 0) {
                digits += static_cast<char>('0' + d);
                last = j++;
            } else if (joins(cps[j].c) && j + 1 < cps.size() && digitOf(cps[j + 1].c) >= 0) {
                ++j;
            } else if (cps[j].c == ')' && j + 2 < cps.size() && cps[j + 1].c == ' ' && digitOf(cps[j + 2].c) >= 0) {
                j += 2; // "(020) 7..."
            } else {
                break;
            }
        }
        const bool plus = i > 0 && cps[i - 1].c == '+';
        const bool tel = cps[i].at >= 4 && lower(std::string(text.substr(cps[i].at - 4, 4))) == "tel:";
        if (digits.size() >= 5 || (digits.size() >= 3 && digits[0] == '0') || plus || tel) {
            // +44 800 1111 is the UK's 0800 1111.
            if (plus && digits.starts_with("44")) digits = "0" + digits.substr(2);
            const std::size_t from = plus ? cps[i - 1].at : cps[i].at;
            out.push_back({Contact::Kind::Phone, std::string(text.substr(from, cps[last].end - from)), digits});
        }
        i = j;
    }
}

void findWeb(std::string_view text, std::vector<Contact>& out) {
    // ASCII only: a full stop in another script (। ۔) ends the address.
    static const std::regex url(R"((?:https?://|www\.)[A-Za-z0-9._~:/?#@!$&*+,;=%-]+)", std::regex::icase);
    static const std::regex domain(
        R"((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:uk|com|org|net|gov|edu|info|io|co|eu|me|app|online|site|dev|ie|us|de|pl|ro|lt|pt|br|in|pk|bd|ng|tv|biz|xyz)(?![a-z0-9-])(?:/[A-Za-z0-9._~:/?#@!$&*+,;=%-]*)?)",
        std::regex::icase);
    const std::string s(text);
    std::vector<std::pair<std::size_t, std::size_t>> taken;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), url); it != std::sregex_iterator(); ++it) {
        taken.emplace_back(std::size_t(it->position()), std::size_t(it->position() + it->length()));
        std::string shown = it->str();
        while (std::string_view(".,;:!?").find(shown.back()) != std::string_view::npos) shown.pop_back(); // the sentence's
        out.push_back({Contact::Kind::Web, shown, webKey(shown)});
    }
    for (auto it = std::sregex_iterator(s.begin(), s.end(), domain); it != std::sregex_iterator(); ++it) {
        const std::size_t a = std::size_t(it->position()), b = a + std::size_t(it->length());
        if (std::any_of(taken.begin(), taken.end(), [&](const auto& r) { return a < r.second && r.first < b; })) continue;
        out.push_back({Contact::Kind::Web, it->str(), webKey(it->str())});
    }
}

bool listed(const Facts& facts, const Contact& c) {
    return c.kind == Contact::Kind::Phone ? facts.phones.contains(c.key) : facts.web.contains(c.key);
}

std::string readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

// Which lines of pack.toml hold a detail marked verify = true: all of a signpost marked
// verify = true, or only the fields a signpost's verify = [...] names.
std::vector<bool> verifiedLines(const Source& src, const std::vector<std::string>& lines) {
    std::vector<bool> exempt(lines.size() + 1, false);
    const ev::Signpost* current = nullptr;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int line = int(i) + 1;
        const std::string t = trimmed(lines[i]);
        if (t.starts_with("[[signposts]]")) {
            current = nullptr;
            for (std::size_t k = 0; k < src.signposts.size(); ++k)
                if (src.signposts[k].line == line) current = &src.pack.signposts[k];
        } else if (t.starts_with("[") && !t.starts_with("[signposts.")) {
            current = nullptr;
        }
        if (!current || !current->verify) continue;
        const std::string key = trimmed(t.substr(0, std::min(t.find('='), t.size())));
        exempt[line] = current->verifyFields.empty() ||
                       std::find(current->verifyFields.begin(), current->verifyFields.end(), key) != current->verifyFields.end();
    }
    return exempt;
}

} // namespace

std::vector<Contact> findContacts(std::string_view text) {
    std::vector<Contact> out;
    findPhones(text, out);
    findWeb(text, out);
    return out;
}

Facts readFacts(const fs::path& file, Diagnostics& diag) {
    Facts facts;
    facts.file = file;
    if (!fs::exists(file)) return facts;
    toml::table root;
    try {
        root = toml::parse(readAll(file), file.string());
    } catch (const toml::parse_error& e) {
        diag.error(file, int(e.source().begin.line), std::string(e.description()));
        return facts;
    }
    facts.found = true;
    struct Kind {
        const char* table;
        const char* value; // the key that holds the fact itself
    };
    for (const Kind k : {Kind{"phone", "number"}, Kind{"web", "address"}, Kind{"detail", "text"}}) {
        const toml::array* items = root[k.table].as_array();
        if (!items) continue;
        for (const toml::node& n : *items) {
            const int line = int(n.source().begin.line);
            const toml::table* t = n.as_table();
            if (!t) {
                diag.error(file, line, std::string("each ") + k.table + " must be a [[" + k.table + "]] table");
                continue;
            }
            for (const char* key : {k.value, "service", "source"})
                if ((*t)[key].value_or(std::string()).empty())
                    diag.error(file, line, std::string("[[") + k.table + "]] needs " + key + " (each fact names its service and public source)");
            for (auto&& [key, v] : *t)
                if (key.str() != k.value && key.str() != "service" && key.str() != "source")
                    diag.error(file, int(key.source().begin.line), "unknown key '" + std::string(key.str()) + "' in [[" + k.table + "]]");
            const std::string value = (*t)[k.value].value_or(std::string());
            if (value.empty()) continue;
            if (std::string_view(k.table) == "phone") {
                const std::string key = phoneKey(value);
                if (key.empty()) diag.error(file, line, "number '" + value + "' has no digits");
                else facts.phones.insert(key);
            } else if (std::string_view(k.table) == "web") {
                facts.web.insert(webKey(value));
            }
        }
    }
    for (auto&& [key, v] : root)
        if (key.str() != "phone" && key.str() != "web" && key.str() != "detail")
            diag.error(file, int(key.source().begin.line), "unknown key '" + std::string(key.str()) + "' (known: phone, web, detail)");
    return facts;
}

void checkFacts(const Source& src, const Facts& facts, bool release, Diagnostics& diag) {
    if (!facts.found) {
        const std::string message = "no facts list here: phone numbers and web addresses in content are not checked";
        if (release) diag.error(facts.file, 1, message);
        else diag.warning(facts.file, 1, message);
        return;
    }
    const auto scan = [&](const fs::path& file, int line, std::string_view text) {
        for (const Contact& c : findContacts(text)) {
            if (listed(facts, c)) continue;
            const std::string message = std::string(c.kind == Contact::Kind::Phone ? "phone number '" : "web address '") + c.text +
                                        "' is not in " + facts.file.string() +
                                        ": state only a listed fact, or mark the detail verify = true until it is confirmed and listed";
            if (release) diag.error(file, line, message);
            else diag.warning(file, line, message);
        }
    };
    for (const ev::Page& page : src.pack.pages) {
        for (const auto& [tag, text] : page.text) {
            const PageFile& pf = src.files.at(page.id).at(tag);
            if (pf.verify) continue; // the whole page is a detail to confirm
            scan(pf.file, pf.line("title"), pf.title);
            if (!pf.summary.empty()) scan(pf.file, pf.line("summary"), pf.summary);
            const std::vector<std::string> lines = ev::splitLines(pf.markdown);
            for (std::size_t i = 0; i < lines.size(); ++i) scan(pf.file, pf.bodyLine + int(i), lines[i]);
        }
    }
    // pack.toml line by line: signposts (numbers, addresses and their text) and neutral items.
    const std::vector<std::string> lines = ev::splitLines(readAll(src.packToml));
    const std::vector<bool> exempt = verifiedLines(src, lines);
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (const std::string t = trimmed(lines[i]);
            !exempt[i + 1] && !t.starts_with("#") && !t.starts_with("[") && !t.starts_with("translated_from"))
            scan(src.packToml, int(i) + 1, lines[i]); // not comments, table headers ([signposts.text.pl]) or stamps
    for (const auto& [tag, strings] : src.pack.strings)
        for (const auto& [key, value] : strings) scan(src.stringsFile(tag), src.stringLines.at(tag).at(key), value);
    // A plan's text files line by line (notes run over several), but not the stamps, whose hex
    // digits are no phone number.
    for (const auto& [id, files] : src.planFiles)
        for (const auto& [tag, pf] : files) {
            const std::vector<std::string> planLines = ev::splitLines(readAll(pf.file));
            for (std::size_t i = 0; i < planLines.size(); ++i)
                if (const std::string t = trimmed(planLines[i]); !t.starts_with("#") && !t.starts_with("translated_from"))
                    scan(pf.file, int(i) + 1, planLines[i]);
        }
}

} // namespace evpack
