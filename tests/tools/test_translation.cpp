// The translators' exchange: page units, XLIFF 2 writing and reading, TOML edits, the
// English history and word diffs (tools/pack).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "markdown_problems.h"
#include "page_units.h"
#include "toml_edit.h"
#include "translation_history.h"
#include "word_diff.h"
#include "xliff.h"

using namespace evpack;

namespace {
const char* const kPage = "Intro with **bold** and [a link](page:signs-to-notice).\n"
                          "Second line of the intro.\n"
                          "\n"
                          "## A heading\n"
                          "\n"
                          "- First item\n"
                          "- Second item, [get help](help)\n"
                          "  continued on a second line\n"
                          "1. Numbered\n"
                          "\n"
                          "![A drawing of five grown-ups.](trusted-adults.png)\n"
                          "\n"
                          "**You are not alone.**\n";
}

TEST_CASE("a page splits into units and joins back byte for byte", "[translation]") {
    const auto units = splitPage(kPage);
    REQUIRE(units.size() == 7);
    CHECK(units[0].text == "Intro with **bold** and [a link](page:signs-to-notice).\nSecond line of the intro.");
    CHECK(units[1].before == "\n\n## ");
    CHECK(units[2].before == "\n\n- ");
    CHECK(units[3].text == "Second item, [get help](help)\n  continued on a second line");
    CHECK(units[4].before == "\n1. ");
    CHECK(units[5].altText());
    CHECK(units[5].text == "A drawing of five grown-ups.");
    CHECK(units[5].after == "](trusted-adults.png)");
    CHECK(units[6].id == "b7");
    CHECK(joinPage(units) == kPage);
    CHECK(linkTargets(units[0].text) == std::vector<std::string>{"page:signs-to-notice"});
}

TEST_CASE("a translated page keeps the English structure and a changed one does not", "[translation]") {
    auto units = splitPage(kPage);
    for (auto& u : units) u.text = "X " + u.text;
    CHECK(sameStructure(splitPage(joinPage(units)), splitPage(kPage)));
    units[2].text = "one\n\ntwo"; // a blank line makes a new paragraph
    CHECK_FALSE(sameStructure(splitPage(joinPage(units)), splitPage(kPage)));
    units[2].text = "one\n- two"; // a new list item
    CHECK_FALSE(sameStructure(splitPage(joinPage(units)), splitPage(kPage)));
}

TEST_CASE("XLIFF 2 written and read back keeps every character", "[translation]") {
    XliffDocument doc{"en", "pl", {{"page.a", "pages/a/en.md", {}}}};
    doc.files[0].units.push_back({"b1", "Tom & Jerry <3 \"quotes\"\n- next", std::string("Tomek & Jerzy <3\n- dalej"), "translated",
                                  {{"ev:english-before", "old & <older>"}}});
    doc.files[0].units.push_back({"b2", "only source", std::nullopt, "initial", {}});
    const std::string xml = writeXliff(doc);
    CHECK(xml.find("urn:oasis:names:tc:xliff:document:2.0") != std::string::npos);
    const XliffDocument back = readXliff(xml);
    CHECK(back.srcLang == "en");
    CHECK(back.trgLang == "pl");
    REQUIRE(back.files.size() == 1);
    REQUIRE(back.files[0].units.size() == 2);
    CHECK(back.files[0].units[0].source == doc.files[0].units[0].source);
    CHECK(back.files[0].units[0].target == doc.files[0].units[0].target);
    CHECK(back.files[0].units[0].state == "translated");
    CHECK_FALSE(back.files[0].units[1].target);
}

TEST_CASE("XLIFF reading refuses what it would lose or cannot be", "[translation]") {
    CHECK_THROWS_AS(readXliff("<xliff xmlns='urn:oasis:names:tc:xliff:document:1.2' version='1.2'/>"), XliffError);
    CHECK_THROWS_AS(readXliff("<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.0' srcLang='en'>"), XliffError);
    const char* inlineMarkup =
        "<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.0' srcLang='en' trgLang='pl'>"
        "<file id='ui'><unit id='a'><segment><source>a <ph id='1'/> b</source></segment></unit></file></xliff>";
    try {
        readXliff(inlineMarkup);
        FAIL("inline markup was read");
    } catch (const XliffError& e) {
        CHECK(std::string(e.what()).find("unit 'a'") != std::string::npos);
    }
    // A tool that split a unit into segments: the texts are joined.
    const auto doc = readXliff("<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.1' srcLang='en' trgLang='pl'>"
                               "<file id='ui'><unit id='a'><segment><source>One.</source><target>Jeden.</target></segment>"
                               "<ignorable><source> </source><target> </target></ignorable>"
                               "<segment><source>Two.</source><target>Dwa.</target></segment></unit></file></xliff>");
    CHECK(doc.files[0].units[0].source == "One. Two.");
    CHECK(doc.files[0].units[0].target == "Jeden. Dwa.");
}

TEST_CASE("a TOML value is replaced on its line and the rest kept", "[translation]") {
    std::string text = "[a]\ntitle = \"Old\" # a comment\nlist = [\"x\", \"y\"]\nmulti = '''\nz'''\n";
    CHECK(replaceTomlValue(text, 2, tomlString("New \"quoted\"\\")));
    CHECK(replaceTomlValue(text, 3, "[\"p\"]"));
    CHECK_FALSE(replaceTomlValue(text, 4, "\"no\""));
    CHECK(text == "[a]\ntitle = \"New \\\"quoted\\\"\\\\\" # a comment\nlist = [\"p\"]\nmulti = '''\nz'''\n");
}

TEST_CASE("the English history reads back what was written, and keeps only what is in use", "[translation]") {
    const auto dir = std::filesystem::temp_directory_path() / "ev-history-test";
    std::filesystem::create_directories(dir);
    const auto file = historyFile(dir);
    TranslationHistory h{{"aaa", {"p", "T \"q\"", "S", "body with ''' and\nlines\n", {}, {}, {}, {}}},
                         {"bbb", {"p", "T2", "", "x\n", {}, {}, {}, {}}},
                         {"ccc", {{}, {}, {}, {}, {}, {{"nav.back", "Back"}, {"nav.home", "Home \"x\""}}, "nav", {}}},
                         {"ddd", {{}, {}, {}, {}, {}, {{"title", "A plan"}, {"steps.1.notes.1", "Listen."}}, {}, "young-people"}}};
    writeHistory(file, h, {"aaa", "ccc", "ddd"});
    const auto back = readHistory(file);
    REQUIRE(back.size() == 3);
    CHECK(back.at("ddd").plan == "young-people");
    CHECK(back.at("ddd").fields == h.at("ddd").fields);
    CHECK(back.at("ddd").page.empty());
    CHECK(back.at("ccc").strings == "nav");
    CHECK(back.at("ccc").fields == h.at("ccc").fields);
    CHECK(back.at("aaa").title == "T \"q\"");
    CHECK(back.at("aaa").markdown == "body with ''' and\nlines\n");
    std::filesystem::remove_all(dir);
}

TEST_CASE("a word diff marks removed and added words on the lines that changed", "[translation]") {
    CHECK(wordDiff("same\nthe old text here\n", "same\nthe new text here\n") == "the [-old-] {+new+} text here\n");
    CHECK(wordDiff("a b\n", "a b\n").empty());
    CHECK(wordDiff("a\n", "a\nadded line\n") == "{+added line+}\n");
}

TEST_CASE("lint finds every Markdown problem of a page with its line and column", "[lint]") {
    const char* md = "Fine text.\n"                              // line 10
                     "\n"
                     "A <b>bold</b> word.\n"                     // 12: raw HTML at column 3
                     "\n"
                     "- item\n"
                     "- see [this](https://example.org)\n"       // 15: not a kiosk location
                     "\n"
                     "Some `code` here.\n";                      // 17: code at column 6
    const ParsedMarkdown parsed = parseReportingAll(md, 10);
    REQUIRE(parsed.problems.size() == 3);
    CHECK(parsed.problems[0].line == 12);
    CHECK(parsed.problems[0].column == 3);
    CHECK(parsed.problems[1].line == 15);
    CHECK(parsed.problems[1].column == 14);
    CHECK(parsed.problems[2].line == 17);
    CHECK(parsed.problems[2].column == 6);
    CHECK(parseReportingAll("Just **text** and [a page](page:x).\n", 1).problems.empty());
}
