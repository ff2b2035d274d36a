#include <catch2/catch.hpp>

#include "core/pack/content.h"
#include "core/pack/markdown.h"

using ev::Block;
using ev::parseMarkdown;

namespace {

int errorLine(std::string_view md, int firstLine = 1) {
    try {
        parseMarkdown(md, firstLine);
    } catch (const ev::MarkdownError& e) {
        return e.line;
    }
    return 0;
}

std::string errorText(std::string_view md) {
    try {
        parseMarkdown(md);
    } catch (const ev::MarkdownError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("headings, paragraphs and their lines", "[markdown]") {
    const auto doc = parseMarkdown("# One\n\nFirst paragraph\nstill first.\n\n## Two\n\n\n### Three\nAfter three.\n");
    REQUIRE(doc.blocks.size() == 5);
    CHECK(doc.blocks[0].kind == Block::Kind::Heading);
    CHECK(doc.blocks[0].level == 1);
    CHECK(doc.blocks[0].plainText() == "One");
    CHECK(doc.blocks[0].line == 1);
    CHECK(doc.blocks[1].kind == Block::Kind::Paragraph);
    CHECK(doc.blocks[1].plainText() == "First paragraph still first."); // soft break is a space
    CHECK(doc.blocks[1].line == 3);
    CHECK(doc.blocks[2].level == 2);
    CHECK(doc.blocks[2].line == 6);
    CHECK(doc.blocks[3].level == 3);
    CHECK(doc.blocks[3].line == 9);
    CHECK(doc.blocks[4].kind == Block::Kind::Paragraph);
    CHECK(doc.blocks[4].line == 10);
}

TEST_CASE("firstLine shifts every line", "[markdown]") {
    const auto doc = parseMarkdown("Para one.\n\nPara two.\n", 7);
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.blocks[0].line == 7);
    CHECK(doc.blocks[1].line == 9);
}

TEST_CASE("setext headings count as headings", "[markdown]") {
    const auto doc = parseMarkdown("Title\n=====\n\nSub\n---\n");
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.blocks[0].level == 1);
    CHECK(doc.blocks[1].level == 2);
    CHECK(doc.blocks[1].line == 4);
}

TEST_CASE("strong, emphasis and links become spans", "[markdown]") {
    const auto doc = parseMarkdown("Say **no** and *tell* someone: [help](help), [more](page:talking-to-someone).\n");
    REQUIRE(doc.blocks.size() == 1);
    const auto& s = doc.blocks[0].spans;
    REQUIRE(s.size() == 9);
    CHECK(s[0].text == "Say ");
    CHECK(s[1].text == "no");
    CHECK(s[1].strong);
    CHECK_FALSE(s[1].emphasis);
    CHECK(s[3].text == "tell");
    CHECK(s[3].emphasis);
    CHECK(s[5].text == "help");
    CHECK(s[5].link == "help");
    CHECK(s[7].text == "more");
    CHECK(s[7].link == "page:talking-to-someone");
    CHECK(s[8].text == ".");
    CHECK(doc.links() == std::vector<std::string>{"help", "page:talking-to-someone"});
}

TEST_CASE("nested styles combine", "[markdown]") {
    const auto doc = parseMarkdown("***both*** and **[bold link](help)**\n");
    const auto& s = doc.blocks.at(0).spans;
    REQUIRE(s.size() == 3);
    CHECK((s[0].strong && s[0].emphasis));
    CHECK(s[2].strong);
    CHECK(s[2].link == "help");
}

TEST_CASE("entities and escapes are decoded", "[markdown]") {
    const auto doc = parseMarkdown("Fish &amp; chips &#233;&#x263A; \\*not emphasis\\*\n");
    CHECK(doc.blocks.at(0).plainText() == "Fish & chips \xC3\xA9\xE2\x98\xBA *not emphasis*");
    CHECK(errorText("A &shy; here").find("&shy;") != std::string::npos);
}

TEST_CASE("bullet and numbered lists record nesting and numbers", "[markdown]") {
    const auto doc = parseMarkdown("Intro.\n\n- one\n- two\n  1. first\n  2. second\n     - deep\n- three\n\n3. c\n4. d\n");
    REQUIRE(doc.blocks.size() == 9);
    const Block& one = doc.blocks[1];
    CHECK(one.kind == Block::Kind::ListItem);
    CHECK(one.level == 1);
    CHECK_FALSE(one.ordered);
    CHECK(one.line == 3);
    CHECK(doc.blocks[2].plainText() == "two");
    const Block& first = doc.blocks[3];
    CHECK(first.level == 2);
    CHECK(first.ordered);
    CHECK(first.number == 1);
    CHECK(first.line == 5);
    CHECK(doc.blocks[4].number == 2);
    CHECK(doc.blocks[5].level == 3);
    CHECK(doc.blocks[5].plainText() == "deep");
    CHECK(doc.blocks[5].line == 7);
    CHECK(doc.blocks[6].level == 1);
    CHECK(doc.blocks[6].plainText() == "three");
    CHECK(doc.blocks[7].number == 3); // a numbered list keeps its starting number
    CHECK(doc.blocks[8].number == 4);
    CHECK(doc.blocks[8].line == 11);
}

TEST_CASE("loose list items hold one paragraph", "[markdown]") {
    const auto doc = parseMarkdown("- a\n\n- b\n");
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.blocks[1].kind == Block::Kind::ListItem);
    CHECK(doc.blocks[1].line == 3);
    CHECK(errorLine("- a\n\n  second paragraph\n") == 3);
}

TEST_CASE("constructs the kiosk cannot show are refused at their line", "[markdown]") {
    CHECK(errorLine("Fine.\n\nSee [site](https://example.org).\n") == 3);
    CHECK(errorText("[site](https://example.org)").find("https://example.org") != std::string::npos);
    CHECK(errorLine("Fine.\n\n<https://example.org>\n") == 3);                     // autolink
    CHECK(errorLine("Fine.\n\nMail <someone@example.org>\n") == 3);
    CHECK(errorLine("[bad](page:)\n") == 1);
    CHECK(errorLine("[bad](page:Upper)\n") == 1);
    CHECK(errorLine("One.\n\nTwo ![a cat](cat.png)\n") == 3);                      // image in text
    CHECK(errorLine("One.\n\n![](cat.png)\n") == 3);                               // image without alt text
    CHECK(errorLine("One.\n\n<div>\nhi\n</div>\n") == 3);                          // HTML block
    CHECK(errorLine("One.\n\nSome <b>bold</b> text\n") == 3);                     // inline HTML
    CHECK(errorLine("One.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n") == 3);           // table
    CHECK(errorLine("**One.**\n\n```\ncode\n```\n") == 3);                         // fenced code
    CHECK(errorLine("One.\n\n    indented code\n") == 3);
    CHECK(errorLine("One `code` here\n") == 1);
    CHECK(errorLine("One.\n\n> quoted\n") == 3);
    CHECK(errorLine("One.\n\n***\n\nTwo.\n") == 3);                                // horizontal rule
    CHECK(errorLine("One.\n\n#### Too deep\n") == 3);
    CHECK(errorLine("- # heading in a list\n") == 1);
    CHECK(errorLine("Para.\n\n[x](http://a)\n", 12) == 14);
}

TEST_CASE("an image on a paragraph of its own is an image block with its alt text", "[markdown]") {
    const auto doc = parseMarkdown("Before.\n\n![A *calm* drawing &amp; a ring](trusted-adults.png)\n\nAfter.\n", 4);
    REQUIRE(doc.blocks.size() == 3);
    const Block& image = doc.blocks[1];
    CHECK(image.kind == Block::Kind::Image);
    CHECK(image.image == "trusted-adults.png");
    CHECK(image.plainText() == "A calm drawing & a ring"); // alt text is plain
    CHECK(image.line == 6);
    CHECK(image.spans.size() == 1);
    CHECK(doc.blocks[2].kind == Block::Kind::Paragraph);
    // md4c leaves nothing of the line around it; spaces around it do not make it inline.
    CHECK(parseMarkdown("  ![Alt](a.png)  \n").blocks.at(0).kind == Block::Kind::Image);
}

TEST_CASE("images inside text, without alt text or not naming a PNG are refused at their line", "[markdown]") {
    const std::string alone = "an image must be a paragraph of its own";
    CHECK(errorText("Text ![Alt](a.png)\n").find(alone) != std::string::npos);
    CHECK(errorText("![Alt](a.png) and text\n").find(alone) != std::string::npos);
    CHECK(errorText("Text on one line\n![Alt](a.png)\n").find(alone) != std::string::npos); // same paragraph
    CHECK(errorText("![One](a.png) ![Two](b.png)\n").find(alone) != std::string::npos);
    CHECK(errorText("- ![Alt](a.png)\n").find(alone) != std::string::npos);
    CHECK(errorText("## ![Alt](a.png)\n").find(alone) != std::string::npos);
    CHECK(errorText("[![Alt](a.png)](help)\n").find(alone) != std::string::npos);
    CHECK(errorLine("One.\n\nTwo\n![Alt](a.png)\n") == 4);
    CHECK(errorLine("One.\n\n![Alt](a.png) more\n") == 3);
    CHECK(errorText("![](a.png)\n").find("image 'a.png' has no alt text") != std::string::npos);
    CHECK(errorLine("One.\n\n![  ](a.png)\n", 7) == 9);
    CHECK(errorText("![Alt](photo.jpg)\n").find("must name a PNG file") != std::string::npos);
    CHECK(errorText("![Alt](../secret.png)\n").find("must name a PNG file") != std::string::npos);
    CHECK(errorText("![Alt](https://example.org/a.png)\n").find("must name a PNG file") != std::string::npos);
    CHECK(errorLine("One.\n\n![Alt](a.gif)\n") == 3);
    CHECK(errorText("![See [this](help)](a.png)\n").find("alt text can only be words") != std::string::npos);
}

TEST_CASE("empty input gives an empty document", "[markdown]") {
    CHECK(parseMarkdown("").blocks.empty());
    CHECK(parseMarkdown("\n\n  \n").blocks.empty());
}

TEST_CASE("text that is not UTF-8 is refused at its line", "[markdown]") {
    try {
        ev::parseMarkdown("Fine\n\nsa\xEE tell \xFC\xFC\xFF\n", 10);
        FAIL("accepted bytes that are not UTF-8");
    } catch (const ev::MarkdownError& e) {
        CHECK(e.line == 12);
        CHECK(std::string(e.what()).find("UTF-8") != std::string::npos);
    }
    CHECK_NOTHROW(ev::parseMarkdown("Ośmiornica ma trzy serca. অক্টোপাস\n"));
}

TEST_CASE("a block's plain text joins its spans without their styles or links", "[markdown]") {
    const auto doc = parseMarkdown("Call **Childline** on *0800 1111* or see [who can help](help).\n");
    REQUIRE(doc.blocks.at(0).spans.size() > 1);
    CHECK(doc.blocks[0].plainText() == "Call Childline on 0800 1111 or see who can help.");
}

TEST_CASE("a page is spoken title first, a pause after headings, list items and images", "[markdown]") {
    ev::PageText page;
    page.title = "Trusted adults";
    page.body = parseMarkdown("## Who **they** are\n\nSomeone you know.\n\n- A teacher\n- A [nurse](help)\n\n"
                              "![A calm drawing](adults.png)\n\nTell them.\n");
    CHECK(ev::spokenText(page) ==
          "Trusted adults.\nWho they are.\nSomeone you know.\nA teacher.\nA nurse.\nA calm drawing.\nTell them.\n");
}

TEST_CASE("a phone number is spoken digit by digit in its written groups, in a page too", "[markdown][speech]") {
    CHECK(ev::spokenNumber("0808 800 5000") == "0 8 0 8, 8 0 0, 5 0 0 0");
    CHECK(ev::spokenNumber("0800 1111") == "0 8 0 0, 1 1 1 1");
    CHECK(ev::spokenNumber("999") == "9 9 9");
    CHECK(ev::spokenNumber("116 123") == "1 1 6, 1 2 3");
    CHECK(ev::spokenNumber("+44 20-7946") == "+, 4 4, 2 0, 7 9 4 6");
    // Whole numbers only, the longest first; other numbers are left as they are.
    CHECK(ev::spokenNumbers("Call 0808 800 5000, or 999. Not 19990 or 0808 800.", {"999", "0808 800 5000"}) ==
          "Call 0 8 0 8, 8 0 0, 5 0 0 0, or 9 9 9. Not 19990 or 0808 800.");
    ev::PageText page;
    page.title = "Who can help";
    page.body = parseMarkdown("Call **Childline** on 0800 1111.\n\n1 in 20 children.\n");
    CHECK(ev::spokenText(page, {"0800 1111"}) == "Who can help.\nCall Childline on 0 8 0 0, 1 1 1 1.\n1 in 20 children.\n");
}
