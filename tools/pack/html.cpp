#include "html.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

#include "text/numbers.h"

namespace evpack {

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string textHtml(std::string_view text) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    const std::u16string s(u.getBuffer(), static_cast<std::size_t>(u.length()));
    const ev::text::NumberGroups groups = ev::text::findNumberGroups(s);
    const auto utf8 = [&](std::size_t from, std::size_t to) {
        std::string out;
        u.tempSubStringBetween(static_cast<int32_t>(from), static_cast<int32_t>(to)).toUTF8String(out);
        return escapeHtml(out);
    };
    std::string out;
    std::size_t from = 0;
    // inside[k] marks the positions strictly within a group of several digit groups.
    for (std::size_t k = 1; k < s.size();) {
        if (!groups.inside[k]) {
            ++k;
            continue;
        }
        std::size_t end = k;
        while (end < s.size() && groups.inside[end]) ++end;
        out += utf8(from, k - 1) + "<bdi dir=\"ltr\">" + utf8(k - 1, end) + "</bdi>";
        from = k = end;
    }
    return out + utf8(from, s.size());
}

namespace {

std::string spanHtml(const ev::Span& s) {
    std::string out = textHtml(s.text);
    if (s.emphasis) out = "<em>" + out + "</em>";
    if (s.strong) out = "<strong>" + out + "</strong>";
    return out;
}

// Spans of one link (md4c splits "[**Call** now](help)" in two) become one <a>.
std::string spansHtml(const std::vector<ev::Span>& spans, const LinkResolver& href) {
    std::string out;
    for (std::size_t i = 0; i < spans.size();) {
        std::size_t end = i + 1;
        while (end < spans.size() && spans[end].link == spans[i].link) ++end;
        std::string inner;
        for (std::size_t j = i; j < end; ++j) inner += spanHtml(spans[j]);
        const std::string target = spans[i].link.empty() ? "" : href(spans[i].link);
        out += target.empty() ? inner : "<a href=\"" + escapeHtml(target) + "\">" + inner + "</a>";
        i = end;
    }
    return out;
}

// Open lists from the outermost in, so that list items of any depth nest correctly.
class Lists {
public:
    explicit Lists(std::string& out) : out_(out) {}

    void item(const ev::Block& b) {
        const auto depth = static_cast<std::size_t>(std::max(b.level, 1));
        while (open_.size() > depth) close();
        if (open_.size() == depth && open_.back() != b.ordered) close();
        if (open_.size() == depth) out_ += "</li>\n";
        while (open_.size() < depth) {
            const bool innermost = open_.size() + 1 == depth;
            const bool ordered = innermost && b.ordered;
            if (ordered && b.number != 1) out_ += "<ol start=\"" + std::to_string(b.number) + "\">\n";
            else out_ += ordered ? "<ol>\n" : "<ul>\n";
            open_.push_back(ordered);
            // A list nested in an item that had no text of its own still needs that item.
            if (!innermost) out_ += "<li>";
        }
        out_ += "<li>";
    }

    void closeAll() {
        while (!open_.empty()) close();
    }

private:
    void close() {
        out_ += open_.back() ? "</li>\n</ol>\n" : "</li>\n</ul>\n";
        open_.pop_back();
    }

    std::string& out_;
    std::vector<bool> open_; // ordered, per open list from the outermost
};

} // namespace

std::string documentHtml(const ev::Document& doc, const LinkResolver& href, const ImageHtml& image) {
    std::string out;
    Lists lists(out);
    int previousHeading = 1; // the page title
    for (const ev::Block& b : doc.blocks) {
        const std::string text = spansHtml(b.spans, href);
        switch (b.kind) {
        case ev::Block::Kind::ListItem:
            lists.item(b);
            out += text;
            continue;
        case ev::Block::Kind::Heading: {
            lists.closeAll();
            const int level = std::min(std::max(b.level, 2), previousHeading + 1);
            previousHeading = level;
            const std::string tag = "h" + std::to_string(level);
            out += "<" + tag + ">" + text + "</" + tag + ">\n";
            continue;
        }
        case ev::Block::Kind::Paragraph:
            lists.closeAll();
            out += "<p>" + text + "</p>\n";
            continue;
        case ev::Block::Kind::Image:
            lists.closeAll();
            out += image(b.image, b.spans.front().text);
            continue;
        }
    }
    lists.closeAll();
    return out;
}

} // namespace evpack
