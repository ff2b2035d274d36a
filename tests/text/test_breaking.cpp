// Line breaking: greedy at ICU break opportunities (spaces here), never wider than maxWidth
// unless a single word is.
#include "text/engine.h"
#include "text/paragraph.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace ev::text;

namespace {

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::string join(const std::vector<std::string>& w, std::size_t from, std::size_t to) {
    std::string s;
    for (std::size_t i = from; i < to; ++i) s += (i > from ? " " : "") + w[i];
    return s;
}

// Which words landed on which line, from the tag boxes (tag = word index, lines by y).
std::vector<std::set<std::uint32_t>> wordsPerLine(const std::vector<TagBox>& boxes) {
    std::map<float, std::set<std::uint32_t>> byTop;
    for (const TagBox& b : boxes) byTop[b.y0].insert(b.tag);
    std::vector<std::set<std::uint32_t>> lines;
    for (auto& [top, tags] : byTop) lines.push_back(tags);
    return lines;
}

void checkWrapping(Engine& engine, const std::string& text, const ParagraphSpec& spec, Style style) {
    const std::vector<std::string> w = words(text);
    // One run per word, its following space included, so tags tell where each word went.
    std::string joined;
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < w.size(); ++i) {
        starts.push_back(joined.size());
        joined += w[i] + (i + 1 < w.size() ? " " : "");
    }
    starts.push_back(joined.size());
    std::vector<Run> runs;
    for (std::size_t i = 0; i < w.size(); ++i)
        runs.push_back(Run{std::string_view(joined).substr(starts[i], starts[i + 1] - starts[i]), style, std::uint32_t(i)});
    auto p = engine.layout(runs, spec);

    // Expected: greedy filling, each candidate line measured as an unwrapped paragraph.
    ParagraphSpec unwrapped = spec;
    unwrapped.maxWidth = 0;
    auto width = [&](std::size_t from, std::size_t to) {
        return Engine::metrics(*engine.layout(join(w, from, to), style, unwrapped)).contentWidth;
    };
    std::vector<std::set<std::uint32_t>> expected;
    for (std::size_t from = 0; from < w.size();) {
        std::size_t to = from + 1;
        while (to < w.size() && width(from, to + 1) <= spec.maxWidth) ++to;
        std::set<std::uint32_t> line;
        for (std::size_t i = from; i < to; ++i) line.insert(std::uint32_t(i));
        expected.push_back(line);
        from = to;
    }
    const Metrics m = Engine::metrics(*p);
    CHECK(m.lines == int(expected.size()));
    CHECK(wordsPerLine(Engine::tagBoxes(*p)) == expected);
    for (const auto& line : expected) {
        const float lineWidth = width(*line.begin(), *line.rbegin() + 1);
        if (line.size() > 1) CHECK(lineWidth <= spec.maxWidth);
    }
}

} // namespace

TEST_CASE("lines wrap at spaces within maxWidth", "[breaking]") {
    Engine engine;
    ParagraphSpec spec;
    spec.maxWidth = 300;
    const std::string english =
        "If you are worried that a child is being abused, or you are a child who needs help, you can talk "
        "to someone now. Nobody will blame you for asking.";
    checkWrapping(engine, english, spec, Style{20});
    const std::string bengali = "যদি আপনি চিন্তিত হন যে একটি শিশু নির্যাতনের শিকার হচ্ছে, তাহলে এখনই কারও সঙ্গে কথা বলুন।";
    spec.language = "bn";
    checkWrapping(engine, bengali, spec, Style{24});
    const std::string urdu = "اگر آپ کو فکر ہے کہ کسی بچے کے ساتھ زیادتی ہو رہی ہے تو ابھی کسی سے بات کریں۔";
    spec.language = "ur";
    checkWrapping(engine, urdu, spec, Style{24});
}

TEST_CASE("a word longer than the line stands alone and overflows", "[breaking]") {
    Engine engine;
    ParagraphSpec spec;
    spec.maxWidth = 120;
    auto p = engine.layout("a safeguardingpartnership b", Style{24}, spec);
    const Metrics m = Engine::metrics(*p);
    CHECK(m.lines == 3);
    CHECK(m.contentWidth > spec.maxWidth);
    CHECK(m.width == spec.maxWidth);
}

TEST_CASE("hard line breaks end lines and unwrapped text is one line", "[breaking]") {
    Engine engine;
    CHECK(Engine::metrics(*engine.layout("one\ntwo\nthree", Style{}, ParagraphSpec{})).lines == 3);
    const Metrics m = Engine::metrics(*engine.layout("a long line that is never wrapped at all", Style{}, ParagraphSpec{}));
    CHECK(m.lines == 1);
    CHECK(m.width == m.contentWidth);
    CHECK(m.height == Approx(32 * 1.35f).margin(1));
}

TEST_CASE("a paragraph of millions of characters is cut with an ellipsis, not laid out whole", "[breaking][limits]") {
    // A 20 MB word with no spaces once took 2.9 GB and 10 s to draw, a 10 MB title 1.5 GB: the
    // work is bounded by what is laid out, 20,000 UTF-16 units, checked here by count, not time.
    Engine engine;
    ParagraphSpec spec;
    spec.maxWidth = 600;
    const auto word = engine.layout(std::string(20'000'000, 'a'), Style{24}, spec);
    CHECK(word->glyphs.size() <= 20'000);
    CHECK(word->glyphs.size() > 1'000);
    // A word that long is broken where each line is full, not drawn 260,000 px wide on one.
    const Metrics m = Engine::metrics(*word);
    CHECK(m.contentWidth <= spec.maxWidth);
    CHECK(m.lines > 100);
    CHECK(m.lines <= 20'000);

    std::string title;
    while (title.size() < 10'000'000) title += "A title that never ends ";
    spec.maxWidth = 984;
    const auto t = engine.layout(title, Style{64, Weight::Bold}, spec);
    CHECK(t->glyphs.size() <= 20'000);
    CHECK(Engine::metrics(*t).contentWidth <= spec.maxWidth);
    CHECK(Engine::metrics(*t).lines <= 20'000);
}

TEST_CASE("a word of up to 200 units wider than the line stands alone, a longer one is broken to the line", "[breaking][limits]") {
    Engine engine;
    ParagraphSpec spec;
    spec.maxWidth = 300;
    const Metrics whole = Engine::metrics(*engine.layout("x " + std::string(200, 'm') + " y", Style{24}, spec));
    CHECK(whole.lines == 3);
    CHECK(whole.contentWidth > spec.maxWidth);
    const Metrics cut = Engine::metrics(*engine.layout("x " + std::string(201, 'm') + " y", Style{24}, spec));
    CHECK(cut.lines > 3);
    CHECK(cut.contentWidth <= spec.maxWidth);
}
