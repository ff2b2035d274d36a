// Session plans from a content folder's plans/ to a pack and back, with the real
// everyvoice-pack binary, readPack and the sqlite3 tool.
#include <catch2/catch.hpp>

#include "core/pack/deck.h"
#include "core/pack/pack_reader.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace evtest;

namespace {

const std::string kLocales = " --locales " + quote((kFixtures / "locales").string());

const char* kPlanToml = R"(audience = ["parent", "community"]
minutes = 30
signposts = ["childline", "emergency"]

[question]
id = "confidence"
answers = ["very", "a-little", "not-yet"]

[[steps]]
page = "staying-safe"

[[steps]]
page = "talking"
heading = 1

[[steps]]
page = "worried-adult"
blocks = [1, 1]
)";

const char* kPlanEn = R"(title = "A short session"
summary = "Thirty minutes for a group of adults"
status = "reviewed"
question = "How confident are you that you would know what to do?"
answers = ["Very", "A little", "Not yet"]

[[steps]]
prompt = "What does it mean that a body belongs to you?"
notes = """
Let people answer in their own words.

- Keep it calm.
"""

[[steps]]
prompt = "Who could a child tell?"

[[steps]]
notes = "Give the numbers at the end."
)";

std::string planPl(const std::string& stamp) {
    return "title = \"Krótkie spotkanie\"\nsummary = \"Trzydzieści minut\"\n" + stamp +
           "question = \"Jak bardzo jesteś pewny?\"\nanswers = [\"Bardzo\", \"Trochę\", \"Jeszcze nie\"]\n"
           "[[steps]]\nprompt = \"Co to znaczy?\"\n[[steps]]\nprompt = \"Komu?\"\n[[steps]]\nnotes = \"Numery.\"\n";
}

// A copy of the good fixture with one plan, "short", in English (and Polish when given).
fs::path withPlan(const TempDir& dir, const std::string& planToml = kPlanToml, const std::string& pl = "") {
    const fs::path src = dir.path / "content";
    fs::copy(kFixtures / "content/good", src, fs::copy_options::recursive);
    fs::copy_file(kFixtures / "content/facts.toml", dir.path / "facts.toml");
    fs::create_directories(src / "plans/short");
    writeFile(src / "plans/short/plan.toml", planToml);
    writeFile(src / "plans/short/en.toml", kPlanEn);
    if (!pl.empty()) writeFile(src / "plans/short/pl.toml", pl);
    return src;
}

fs::path build(const TempDir& dir, const fs::path& src) {
    const fs::path out = dir.path / "plan.evpack";
    const Run r = tool("build " + quote(src.string()) + " -o " + quote(out.string()) + kLocales);
    INFO(r.output);
    REQUIRE(r.status == 0);
    return out;
}

} // namespace

TEST_CASE("a session plan goes into the pack and reads back whole", "[plan]") {
    TempDir dir;
    const fs::path out = build(dir, withPlan(dir));
    const ev::Pack pack = ev::readPack(out);
    CHECK(pack.schemaVersion == 3);
    REQUIRE(pack.plans.size() == 1);
    const ev::Plan& plan = *pack.plan("short");
    CHECK(plan.audiences == std::vector{ev::Audience::Parent, ev::Audience::Community});
    CHECK(plan.minutes == 30);
    CHECK(plan.signposts == std::vector<std::string>{"childline", "emergency"});
    REQUIRE(plan.steps.size() == 3);
    CHECK(plan.steps[0].page == "staying-safe");
    CHECK(plan.steps[0].part.kind == ev::PagePart::Kind::WholePage);
    CHECK(plan.steps[1].part.kind == ev::PagePart::Kind::Heading);
    CHECK(plan.steps[1].part.first == 1);
    CHECK(plan.steps[2].part.kind == ev::PagePart::Kind::Blocks);
    CHECK(plan.steps[2].part.last == 1);
    REQUIRE(plan.question);
    CHECK(plan.question->id == "confidence");
    CHECK(plan.question->answerIds == std::vector<std::string>{"very", "a-little", "not-yet"});
    const ev::PlanText& en = plan.text.at("en");
    CHECK(en.title == "A short session");
    CHECK(en.status == "reviewed");
    CHECK(en.answers == std::vector<std::string>{"Very", "A little", "Not yet"});
    CHECK(en.steps[0].notes == "Let people answer in their own words.\n\n- Keep it calm.\n");
    CHECK(en.steps[2].prompt.empty());
    // Checked with a tool we did not write: the rows are where docs/pack-format.md says.
    CHECK(sqlite(out, "SELECT group_concat(page || ':' || part || ':' || part_first || '-' || part_last, ' ') FROM "
                      "(SELECT * FROM plan_steps WHERE plan = 'short' ORDER BY position)") ==
          "staying-safe:page:0-0 talking:heading:1-0 worried-adult:blocks:1-1");
    CHECK(sqlite(out, "SELECT value FROM meta WHERE key = 'schema_version'") == "3");
    CHECK(sqlite(out, "PRAGMA foreign_key_check").empty());
    const Run info = tool("info " + quote(out.string()));
    CHECK_THAT(info.output, Catch::Contains("plans     1\n  short  30 min, parent community, 3 steps, in en\n"));
}

TEST_CASE("a plan's part of a page is the blocks under a heading or a range, and nothing past the page", "[plan]") {
    const ev::Document doc = ev::parseMarkdown("Intro.\n\n## One\n\nA.\n\n### Sub\n\nB.\n\n## Two\n\nC.\n");
    using K = ev::PagePart::Kind;
    auto range = [&](ev::PagePart p) {
        const auto r = ev::partBlocks(doc, p);
        return r ? std::to_string(r->begin) + "-" + std::to_string(r->end) : std::string("none");
    };
    CHECK(range({K::WholePage, 0, 0}) == "0-7");
    CHECK(range({K::Heading, 1, 0}) == "1-5"); // "One" runs over its sub-heading to "Two"
    CHECK(range({K::Heading, 2, 0}) == "3-5");
    CHECK(range({K::Heading, 3, 0}) == "5-7");
    CHECK(range({K::Heading, 4, 0}) == "none");
    CHECK(range({K::Blocks, 2, 3}) == "1-3");
    CHECK(range({K::Blocks, 7, 8}) == "none");
}

TEST_CASE("lint refuses a plan step whose page or part does not exist, and an unknown signpost", "[plan]") {
    TempDir dir;
    std::string toml = kPlanToml;
    toml.replace(toml.find("page = \"talking\"\nheading = 1"), 28, "page = \"talking\"\nheading = 5");
    toml.replace(toml.find("page = \"staying-safe\""), 21, "page = \"no-such-page\"");
    toml.replace(toml.find("\"emergency\"]"), 11, "\"nobody\"");
    const fs::path src = withPlan(dir, toml);
    const fs::path file = src / "plans/short/plan.toml";
    const Run r = tool("lint " + quote(src.string()) + kLocales);
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK_THAT(r.output, Catch::Contains(file.string() + ":" + std::to_string(lineOf(file, "[[steps]]")) +
                                         ": error: step 1 shows page 'no-such-page', which does not exist"));
    CHECK_THAT(r.output, Catch::Contains("error: step 2 shows heading 5 of page 'talking', which"));
    CHECK_THAT(r.output, Catch::Contains(file.string() + ":3: error: signpost 'nobody' is not a [[signposts]] id in pack.toml"));
    CHECK(tool("build " + quote(src.string()) + " -o " + quote((dir.path / "x.evpack").string()) + kLocales).status == 1);
    CHECK_FALSE(fs::exists(dir.path / "x.evpack"));
}

TEST_CASE("a plan with no text in a language falls back to the default, and a stale one too", "[plan]") {
    TempDir dir;
    {
        const fs::path src = withPlan(dir);
        const Run lint = tool("lint " + quote(src.string()) + kLocales);
        CHECK_THAT(lint.output, Catch::Contains((src / "plans/short/plan.toml").string() + ":1: warning: plan 'short' has no translation in pl"));
        const ev::Pack pack = ev::readPack(build(dir, src));
        bool stale = true;
        const ev::PlanText* t = pack.planTextToShow("short", "pl", stale);
        REQUIRE(t);
        CHECK(t->title == "A short session");
        CHECK_FALSE(stale);
        CHECK_FALSE(pack.planTextToShow("nope", "pl", stale));
    }
    TempDir dir2;
    const fs::path src = withPlan(dir2, kPlanToml, planPl("translated_from = \"00000000000000000000000000000000\"\n"));
    const Run lint = tool("lint " + quote(src.string()) + kLocales);
    CHECK_THAT(lint.output, Catch::Contains((src / "plans/short/pl.toml").string() + ":3: warning: stale: the en plan changed"));
    {
        const ev::Pack pack = ev::readPack(build(dir2, src));
        bool stale = false;
        CHECK(pack.planTextToShow("short", "pl", stale)->title == "A short session");
        CHECK(stale);
    }
    // Stamped with the hash the tool prints, the translation is shown.
    const Run hash = tool("hash " + quote(src.string()) + " plan:short");
    REQUIRE(hash.status == 0);
    REQUIRE(hash.output.size() == 33);
    writeFile(src / "plans/short/pl.toml", planPl("translated_from = \"" + hash.output.substr(0, 32) + "\"\n"));
    const ev::Pack pack = ev::readPack(build(dir2, src));
    bool stale = true;
    CHECK(pack.planTextToShow("short", "pl", stale)->title == "Krótkie spotkanie");
    CHECK_FALSE(stale);
    CHECK(pack.plan("short")->text.at("pl").answers.at(2) == "Jeszcze nie");
}

TEST_CASE("the pack reader refuses a plan that names a missing page, and reads an older pack, which has none", "[plan]") {
    TempDir dir;
    const fs::path out = build(dir, withPlan(dir));
    REQUIRE(run("sqlite3 " + quote(out.string()) + " \"PRAGMA foreign_keys = OFF; UPDATE plan_steps SET page = 'gone' WHERE position = 0\"").status == 0);
    CHECK_THAT(packError(out), Catch::Contains("plan 'short' shows page 'gone', which is not in table pages"));

    const fs::path old = fs::path(EV_SOURCE_DIR) / "tests/fuzz/pack_reader/fixture-good.evpack"; // schema 1, no plan tables
    CHECK(ev::readPack(old).plans.empty());
}

TEST_CASE("a pack of a newer schema with tables this kiosk does not know is refused by its version", "[plan]") {
    TempDir dir;
    const fs::path out = build(dir, withPlan(dir));
    REQUIRE(run("sqlite3 " + quote(out.string()) + " \"CREATE TABLE future (x TEXT); UPDATE meta SET value = '4' WHERE key = 'schema_version'\"").status == 0);
    CHECK_THAT(packError(out), Catch::Contains("pack needs a newer kiosk (schema 4, this kiosk reads up to 3)"));
}

TEST_CASE("lint reports a phone number or web address in a plan that is not a listed fact", "[plan]") {
    TempDir dir;
    const fs::path src = withPlan(dir);
    std::string en = kPlanEn;
    en.replace(en.find("Give the numbers at the end."), 28, "Give the numbers at the end: 0800 1111, or 0207 946 0000 at example-help.org.uk.");
    writeFile(src / "plans/short/en.toml", en);
    const fs::path file = src / "plans/short/en.toml";
    const Run r = tool("lint " + quote(src.string()) + kLocales + " --release");
    INFO(r.output);
    const std::string at = file.string() + ":" + std::to_string(lineOf(file, "0207 946")) + ": error: ";
    CHECK_THAT(r.output, Catch::Contains(at + "phone number '0207 946 0000' is not in"));
    CHECK_THAT(r.output, Catch::Contains(at + "web address 'example-help.org.uk' is not in"));
    CHECK_THAT(r.output, !Catch::Contains("phone number '0800 1111'"));
}

TEST_CASE("lint refuses a character in a plan that no installed font draws", "[plan]") {
    TempDir dir;
    const fs::path src = withPlan(dir);
    std::string en = kPlanEn;
    en.replace(en.find("Who could a child tell?"), 23, "Who could a child tell? \xEE\x80\x80"); // U+E000, private use
    writeFile(src / "plans/short/en.toml", en);
    const fs::path file = src / "plans/short/en.toml";
    const Run r = tool("lint " + quote(src.string()) + kLocales);
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK_THAT(r.output, Catch::Contains(file.string() + ":" + std::to_string(lineOf(file, "Who could") - 1) + // its [[steps]] line
                                         ": error: no installed font draws U+E000 (en)"));
}

TEST_CASE("the default pack's plans are for parents, young people and community groups, and each says how to handle a disclosure", "[plan]") {
    const ev::Pack pack = ev::readPack(fs::path(EV_BINARY_DIR) / "content/default.evpack");
    struct Want {
        const char* id;
        ev::Audience audience;
        int minutes;
    };
    for (const Want w : {Want{"parents-and-carers", ev::Audience::Parent, 45}, Want{"young-people", ev::Audience::Teen, 40},
                         Want{"community-and-faith-groups", ev::Audience::Community, 30}}) {
        INFO(w.id);
        const ev::Plan* plan = pack.plan(w.id);
        REQUIRE(plan);
        CHECK(plan->audiences == std::vector{w.audience});
        CHECK(plan->minutes == w.minutes);
        CHECK(plan->question);
        CHECK(std::find(plan->signposts.begin(), plan->signposts.end(), "emergency") != plan->signposts.end());
        const ev::PlanText& en = plan->text.at("en");
        std::string notes;
        for (const ev::PlanStepText& s : en.steps) {
            CHECK_FALSE(s.prompt.empty());
            CHECK_FALSE(s.notes.empty());
            notes += s.notes + "\n";
        }
        // The disclosure guidance, in its words, with the numbers to call.
        for (const char* words : {"listen, stay calm", "do not question", "did the right thing", "Do not promise to keep it secret",
                                  "Follow your organisation's safeguarding procedure", "call 999", "0808 800 5000"})
            CHECK_THAT(notes, Catch::Contains(words));
        // Every step's page is one the plan's audience is shown on the kiosk.
        for (const ev::PlanStep& step : plan->steps) {
            INFO(step.page);
            const auto& aud = pack.page(step.page)->audiences;
            CHECK(std::find(aud.begin(), aud.end(), w.audience) != aud.end());
        }
    }
}

TEST_CASE("present mode's split rule: a list keeps its lead-in, its items move whole, a screen within it starts with the lead-in", "[plan][present]") {
    const ev::Document doc = ev::parseMarkdown("## Signs\n\nSigns to notice:\n\n- one. Two.\n- three\n- four\n\nAfter the list. More.\n\n"
                                       "## Next\n\n- a list under a heading\n- second\n");
    const std::vector<ev::Block>& b = doc.blocks;
    REQUIRE(b.size() == 9);
    REQUIRE(b[2].kind == ev::Block::Kind::ListItem);
    CHECK(ev::keepsWithNext(b, 0));       // the heading
    CHECK(ev::keepsWithNext(b, 1));       // "Signs to notice:" leads into the list
    CHECK_FALSE(ev::keepsWithNext(b, 2)); // an item
    CHECK_FALSE(ev::keepsWithNext(b, 5)); // a paragraph after the list
    CHECK(ev::keepsWithNext(b, 6));       // a heading before a list
    CHECK_FALSE(ev::keepsWithNext(b, 8)); // the last block
    CHECK(ev::mayCut(b[5]));
    CHECK_FALSE(ev::mayCut(b[2])); // "one. Two." moves whole
    CHECK_FALSE(ev::mayCut(b[0]));
    CHECK_FALSE(ev::listLeadIn(b, 2)); // the first item follows its lead-in anyway
    CHECK(ev::listLeadIn(b, 3) == std::optional<std::size_t>{1});
    CHECK(ev::listLeadIn(b, 4) == std::optional<std::size_t>{1});
    CHECK_FALSE(ev::listLeadIn(b, 5));
    CHECK(ev::listLeadIn(b, 8) == std::optional<std::size_t>{6}); // a list under a heading: the heading
    CHECK_FALSE(ev::listLeadIn(b, 7));
    const ev::Document bare = ev::parseMarkdown("- first\n- second\n");
    CHECK_FALSE(ev::listLeadIn(bare.blocks, 1)); // a list that starts the step has none
}
