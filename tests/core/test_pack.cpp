// Builds packs with the real everyvoice-pack binary from fixtures, reads them back with
// readPack, and checks the files with the sqlite3 and b2sum command-line tools.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>

#include "core/pack/builtin_help.h"
#include "core/pack/pack_reader.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace evtest;

namespace {

// A copy of the fixtures, safe to edit: DIR/content/good, DIR/content/broken, DIR/locales.
fs::path copyFixtures(const TempDir& dir) {
    fs::copy(kFixtures, dir.path / "fixtures", fs::copy_options::recursive);
    return dir.path / "fixtures";
}

fs::path buildGood(const TempDir& dir) {
    const fs::path out = dir.path / "good.evpack";
    const Run r = tool("build " + quote((kFixtures / "content/good").string()) + " -o " + quote(out.string()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    return out;
}

} // namespace

TEST_CASE("a pack built from the fixtures reads back whole", "[pack]") {
    TempDir dir;
    const ev::Pack pack = ev::readPack(buildGood(dir));

    CHECK(pack.id == "fixture");
    CHECK(pack.version == 7);
    CHECK(pack.schemaVersion == ev::kPackSchemaVersion);
    CHECK(pack.title == "Fixture pack");
    CHECK(pack.builtAt.size() == 10);
    REQUIRE(pack.locales.size() == 2);
    CHECK(pack.locales[0].tag == "en");
    CHECK(pack.locales[0].status == "reviewed");
    CHECK(pack.locales[1].tag == "pl");
    CHECK(pack.locales[1].status == "draft");

    REQUIRE(pack.pages.size() == 4);
    const ev::Page* safe = pack.page("staying-safe");
    REQUIRE(safe);
    CHECK(safe->audiences == std::vector{ev::Audience::Child});
    CHECK_FALSE(safe->text.contains("xx")); // a locale pack.toml does not list is left out
    const ev::PageText& en = safe->text.at("en");
    CHECK(en.title == "Staying safe");
    CHECK(en.summary == "Your body belongs to you");
    CHECK(en.status == "reviewed");
    REQUIRE(en.body.blocks.size() == 7);
    CHECK(en.body.blocks[0].kind == ev::Block::Kind::Heading);
    CHECK(en.body.blocks[4].ordered);
    CHECK(en.body.blocks[4].level == 2);
    CHECK(en.body.links() == std::vector<std::string>{"page:talking", "help"});
    CHECK(pack.page("worried-adult")->audiences == std::vector{ev::Audience::Parent, ev::Audience::Community});

    CHECK(pack.topics.at(ev::Audience::Child) == std::vector<std::string>{"staying-safe", "talking"});
    CHECK(pack.topics.at(ev::Audience::Parent) == std::vector<std::string>{"worried-adult", "talking"});
    CHECK(pack.topics.at(ev::Audience::Community) == std::vector<std::string>{"worried-adult"});

    REQUIRE(pack.signposts.size() == 3);
    CHECK(pack.signposts[0].id == "childline");
    CHECK(pack.signposts[0].phones == std::vector<std::string>{"0800 1111"});
    CHECK(pack.signposts[0].web == "childline.org.uk");
    CHECK(pack.signposts[0].text.at("en").phoneLabels == std::vector<std::string>{"Call free"});
    CHECK(pack.signposts[0].text.at("pl").forWhom == "Dla dzieci i młodzieży poniżej 19 lat");
    CHECK(pack.signposts[1].verify);
    CHECK(pack.signposts[1].phones.empty());
    CHECK(pack.signposts[1].audiences == std::vector{ev::Audience::Child, ev::Audience::Parent});
    CHECK(pack.signposts[2].phones == std::vector<std::string>{"999", "101"});
    CHECK(pack.signposts[2].text.at("en").phoneLabels.size() == 2);

    // [neutral.pl] is one item; [[neutral.en]] twice is two, in order.
    REQUIRE(pack.neutral.at("pl").size() == 1);
    CHECK(pack.neutral.at("pl").front().title == "Witamy w bibliotece");
    REQUIRE(pack.neutral.at("en").size() == 2);
    CHECK(pack.neutral.at("en")[1].body == "The library lends board games as well as books.");
    CHECK(pack.string("attract.touch", "pl") == "Dotknij, aby zacząć");
    CHECK(pack.string("idle.body", "pl").starts_with("Back to the start")); // falls back to en
    CHECK(pack.pageText("worried-adult", "pl")->title == "If you are worried about a child");
}

TEST_CASE("strings the fixtures' old locales folder lacks are the kiosk's built-in English, and lint names them", "[pack][strings]") {
    TempDir dir;
    const ev::Pack pack = ev::readPack(buildGood(dir));
    const auto& english = ev::builtInEnglishStrings();
    REQUIRE(english.size() > 50);
    REQUIRE_FALSE(pack.strings.at("en").contains("nav.exit")); // [attract] and [idle] only
    int fellBack = 0;
    for (const auto& [key, text] : english)
        for (const char* tag : {"en", "pl"}) {
            if (pack.strings.at("en").contains(key)) continue;
            INFO(key << " in " << tag);
            const ev::ShownString s = pack.shownString(key, tag);
            CHECK(s.text == text);
            CHECK(s.tag == "en");
            ++fellBack;
        }
    CHECK(fellBack > 50);
    CHECK(pack.shownString("attract.touch", "pl").tag == "pl");
    CHECK(pack.shownString("idle.body", "pl").tag == "en"); // the pack's own default first
    CHECK(pack.string("idle.body", "pl").starts_with("Back to the start"));
    CHECK(pack.string("no.such_key", "pl") == "no.such_key"); // nothing the kiosk knows
    // Lint warns (the kiosk still works, in English) and names what is missing.
    const Run lint = tool("lint " + quote((kFixtures / "content/good").string()));
    INFO(lint.output);
    CHECK(lint.status == 0);
    CHECK_THAT(lint.output, Catch::Contains("en.toml:1: warning: UI strings missing ("));
    CHECK_THAT(lint.output, Catch::Contains("show in their built-in English: "));
    CHECK_THAT(lint.output, Catch::Contains("nav.exit"));
}

TEST_CASE("a build stopped part way leaves files the next build removes", "[pack]") {
    TempDir dir;
    // What a build killed while SQLite wrote leaves: its temporary copy and SQLite's journal.
    const pid_t gone = endedProcessId();
    const fs::path temporary = dir.path / (".good.evpack.tmp-" + std::to_string(gone) + "-pack");
    writeFile(temporary, "half a pack");
    writeFile(temporary.string() + "-journal", "its journal");
    buildGood(dir);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir.path)) names.push_back(e.path().filename().string());
    CHECK(names == std::vector<std::string>{"good.evpack"});
}

TEST_CASE("sqlite3 agrees with what readPack loaded", "[pack]") {
    TempDir dir;
    const fs::path file = buildGood(dir);
    const ev::Pack pack = ev::readPack(file);

    CHECK(sqlite(file, "PRAGMA integrity_check") == "ok");
    CHECK(sqlite(file, "PRAGMA foreign_key_check") == "");
    CHECK(sqlite(file, "PRAGMA application_id") == std::to_string(0x4556504B));
    CHECK(sqlite(file, "PRAGMA journal_mode") == "delete");
    CHECK(sqlite(file, "SELECT value FROM meta WHERE key = 'schema_version'") == std::to_string(pack.schemaVersion));
    CHECK(sqlite(file, "SELECT value FROM meta WHERE key = 'built_at'") == pack.builtAt);
    CHECK(sqlite(file, "SELECT count(*) FROM pages") == std::to_string(pack.pages.size()));
    std::size_t texts = 0, topics = 0, strings = 0, phones = 0, neutral = 0;
    for (const auto& [l, items] : pack.neutral) neutral += items.size();
    for (const ev::Page& p : pack.pages) texts += p.text.size();
    for (const auto& [a, ids] : pack.topics) topics += ids.size();
    for (const auto& [l, s] : pack.strings) strings += s.size();
    for (const ev::Signpost& s : pack.signposts) phones += s.phones.size();
    CHECK(sqlite(file, "SELECT count(*) FROM page_text") == std::to_string(texts));
    CHECK(sqlite(file, "SELECT count(*) FROM topics") == std::to_string(topics));
    CHECK(sqlite(file, "SELECT count(*) FROM strings") == std::to_string(strings));
    CHECK(sqlite(file, "SELECT count(*) FROM signpost_phones") == std::to_string(phones));
    CHECK(sqlite(file, "SELECT count(*) FROM signposts") == std::to_string(pack.signposts.size()));
    CHECK(sqlite(file, "SELECT count(*) FROM neutral") == std::to_string(neutral));
    // The Markdown is stored as written after the front matter.
    const std::string source = readFile(kFixtures / "content/good/pages/talking/en.md");
    CHECK(sqlite(file, "SELECT markdown FROM page_text WHERE page = 'talking' AND locale = 'en'") ==
          source.substr(source.rfind("+++\n") + 4, source.size() - source.rfind("+++\n") - 5));
}

TEST_CASE("a teenager audience is written and read back, and a schema 1 pack still loads", "[pack]") {
    TempDir dir;
    const fs::path src = copyFixtures(dir) / "content/good";
    std::string toml = readFile(src / "pack.toml");
    toml.replace(toml.find("[topics]"), 8, "[topics]\nteen = [\"talking\"]");
    writeFile(src / "pack.toml", toml);
    std::string page = readFile(src / "pages/talking/en.md");
    const std::size_t at = page.find("audience = [");
    page.insert(at + 12, "\"teen\", ");
    writeFile(src / "pages/talking/en.md", page);
    const fs::path out = dir.path / "teen.evpack";
    const Run r = tool("build " + quote(src.string()) + " -o " + quote(out.string()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    const ev::Pack pack = ev::readPack(out);
    CHECK(pack.topics.at(ev::Audience::Teen) == std::vector<std::string>{"talking"});
    const auto& aud = pack.page("talking")->audiences;
    CHECK(std::find(aud.begin(), aud.end(), ev::Audience::Teen) != aud.end());
    CHECK(sqlite(out, "SELECT page FROM topics WHERE audience = 'teen'") == "talking");
    CHECK(sqlite(out, "SELECT value FROM meta WHERE key = 'schema_version'") == std::to_string(ev::kPackSchemaVersion));

    // Built before teenagers were an audience: its tables allow only child, parent, community.
    const fs::path old = fs::path(EV_SOURCE_DIR) / "tests/fuzz/pack_reader/fixture-good.evpack";
    REQUIRE(sqlite(old, "SELECT value FROM meta WHERE key = 'schema_version'") == "1");
    const ev::Pack before = ev::readPack(old);
    CHECK(before.schemaVersion == 1);
    CHECK_FALSE(before.topics.contains(ev::Audience::Teen));
    CHECK(before.topics.contains(ev::Audience::Child));
    CHECK(before.neutral.at("en").size() == 1); // one neutral row a locale, no position column
}

TEST_CASE("the end-of-visit questions are written, read back, and checked by lint", "[pack][questions]") {
    TempDir dir;
    const fs::path root = copyFixtures(dir), src = root / "content/good";
    const std::string toml = readFile(src / "pack.toml");
    const std::string en = readFile(root / "locales/en.toml");
    const auto withQuestions = [&](const std::string& questions, const std::string& words) {
        writeFile(src / "pack.toml", toml + "\n" + questions);
        writeFile(root / "locales/en.toml", en + "\n" + words);
    };
    const std::string words = "[visit]\nintro = \"If you like, answer with one tap.\"\nskip = \"Skip\"\n"
                              "[visit.know_who]\nquestion = \"Do you know who you could talk to now?\"\n"
                              "yes = \"Yes\"\nnot_sure = \"Not sure\"\nno = \"No\"\n";
    const std::string one = "[[questions]]\nid = \"know_who\"\nanswers = [\"yes\", \"not_sure\", \"no\"]\n";
    const std::string locales = " --locales " + quote((root / "locales").string());
    withQuestions(one, words);
    const fs::path out = dir.path / "q.evpack";
    const Run r = tool("build " + quote(src.string()) + locales + " -o " + quote(out.string()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(sqlite(out, "SELECT value FROM meta WHERE key = 'visit_questions'") == "know_who=yes,not_sure,no");
    const ev::Pack pack = ev::readPack(out);
    REQUIRE(pack.questions.size() == 1);
    CHECK(pack.questions[0] == ev::VisitQuestion{"know_who", {"yes", "not_sure", "no"}});
    CHECK(pack.string("visit.know_who.not_sure", "pl") == "Not sure"); // untranslated: English

    // A pack without questions is as it was: no meta row.
    CHECK(sqlite(buildGood(dir), "SELECT count(*) FROM meta WHERE key = 'visit_questions'") == "0");

    // Lint: three questions, one answer, a bad id, a repeat, and a question without its words.
    const std::string two = one + "[[questions]]\nid = \"learned\"\nanswers = [\"yes\", \"no\"]\n";
    withQuestions(two + "[[questions]]\nid = \"third\"\nanswers = [\"yes\", \"no\"]\n"
                        "[[questions]]\nid = \"Bad-Id\"\nanswers = [\"yes\", \"no\"]\n"
                        "[[questions]]\nid = \"lonely\"\nanswers = [\"yes\", \"yes\"]\n",
                  words);
    const Run bad = tool("lint " + quote(src.string()) + locales);
    CHECK(bad.status != 0);
    CHECK_THAT(bad.output, Catch::Contains("at most 2 [[questions]]"));
    CHECK_THAT(bad.output, Catch::Contains("question id 'Bad-Id' may use only a-z, 0-9 and _"));
    CHECK_THAT(bad.output, Catch::Contains("answer 'yes' is listed twice"));
    CHECK_THAT(bad.output, Catch::Contains("question 'learned' has no words in"));
    CHECK_THAT(bad.output, Catch::Contains("visit.learned.question, visit.learned.yes, visit.learned.no"));
    // The other locale lacks them: a warning (the kiosk shows English), not an error.
    withQuestions(one, words);
    const Run fine = tool("lint " + quote(src.string()) + locales);
    CHECK(fine.status == 0);
    CHECK_THAT(fine.output, Catch::Contains("visit.know_who.question"));

    // A pack whose meta row breaks the rules is refused with one line.
    const fs::path broken = dir.path / "broken.evpack";
    fs::copy_file(out, broken);
    REQUIRE(run("sqlite3 " + quote(broken.string()) + " \"UPDATE meta SET value = 'a=yes;b=yes,no;c=yes,no' WHERE key = 'visit_questions'\"").status == 0);
    CHECK_THROWS_WITH(ev::readPack(broken), Catch::Contains("meta visit_questions"));
}

TEST_CASE("an unknown audience in [topics] is named with the ones there are", "[pack]") {
    TempDir dir;
    const fs::path src = copyFixtures(dir) / "content/good";
    std::string toml = readFile(src / "pack.toml");
    toml.replace(toml.find("[topics]"), 8, "[topics]\nteens = [\"talking\"]");
    writeFile(src / "pack.toml", toml);
    const Run r = tool("lint " + quote(src.string()));
    CHECK(r.status != 0);
    CHECK(r.output.find("unknown audience 'teens' in [topics] (known: child, teen, parent or community)") != std::string::npos);
}

TEST_CASE("readPack refuses bad files with one clear line", "[pack]") {
    TempDir dir;
    const fs::path good = buildGood(dir);

    CHECK_THAT(packError(dir.path / "missing.evpack"), Catch::Contains("file not found"));

    writeFile(dir.path / "empty.evpack", "");
    CHECK_THAT(packError(dir.path / "empty.evpack"), Catch::Contains("empty"));

    std::mt19937 rng(1234);
    std::string noise(8192, '\0');
    for (char& c : noise) c = static_cast<char>(rng());
    writeFile(dir.path / "noise.evpack", noise);
    CHECK_THAT(packError(dir.path / "noise.evpack"), Catch::Contains("not an SQLite database"));
    writeFile(dir.path / "noise2.evpack", std::string("SQLite format 3", 16) + noise);
    CHECK_THAT(packError(dir.path / "noise2.evpack"), Catch::Contains("corrupt"));

    const std::string whole = readFile(good);
    for (std::size_t keep : {std::size_t{10}, std::size_t{100}, std::size_t{4096}, whole.size() / 2, whole.size() - 4096}) {
        INFO("truncated to " << keep << " of " << whole.size() << " bytes");
        writeFile(dir.path / "cut.evpack", whole.substr(0, keep));
        const std::string err = packError(dir.path / "cut.evpack");
        CHECK_FALSE(err.empty());
        CHECK(err.find('\n') == std::string::npos);
    }

    const fs::path other = dir.path / "other.sqlite";
    REQUIRE(run("sqlite3 " + quote(other.string()) + " 'CREATE TABLE t (x); INSERT INTO t VALUES (1);'").status == 0);
    CHECK_THAT(packError(other), Catch::Contains("not an Every Voice pack"));

    const fs::path newer = dir.path / "newer.evpack";
    fs::copy_file(good, newer);
    REQUIRE(run("sqlite3 " + quote(newer.string()) + " \"UPDATE meta SET value = '99' WHERE key = 'schema_version'\"").status == 0);
    CHECK(packError(newer) == "pack " + newer.string() + ": pack needs a newer kiosk (schema 99, this kiosk reads up to " +
                                  std::to_string(ev::kPackSchemaVersion) + ")");

    const fs::path noTitle = dir.path / "no-title.evpack";
    fs::copy_file(good, noTitle);
    REQUIRE(run("sqlite3 " + quote(noTitle.string()) + " \"DELETE FROM meta WHERE key = 'pack_id'\"").status == 0);
    CHECK_THAT(packError(noTitle), Catch::Contains("meta has no pack_id"));

    const fs::path badPage = dir.path / "bad-page.evpack";
    fs::copy_file(good, badPage);
    REQUIRE(run("sqlite3 " + quote(badPage.string()) +
                " \"UPDATE page_text SET markdown = 'Fine.' || char(10) || char(10) || '<b>raw</b>' WHERE page = 'talking' AND locale = 'en'\"")
                .status == 0);
    CHECK_THAT(packError(badPage), Catch::Contains("page 'talking' (en), Markdown line 3"));

    const fs::path noTable = dir.path / "no-table.evpack";
    fs::copy_file(good, noTable);
    REQUIRE(run("sqlite3 " + quote(noTable.string()) + " 'DROP TABLE signpost_text'").status == 0);
    CHECK_THAT(packError(noTable), Catch::Contains("signpost_text"));
}

TEST_CASE("damaged packs load or fail with a PackError, never worse", "[pack]") {
    TempDir dir;
    const std::string whole = readFile(buildGood(dir));
    const fs::path file = dir.path / "damaged.evpack";
    std::mt19937 rng(99);
    int refused = 0;
    for (int round = 0; round < 200; ++round) {
        std::string bytes = whole;
        for (int i = 0; i < 16; ++i) bytes[100 + rng() % (bytes.size() - 100)] = static_cast<char>(rng());
        writeFile(file, bytes);
        try {
            ev::readPack(file);
        } catch (const ev::PackError& e) {
            ++refused;
            INFO(e.what());
            CHECK(std::string(e.what()).find('\n') == std::string::npos);
        }
    }
    CHECK(refused > 0);
}

TEST_CASE("a translation is stale once its English changes", "[pack]") {
    TempDir dir;
    const fs::path fx = copyFixtures(dir);
    const fs::path src = fx / "content/good";
    const fs::path en = src / "pages/staying-safe/en.md";

    // The hash is BLAKE2b-128 of title, summary and trimmed body: b2sum must agree.
    const Run hash = tool("hash " + quote(src.string()) + " staying-safe");
    REQUIRE(hash.status == 0);
    const std::string stamp = hash.output.substr(0, hash.output.find('\n'));
    const std::string enText = readFile(en);
    std::string body = enText.substr(enText.rfind("+++\n") + 4);
    body = body.substr(body.find_first_not_of('\n'));
    body = body.substr(0, body.find_last_not_of('\n') + 1);
    writeFile(dir.path / "hash-input", "Staying safe\nYour body belongs to you\n" + body);
    const Run b2 = run("b2sum -l 128 " + quote((dir.path / "hash-input").string()));
    REQUIRE(b2.status == 0);
    CHECK(b2.output.substr(0, 32) == stamp);

    const fs::path pl = src / "pages/staying-safe/pl.md";
    std::string plText = readFile(pl);
    const std::size_t at = plText.find("translated_from = \"") + 19;
    plText.replace(at, 32, stamp);
    writeFile(pl, plText);
    const fs::path out = dir.path / "p.evpack";
    REQUIRE(tool("build " + quote(src.string()) + " -o " + quote(out.string())).status == 0);
    CHECK_FALSE(ev::readPack(out).page("staying-safe")->text.at("pl").stale);
    CHECK(ev::readPack(out).page("staying-safe")->text.at("pl").translatedFrom == stamp);

    // Saving with CR LF line ends is not a change.
    std::string crlf;
    for (char c : enText) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    writeFile(en, crlf);
    CHECK(tool("hash " + quote(src.string()) + " staying-safe").output.substr(0, 32) == stamp);

    writeFile(en, enText + "\nA new sentence in English.\n");
    REQUIRE(tool("build " + quote(src.string()) + " -o " + quote(out.string())).status == 0);
    CHECK(ev::readPack(out).page("staying-safe")->text.at("pl").stale);
    const Run lint = tool("lint " + quote(src.string()));
    CHECK(lint.status == 0);
    CHECK_THAT(lint.output, Catch::Contains(pl.string() + ":" + std::to_string(lineOf(pl, "translated_from")) + ": warning: stale"));
}

TEST_CASE("lint names each problem by file and line", "[pack]") {
    const fs::path src = kFixtures / "content/broken";
    const Run r = tool("lint " + quote(src.string()));
    INFO(r.output);
    CHECK(r.status == 1);
    const fs::path first = src / "pages/first/en.md";
    const fs::path second = src / "pages/second/en.md";
    const fs::path toml = src / "pack.toml";
    CHECK_THAT(r.output, Catch::Contains(first.string() + ":" + std::to_string(lineOf(first, "page:missing")) +
                                         ": error: link to page 'missing'"));
    // The unclosed array opened on the audience line is found where the next key starts.
    CHECK_THAT(r.output, Catch::Contains(second.string() + ":" + std::to_string(lineOf(second, "status")) + ":1: error: "));
    CHECK_THAT(r.output, Catch::Contains(toml.string() + ":" + std::to_string(lineOf(toml, "colour")) + ": error: unknown key 'colour'"));
    CHECK_THAT(r.output, Catch::Contains(toml.string() + ":" + std::to_string(lineOf(toml, "no-such-topic")) +
                                         ": error: topic 'no-such-topic'"));
    CHECK_THAT(r.output, Catch::Contains(toml.string() + ":" + std::to_string(lineOf(toml, "parent = ")) +
                                         ": error: page 'first' is listed for parent"));
    // Every line of output is FILE:LINE: severity: message, but the last, which counts them.
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("lint: ")) {
            CHECK(lines.peek() == EOF);
            continue;
        }
        INFO(line);
        CHECK(line.find(":") != std::string::npos);
        CHECK((line.find(": error: ") != std::string::npos || line.find(": warning: ") != std::string::npos ||
               line.find(": verify: ") != std::string::npos));
    }

    const fs::path out = fs::temp_directory_path() / ("ev-broken-" + std::to_string(getpid()) + ".evpack");
    CHECK(tool("build " + quote(src.string()) + " -o " + quote(out.string())).status == 1);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("lint ends with a count of errors and warnings by kind, and --quiet-drafts only counts drafts", "[pack]") {
    const std::string src = quote((kFixtures / "content/good").string()) + " --locales " + quote((kFixtures / "locales").string());
    const Run all = tool("lint " + src);
    INFO(all.output);
    REQUIRE(all.status == 0);
    int draftLines = 0, warningLines = 0;
    std::istringstream lines(all.output);
    std::string last;
    for (std::string line; std::getline(lines, line);) {
        draftLines += line.find(": warning: draft:") != std::string::npos || line.ends_with(" is a draft");
        warningLines += line.find(": warning: ") != std::string::npos;
        last = line;
    }
    REQUIRE(draftLines > 0);
    CHECK_THAT(last, Catch::StartsWith("lint: 0 errors, " + std::to_string(warningLines) + " warnings (") &&
                         Catch::Contains(std::to_string(draftLines) + " draft") && Catch::EndsWith(" to verify"));
    const Run quiet = tool("lint " + src + " --quiet-drafts");
    INFO(quiet.output);
    CHECK(quiet.status == 0);
    CHECK_THAT(quiet.output, !Catch::Contains("draft:") && Catch::Contains(last));
}

TEST_CASE("an unclosed quote is one error at its line and column, with no false errors after it", "[pack]") {
    TempDir dir;
    const fs::path src = copyFixtures(dir) / "content/good";
    const fs::path page = src / "pages/talking/en.md";
    std::string text = readFile(page);
    const auto title = text.find("title = \"");
    REQUIRE(title != std::string::npos);
    const auto close = text.find('"', title + 9);
    text.erase(close, 1); // title = "Talking   (the quote never closed)
    writeFile(page, text);
    const Run r = tool("lint " + quote(src.string()) + " --locales " + quote((kFixtures / "locales").string()) + " --quiet-drafts");
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK_THAT(r.output, Catch::Contains(page.string() + ":" + std::to_string(lineOf(page, "title = ")) + ":") &&
                             Catch::Contains(": error: a closing \" is missing on this line"));
    // The page is listed in [topics] and linked to; neither is a second problem to chase.
    CHECK_THAT(r.output, !Catch::Contains("is not a page") && !Catch::Contains("does not exist"));
    CHECK_THAT(r.output, Catch::Contains("lint: 1 error,"));
}

TEST_CASE("release builds refuse verify fields", "[pack]") {
    TempDir dir;
    const fs::path src = kFixtures / "content/good";
    const fs::path out = dir.path / "release.evpack";
    const Run r = tool("build " + quote(src.string()) + " -o " + quote(out.string()) + " --release");
    CHECK(r.status == 1);
    CHECK_THAT(r.output, Catch::Contains("pages/worried-adult/en.md:" +
                                         std::to_string(lineOf(src / "pages/worried-adult/en.md", "verify")) + ": error: "));
    CHECK_THAT(r.output, Catch::Contains("signpost 'sunrise-hub' is marked verify = true"));
    CHECK_FALSE(fs::exists(out));
    CHECK(tool("lint " + quote(src.string())).status == 0); // without --release they are listed, not errors
}

TEST_CASE("the command line separates usage errors from bad input", "[pack]") {
    CHECK(tool("").status == 2);
    CHECK(tool("frobnicate").status == 2);
    CHECK(tool("build " + quote((kFixtures / "content/good").string())).status == 2); // no -o
    CHECK(tool("lint --bogus x").status == 2);
    CHECK(tool("hash onlyone").status == 2);
    for (const char* cmd : {"--help", "build --help", "lint --help", "info --help", "hash --help"}) {
        const Run r = tool(cmd);
        CHECK(r.status == 0);
        CHECK_THAT(r.output, Catch::StartsWith("usage: everyvoice-pack"));
    }
    CHECK(tool("info /nonexistent/x.evpack").status == 1);
    CHECK(tool("hash " + quote((kFixtures / "content/good").string()) + " no-such-page").status == 1);
    CHECK(tool("lint /nonexistent/folder").status == 1);
}

TEST_CASE("info describes a pack", "[pack]") {
    TempDir dir;
    const Run r = tool("info " + quote(buildGood(dir).string()));
    CHECK(r.status == 0);
    CHECK_THAT(r.output, Catch::Contains("fixture version 7"));
    CHECK_THAT(r.output, Catch::Contains("pl  draft, 2 of 4 pages, 1 draft, 1 stale"));
    CHECK_THAT(r.output, Catch::Contains("sunrise-hub  (verify)"));
}

TEST_CASE("the default pack, when built, is readable", "[pack]") {
    const fs::path file = fs::path(EV_BINARY_DIR) / "content/default.evpack";
    if (!fs::exists(fs::path(EV_SOURCE_DIR) / "content/default/pack.toml")) return; // not written yet
    const ev::Pack pack = ev::readPack(file);
    CHECK(pack.id == "default");
    CHECK(sqlite(file, "PRAGMA integrity_check") == "ok");
    CHECK(sqlite(file, "SELECT count(*) FROM pages") == std::to_string(pack.pages.size()));
}

TEST_CASE("lint renders every string and names a character no font draws", "[pack]") {
    TempDir dir;
    const fs::path src = dir.path / "content";
    fs::copy(kFixtures / "content/good", src, fs::copy_options::recursive);
    fs::copy(kFixtures / "locales", dir.path / "locales", fs::copy_options::recursive);
    CHECK(tool("lint " + quote(src.string())).output.find("no installed font") == std::string::npos);

    // U+E000 is private use: no Debian font draws it, so a kiosk would show an empty box.
    const fs::path page = src / "pages/talking/pl.md";
    std::string text = readFile(page);
    const std::string needle = "któremu ufasz";
    text.replace(text.find(needle), needle.size(), "któremu \xEE\x80\x80 ufasz");
    std::ofstream(page, std::ios::binary) << text;
    const Run r = tool("lint " + quote(src.string()));
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK_THAT(r.output, Catch::Contains(page.string() + ":" + std::to_string(lineOf(page, "ufasz")) +
                                         ": error: no installed font draws U+E000 (pl)"));
}

TEST_CASE("lint warns when a page for children reads above age 9 or a page is too long to read standing", "[pack]") {
    TempDir dir;
    const fs::path src = dir.path / "content";
    fs::copy(kFixtures / "content/good", src, fs::copy_options::recursive);
    fs::copy(kFixtures / "locales", dir.path / "locales", fs::copy_options::recursive);
    const fs::path page = src / "pages/talking/en.md"; // for children and parents
    const std::string text = readFile(page);
    const std::string front = text.substr(0, text.find("+++", 3) + 4);
    const auto lint = [&](const std::string& body) {
        std::ofstream(page, std::ios::binary) << front << body;
        return tool("lint " + quote(src.string()));
    };

    const Run plain = lint("\nYou can tell a grown-up. They will help you. It is not your fault.\n");
    INFO(plain.output);
    CHECK(plain.output.find("reading age") == std::string::npos);

    const Run hard = lint("\nNotwithstanding considerable organisational difficulties, the partnership's "
                          "multidisciplinary safeguarding arrangements demonstrated remarkable effectiveness "
                          "throughout the comprehensive evaluation undertaken independently.\n");
    INFO(hard.output);
    CHECK_THAT(hard.output, Catch::Contains(page.string() + ":" + std::to_string(lineOf(page, "Notwithstanding")) +
                                            ": warning: reading age about "));
    CHECK_THAT(hard.output, Catch::Contains("Flesch-Kincaid grade"));

    std::string longBody = "\n";
    for (int i = 0; i < 70; ++i) longBody += "This is a short and simple sentence of ten words.\n\n";
    const Run tooLong = lint(longBody);
    INFO(tooLong.output);
    CHECK_THAT(tooLong.output, Catch::Contains(": warning: 700 words, about 4 minutes standing at a kiosk"));
    CHECK(tooLong.output.find("reading age") == std::string::npos);
}

TEST_CASE("lint finds an invented phone number or web address in page text of every script", "[pack][facts]") {
    TempDir dir;
    const fs::path src = copyFixtures(dir) / "content/good";
    const fs::path page = src / "pages/talking/pl.md";
    // One unlisted contact a line, in each script's digits and each address form.
    const std::vector<std::string> invented = {
        "Zadzwoń: 0800 123 4567.",            // Latin digits, spaced
        "Zadzwoń: 08001234567.",              // not spaced
        "ফোন: ০৮০০ ১২৩ ৪৫৬৭।",                // Bengali digits
        "ਫ਼ੋਨ: ੦੮੦੦ ੧੨੩ ੪੫੬੭।",                // Gurmukhi
        "فون: ٠٨٠٠ ١٢٣ ٤٥٦٧",                 // Arabic-Indic
        "فون: ۰۸۰۰ ۱۲۳ ۴۵۶۷",                 // Extended Arabic-Indic (Urdu)
        "Zadzwoń: tel:08081234567",          // a tel: address
        "Zadzwoń pod +44 20 7946 0000.",      // international form
        "Wejdź na www.invented-helpline.org.", // www.
        "Wejdź na invented-helpline.org.uk.", // a bare domain
        "Wejdź na https://example.com/help.", // a URL
    };
    std::string text = readFile(page);
    for (const std::string& line : invented) text += "\n" + line + "\n";
    // Listed facts pass in any script and form: Childline's number in Bengali digits, its site with www.
    text += "\n০৮০০ ১১১১ i www.childline.org.uk/ i https://childline.org.uk\n";
    writeFile(page, text);

    const Run lint = tool("lint " + quote(src.string()));
    INFO(lint.output);
    CHECK(lint.status == 0); // warnings while drafting
    const std::string facts = (dir.path / "fixtures/content/facts.toml").lexically_normal().string();
    for (const std::string& line : invented) {
        INFO(line);
        CHECK_THAT(lint.output, Catch::Contains(page.string() + ":" + std::to_string(lineOf(page, line)) + ": warning: "));
    }
    CHECK_THAT(lint.output, Catch::Contains("phone number '০৮০০ ১২৩ ৪৫৬৭' is not in " + facts));
    CHECK_THAT(lint.output, Catch::Contains("web address 'invented-helpline.org.uk' is not in " + facts));
    CHECK(lint.output.find(std::to_string(lineOf(page, "০৮০০ ১১১১")) + ": warning: phone") == std::string::npos);
    CHECK(lint.output.find("'www.childline.org.uk") == std::string::npos);
    CHECK(lint.output.find("FACTS.md") == std::string::npos); // never a file outside the repository

    const Run release = tool("lint " + quote(src.string()) + " --release");
    CHECK(release.status == 1);
    CHECK_THAT(release.output, Catch::Contains(page.string() + ":" + std::to_string(lineOf(page, "0800 123 4567")) +
                                               ": error: phone number '0800 123 4567' is not in"));
}

TEST_CASE("a signpost's unlisted number is caught unless it is marked verify = true", "[pack][facts]") {
    TempDir dir;
    const fs::path src = copyFixtures(dir) / "content/good";
    std::string toml = readFile(src / "pack.toml");
    toml += "\n[[signposts]]\nid = \"invented\"\nphones = [\"0800 555 0199\"]\nweb = \"invented.org.uk\"\n"
            "[signposts.text.en]\nname = \"Invented\"\n"
            "\n[[signposts]]\nid = \"to-confirm\"\nphones = [\"0800 555 0123\"]\nweb = \"\"\nverify = true\n"
            "[signposts.text.en]\nname = \"To confirm\"\n"
            "\n[[signposts]]\nid = \"hours-to-confirm\"\nphones = [\"0800 1111\"]\nweb = \"\"\nverify = [\"hours\"]\n"
            "[signposts.text.en]\nname = \"Hours\"\nhours = \"Call 0800 555 0777 first\"\n";
    writeFile(src / "pack.toml", toml);
    const Run lint = tool("lint " + quote(src.string()));
    INFO(lint.output);
    const fs::path file = src / "pack.toml";
    CHECK_THAT(lint.output, Catch::Contains(file.string() + ":" + std::to_string(lineOf(file, "0800 555 0199")) +
                                            ": warning: phone number '0800 555 0199'"));
    CHECK_THAT(lint.output, Catch::Contains("web address 'invented.org.uk'"));
    CHECK(lint.output.find("'0800 555 0123'") == std::string::npos); // verify = true: listed as such instead
    CHECK(lint.output.find("'0800 555 0777'") == std::string::npos); // in the field verify = ["hours"] names
    CHECK_THAT(lint.output, Catch::Contains("signpost 'hours-to-confirm' (hours) is marked verify = true"));
    const ev::Pack pack = [&] {
        const fs::path out = dir.path / "v.evpack";
        REQUIRE(tool("build " + quote(src.string()) + " -o " + quote(out.string())).status == 0);
        return ev::readPack(out);
    }();
    CHECK_FALSE(pack.signpost("to-confirm")->confirmed("phones"));
    CHECK(pack.signpost("hours-to-confirm")->confirmed("phones"));
    CHECK_FALSE(pack.signpost("hours-to-confirm")->confirmed("hours"));
    CHECK(pack.signpost("invented")->confirmed("web"));
}

TEST_CASE("the default pack states no phone number or web address that is not in content/facts.toml", "[pack][facts]") {
    const fs::path src = fs::path(EV_SOURCE_DIR) / "content/default";
    const Run lint = tool("lint " + quote(src.string()));
    INFO(lint.output);
    CHECK(lint.status == 0);
    CHECK(lint.output.find("is not in") == std::string::npos);
    CHECK(lint.output.find("no facts list") == std::string::npos);
    CHECK(lint.output.find("FACTS.md") == std::string::npos);
    CHECK_THAT(lint.output, Catch::Contains("list it in " + (src / "../facts.toml").lexically_normal().string()));
    // A readability figure for each audience.
    for (const char* a : {"child ", "teen ", "parent ", "community "}) CHECK_THAT(lint.output, Catch::Contains("  " + std::string(a)));
    CHECK_THAT(lint.output, Catch::Contains("Flesch-Kincaid grade"));
}
