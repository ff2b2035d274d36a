#include "core/pack/markdown.h"

#include <md4c.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "core/pack/media.h"

namespace ev {

std::string Block::plainText() const {
    std::string out;
    for (const Span& s : spans) out += s.text;
    return out;
}

std::vector<std::string> Document::links() const {
    std::vector<std::string> out;
    for (const Block& b : blocks)
        for (const Span& s : b.spans)
            if (!s.link.empty() && std::find(out.begin(), out.end(), s.link) == out.end()) out.push_back(s.link);
    return out;
}

namespace {

bool validPageId(std::string_view id) {
    if (id.empty() || !std::isalnum(static_cast<unsigned char>(id.front()))) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

void appendUtf8(std::string& out, unsigned long cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// md4c reports entities undecoded. Numeric ones and the few names people type by hand are
// decoded; any other name is refused so that no "&shy;" reaches the screen as text.
std::optional<std::string> decodeEntity(std::string_view e) {
    std::string out;
    if (e.size() > 3 && e[1] == '#') {
        const bool hex = e[2] == 'x' || e[2] == 'X';
        const std::string digits(e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3)));
        appendUtf8(out, std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10));
        return out;
    }
    static constexpr std::pair<std::string_view, unsigned long> named[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&nbsp;", 0xA0}};
    for (auto [name, cp] : named) {
        if (e == name) {
            appendUtf8(out, cp);
            return out;
        }
    }
    return std::nullopt;
}

// Builds blocks from md4c's callbacks. md4c gives no line numbers, but the text it reports
// points into the source buffer, so a block's line is the line of its first text.
class Builder {
public:
    Builder(std::string_view src, int firstLine) : src_(src), firstLine_(firstLine) {
        for (std::size_t i = 0; i < src.size(); ++i)
            if (src[i] == '\n') lineStarts_.push_back(i + 1);
    }

    Document document;
    std::optional<MarkdownError> error;

    int enterBlock(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
        case MD_BLOCK_DOC: return 0;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            closeBlock();
            lists_.push_back({type == MD_BLOCK_OL,
                              type == MD_BLOCK_OL ? static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start) : 0});
            return 0;
        case MD_BLOCK_LI: {
            List& list = lists_.back();
            Block b;
            b.kind = Block::Kind::ListItem;
            b.level = static_cast<int>(lists_.size());
            b.ordered = list.ordered;
            b.number = list.ordered ? list.next++ : 0;
            open(std::move(b));
            paragraphsInItem_ = 0;
            return 0;
        }
        case MD_BLOCK_H: {
            const unsigned level = static_cast<MD_BLOCK_H_DETAIL*>(detail)->level;
            if (!lists_.empty()) return failBlock("a heading cannot be inside a list");
            if (level > 3) return failBlock("headings go down to level 3 (###); this one is level " + std::to_string(level));
            Block b;
            b.kind = Block::Kind::Heading;
            b.level = static_cast<int>(level);
            open(std::move(b));
            return 0;
        }
        case MD_BLOCK_P:
            // A paragraph inside a list item is the item's own text (a "loose" list).
            if (!lists_.empty()) {
                if (++paragraphsInItem_ > 1 || !current_)
                    return failBlock("a list item can hold only one paragraph");
                return 0;
            }
            open(Block{});
            return 0;
        case MD_BLOCK_QUOTE: return failBlock("block quotes (>) are not supported");
        case MD_BLOCK_HR: return failBlock("horizontal rules are not supported");
        case MD_BLOCK_CODE: return failBlock("code blocks are not supported");
        case MD_BLOCK_HTML: return failBlock("raw HTML is not supported");
        default: return failBlock("tables are not supported");
        }
    }

    int leaveBlock(MD_BLOCKTYPE type) {
        if (error) return resolveAfterLastText();
        if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
            closeBlock();
            lists_.pop_back();
        } else if (type == MD_BLOCK_LI || type == MD_BLOCK_H || (type == MD_BLOCK_P && lists_.empty())) {
            closeBlock();
        }
        return 0;
    }

    int enterSpan(MD_SPANTYPE type, void* detail) {
        if (image_) {
            if (type == MD_SPAN_EM || type == MD_SPAN_STRONG) return 0; // alt text is plain
            return fail("an image's alt text can only be words");
        }
        switch (type) {
        case MD_SPAN_EM: ++emphasis_; return 0;
        case MD_SPAN_STRONG: ++strong_; return 0;
        case MD_SPAN_A: {
            const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
            std::string target(href.text, href.size);
            if (target == "help" || (target.starts_with("page:") && validPageId(std::string_view(target).substr(5)))) {
                link_ = std::move(target);
                return 0;
            }
            return fail("link target '" + target + "' is not a kiosk location (use page:<page-id> or help)");
        }
        case MD_SPAN_IMG: return enterImage(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
        case MD_SPAN_CODE: return fail("code is not supported");
        default: return fail("unsupported Markdown");
        }
    }

    int leaveSpan(MD_SPANTYPE type) {
        if (error) return resolveAfterLastText();
        if (type == MD_SPAN_IMG) return leaveImage();
        if (image_) return 0;
        if (type == MD_SPAN_EM) --emphasis_;
        else if (type == MD_SPAN_STRONG) --strong_;
        else if (type == MD_SPAN_A) link_.clear();
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR* p, MD_SIZE size) {
        const bool fromSource = p >= src_.data() && p < src_.data() + src_.size();
        const std::size_t offset = fromSource ? static_cast<std::size_t>(p - src_.data()) : pos_;
        if (error) return resolve(offset);
        // md4c 0.4.8 can report text beyond its input after a broken parse (found by
        // tests/fuzz/markdown); no text is ever longer than the source it came from.
        if (size > src_.size() || (fromSource && size > src_.size() - offset)) {
            fail("the Markdown parser lost its place; simplify the formatting near here");
            return resolve(offset);
        }
        if (fromSource) {
            if (current_ && current_->line == 0) current_->line = lineAt(offset);
            pos_ = offset + size;
        }
        switch (type) {
        case MD_TEXT_NORMAL: append(std::string_view(p, size)); return 0;
        case MD_TEXT_SOFTBR:
        case MD_TEXT_BR: append(" "); return 0;
        case MD_TEXT_NULLCHAR: append("\xEF\xBF\xBD"); return 0;
        case MD_TEXT_ENTITY:
            if (auto decoded = decodeEntity(std::string_view(p, size))) {
                append(*decoded);
                return 0;
            }
            fail("unknown entity " + std::string(p, size) + "; type the character itself");
            return resolve(offset);
        case MD_TEXT_HTML:
            fail("raw HTML is not supported");
            return resolve(offset);
        default:
            fail("unsupported Markdown");
            return resolve(offset);
        }
    }

    int enterImage(const MD_ATTRIBUTE& src) {
        const std::string name(src.text, src.size);
        if (src.text >= src_.data() && src.text < src_.data() + src_.size())
            imageOffset_ = static_cast<std::size_t>(src.text - src_.data());
        // Only a paragraph of the page's own (not a heading, a list item or a link) can be one.
        const bool alone = current_ && lists_.empty() && link_.empty() && current_->kind == Block::Kind::Paragraph &&
                           current_->image.empty() &&
                           std::all_of(current_->spans.begin(), current_->spans.end(),
                                       [](const Span& s) { return s.text.find_first_not_of(' ') == std::string::npos; });
        if (!alone) return failAt(imageOffset_, kImageAlone);
        if (!validMediaName(name) || mediaTypeFor(name) != kPngType)
            return failAt(imageOffset_, "image '" + name + "' must name a PNG file in the pack's assets folder, "
                                        "using a-z, 0-9, - and _ (like ![A drawing of ...](drawing.png))");
        image_ = PendingImage{name, ""};
        return 0;
    }

    int leaveImage() {
        PendingImage image = std::move(*image_);
        image_.reset();
        const auto first = image.alt.find_first_not_of(' '), last = image.alt.find_last_not_of(' ');
        if (first == std::string::npos)
            return failAt(imageOffset_, "image '" + image.name + "' has no alt text: say in a few words what it shows, "
                                        "like ![A drawing of ...](" + image.name + ")");
        current_->image = image.name;
        current_->spans = {Span{image.alt.substr(first, last - first + 1), false, false, ""}};
        if (current_->line == 0) current_->line = lineAt(imageOffset_);
        return 0;
    }

    // A span that ends with no text of its own (an empty image) is placed at the first
    // character after the last text seen.
    int resolveAfterLastText() { return resolve(skipSpace(pos_)); }

private:
    struct List {
        bool ordered;
        int next;
    };
    struct PendingImage {
        std::string name;
        std::string alt;
    };
    static constexpr const char* kImageAlone =
        "an image must be a paragraph of its own: put ![alt text](name.png) on a line by itself, "
        "with a blank line before and after, outside lists and links";

    int lineAt(std::size_t offset) const {
        const auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
        return firstLine_ + static_cast<int>(it - lineStarts_.begin());
    }

    // A span's error is raised on entering it, before its text tells where it is; the line is
    // filled in at the next text from the source.
    int fail(std::string message) {
        if (!error) error.emplace(0, std::move(message));
        return 0;
    }

    int failAt(std::size_t offset, std::string message) {
        fail(std::move(message));
        return resolve(offset);
    }

    // A block starts on a line after the last text seen (which belonged to an earlier block).
    int failBlock(std::string message) {
        fail(std::move(message));
        const std::size_t eol = pos_ == 0 ? 0 : src_.find('\n', pos_);
        return resolve(skipSpace(eol == std::string_view::npos ? src_.size() : eol));
    }

    std::size_t skipSpace(std::size_t at) const {
        while (at < src_.size() && std::isspace(static_cast<unsigned char>(src_[at]))) ++at;
        return at;
    }

    int resolve(std::size_t offset) {
        if (error->line == 0) error = MarkdownError(lineAt(offset), error->what());
        return 1;
    }

    void open(Block b) {
        closeBlock();
        current_ = std::move(b);
    }

    void closeBlock() {
        if (!current_) return;
        if (!current_->image.empty()) current_->kind = Block::Kind::Image;
        auto& spans = current_->spans;
        if (!spans.empty()) {
            // Trailing and leading spaces come from breaks at the edges of a block.
            while (!spans.front().text.empty() && spans.front().text.front() == ' ') spans.front().text.erase(0, 1);
            while (!spans.back().text.empty() && spans.back().text.back() == ' ') spans.back().text.pop_back();
            std::erase_if(spans, [](const Span& s) { return s.text.empty(); });
        }
        if (!spans.empty()) document.blocks.push_back(std::move(*current_));
        current_.reset();
    }

    void append(std::string_view t) {
        if (!current_ || error) return;
        if (image_) {
            image_->alt += t;
            return;
        }
        // Text after an image in its paragraph (spaces md4c leaves at a line's end aside).
        if (!current_->image.empty() && t.find_first_not_of(' ') != std::string_view::npos) {
            failAt(imageOffset_, kImageAlone);
            return;
        }
        auto& spans = current_->spans;
        const bool strong = strong_ > 0, emphasis = emphasis_ > 0;
        if (spans.empty() || spans.back().strong != strong || spans.back().emphasis != emphasis || spans.back().link != link_)
            spans.push_back(Span{"", strong, emphasis, link_});
        spans.back().text += t;
    }

    std::string_view src_;
    int firstLine_;
    std::vector<std::size_t> lineStarts_;
    std::vector<List> lists_;
    std::optional<Block> current_;
    int paragraphsInItem_ = 0;
    int strong_ = 0, emphasis_ = 0;
    std::string link_;
    std::optional<PendingImage> image_; // inside ![...](...): text is its alt text
    std::size_t imageOffset_ = 0;       // where the last image's name is in the source
    std::size_t pos_ = 0; // end of the last source text seen
};

} // namespace

Document parseMarkdown(std::string_view markdown, int firstLine) {
    // Pages are UTF-8. Other bytes are a file saved in another encoding, and md4c's own
    // decoding of them is where it goes wrong (tests/fuzz/markdown).
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(markdown.data());
    const auto length = static_cast<std::int32_t>(std::min<std::size_t>(markdown.size(), INT32_MAX));
    for (std::int32_t i = 0; i < length;) {
        const std::int32_t at = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) {
            const auto line = firstLine + static_cast<int>(std::count(markdown.begin(), markdown.begin() + at, '\n'));
            throw MarkdownError(line, "not UTF-8 text: save the file as UTF-8");
        }
    }
    Builder builder(markdown, firstLine);
    MD_PARSER parser{};
    // Tables are recognised only so they can be refused; without the flag they would pass as
    // paragraphs full of pipes.
    parser.flags = MD_FLAG_TABLES;
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enterBlock(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) { return static_cast<Builder*>(u)->leaveBlock(t); };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enterSpan(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void*, void* u) { return static_cast<Builder*>(u)->leaveSpan(t); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* p, MD_SIZE n, void* u) { return static_cast<Builder*>(u)->text(t, p, n); };
    const int rc = md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &builder);
    if (builder.error) throw *builder.error;
    if (rc != 0) throw MarkdownError(firstLine, "the Markdown parser ran out of memory");
    return std::move(builder.document);
}

} // namespace ev
