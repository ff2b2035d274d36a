#include "core/pack/pack_reader.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <set>
#include <system_error>

#include "core/pack/pack_schema.h"
#include "core/pack/pack_sqlite.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

// Reasons that belong to the file's content, as opposed to SQLite failing to read it.
struct Invalid : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A pack is data, never a program, and nothing in it may take the kiosk's memory or time:
// the limits below are stated in docs/pack-format.md "Limits".
constexpr int kMaxFieldBytes = 4 * 1024;        // an id, a title, a name, a phone number, a UI string
constexpr int kMaxBodyBytes = 256 * 1024;       // a page's Markdown, a neutral screen's body
constexpr int kMaxMediaBytes = 16 * 1024 * 1024; // one image or recording
constexpr int kMaxSqlBytes = 64 * 1024;         // a statement, the schema's included
constexpr auto kMaxLoadTime = std::chrono::seconds(30);

// A text column, refused when longer than max bytes.
std::string field(const sql::Stmt& st, int column, int max = kMaxFieldBytes) {
    const std::string_view v = st.view(column);
    if (v.size() > static_cast<std::size_t>(max))
        throw Invalid("a value of " + std::to_string(v.size()) + " bytes, more than the limit of " + std::to_string(max) +
                      " (" + std::string(v.substr(0, 40)) + "...)");
    return std::string(v);
}
std::string body(const sql::Stmt& st, int column) { return field(st, column, kMaxBodyBytes); }

// Ids name files and rows and go into log lines: printable ASCII, as docs/pack-format.md says.
bool printableAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

std::uint32_t bigEndian(const unsigned char* p, int n) {
    std::uint32_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | p[i];
    return v;
}

void checkFile(const fs::path& file) {
    std::error_code ec;
    const fs::file_status st = fs::status(file, ec);
    if (!fs::exists(st)) throw Invalid("file not found");
    if (!fs::is_regular_file(st)) throw Invalid("not a file");
    const auto size = fs::file_size(file, ec);
    if (ec) throw Invalid("cannot read the file: " + ec.message());
    if (size == 0) throw Invalid("the file is empty");
    std::ifstream in(file, std::ios::binary);
    unsigned char header[100] = {};
    if (!in.read(reinterpret_cast<char*>(header), sizeof header)) {
        if (!in.is_open()) throw Invalid("cannot read the file: " + std::string(std::strerror(errno)));
        throw Invalid("not an Every Voice pack (too short to be an SQLite database)");
    }
    if (std::memcmp(header, "SQLite format 3", 16) != 0) throw Invalid("not an Every Voice pack (not an SQLite database)");
    // The header's page count (valid when "version-valid-for" equals the change counter, as it
    // does for every file SQLite 3.7 or later wrote) times the page size is the file's length:
    // a pack cut short by a failed copy is refused here, whatever pages it lost.
    const std::uint32_t rawPageSize = bigEndian(header + 16, 2);
    const std::uint64_t pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const std::uint64_t pages = bigEndian(header + 28, 4);
    if (bigEndian(header + 92, 4) == bigEndian(header + 24, 4) && pages * pageSize > size)
        throw Invalid("the pack is corrupt (cut short: " + std::to_string(size) + " bytes, its header says " +
                      std::to_string(pages * pageSize) + ")");
}

// Before any query: what SQLite may do with this file. No views or triggers run, schema
// functions are untrusted, statements and values have a length limit, temporary data stays in
// memory, and a load that runs past kMaxLoadTime gives up.
void guard(sql::Db& db, std::chrono::steady_clock::time_point& deadline) {
    sqlite3* h = db.handle();
    constexpr std::pair<int, int> kConfig[] = {{SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0}, {SQLITE_DBCONFIG_DEFENSIVE, 1},
                                               {SQLITE_DBCONFIG_ENABLE_TRIGGER, 0}, {SQLITE_DBCONFIG_ENABLE_VIEW, 0}};
    for (const auto& [option, value] : kConfig)
        sqlite3_db_config(h, option, value, nullptr);
    sqlite3_limit(h, SQLITE_LIMIT_LENGTH, kMaxMediaBytes);
    sqlite3_limit(h, SQLITE_LIMIT_SQL_LENGTH, kMaxSqlBytes);
    sqlite3_limit(h, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(h, SQLITE_LIMIT_EXPR_DEPTH, 100);
    sqlite3_limit(h, SQLITE_LIMIT_COMPOUND_SELECT, 10);
    // 4,000 pages of 4 KB: the most temporary data a sort may hold, in memory.
    db.exec("PRAGMA trusted_schema = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16000; "
            "PRAGMA max_page_count = 4000");
    deadline = std::chrono::steady_clock::now() + kMaxLoadTime;
    sqlite3_progress_handler(
        h, 10'000,
        [](void* d) { return std::chrono::steady_clock::now() > *static_cast<std::chrono::steady_clock::time_point*>(d) ? 1 : 0; },
        &deadline);
}

// The table names the schema declares, read from kPackSchemaSql so the two cannot drift.
std::set<std::string> schemaTables() {
    std::set<std::string> names;
    const std::string_view sqlText(kPackSchemaSql);
    constexpr std::string_view kCreate = "CREATE TABLE ";
    for (auto at = sqlText.find(kCreate); at != std::string_view::npos; at = sqlText.find(kCreate, at + 1)) {
        const auto from = at + kCreate.size();
        names.emplace(sqlText.substr(from, sqlText.find(' ', from) - from));
    }
    return names;
}

// Only the schema's tables, and indexes on them: a view, a trigger, a virtual table or a
// generated column is code that would run when the pack is read.
void checkSchema(sql::Db& db) {
    static const std::set<std::string> tables = schemaTables();
    std::vector<std::string> seen;
    for (sql::Stmt st(db, "SELECT type, name, tbl_name, sql FROM sqlite_master"); st.step();) {
        const std::string type = field(st, 0), name = field(st, 1), table = field(st, 2), sqlText = field(st, 3, kMaxSqlBytes);
        const std::string what = type + " '" + name + "'";
        if (type == "table") {
            if (!tables.contains(name) || !sqlText.starts_with("CREATE TABLE "))
                throw Invalid("not an Every Voice pack (it holds " + what + ", which the pack schema does not)");
            seen.push_back(name);
        } else if (type == "index") {
            if (!tables.contains(table)) throw Invalid("not an Every Voice pack (it holds " + what + ")");
        } else {
            throw Invalid("the pack holds " + what + ": a pack is data only (no views or triggers)");
        }
    }
    for (const std::string& name : seen)
        for (sql::Stmt st(db, ("PRAGMA table_xinfo(\"" + name + "\")").c_str()); st.step();)
            if (st.integer(6) != 0) // hidden: 1 a virtual table's, 2 or 3 generated
                throw Invalid("table " + name + " has a generated or hidden column '" + field(st, 1) + "': a pack is data only");
}

std::int64_t toInt(const std::string& s, const char* what) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) throw Invalid(std::string("meta ") + what + " is not a number: '" + s + "'");
    return v;
}

Audience audience(const std::string& id, const char* table) {
    if (auto a = audienceFromId(id)) return *a;
    throw Invalid(std::string("unknown audience '") + id + "' in table " + table);
}

// "phones web" -> {"phones", "web"}.
std::vector<std::string> splitFields(const std::string& s) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < s.size()) {
        const std::size_t end = std::min(s.find(' ', at), s.size());
        if (end > at) out.push_back(s.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

bool hasTable(sql::Db& db, const char* name) {
    sql::Stmt st(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, name);
    return st.step();
}

std::map<std::string, std::string> readMeta(sql::Db& db) {
    std::map<std::string, std::string> meta;
    if (!hasTable(db, "meta")) throw Invalid("not an Every Voice pack (no table meta)");
    sql::Stmt st(db, "SELECT key, value FROM meta");
    while (st.step()) meta[field(st, 0)] = field(st, 1);
    const auto it = meta.find("schema_version");
    if (it == meta.end()) throw Invalid("not an Every Voice pack (no schema_version)");
    const std::int64_t schema = toInt(it->second, "schema_version");
    if (schema > kPackSchemaVersion)
        throw Invalid("pack needs a newer kiosk (schema " + std::to_string(schema) + ", this kiosk reads up to " +
                      std::to_string(kPackSchemaVersion) + ")");
    if (schema < 1) throw Invalid("schema_version " + it->second + " is not valid");
    for (const char* key : {"pack_id", "pack_version", "title", "default_locale", "built_at"})
        if (!meta.contains(key)) throw Invalid(std::string("meta has no ") + key);
    return meta;
}

// The meta table is read before the others are checked, so a pack of a newer schema, whose
// tables this kiosk does not know, is refused by its version ("needs a newer kiosk").
std::map<std::string, std::string> checkIdentity(sql::Db& db) {
    sql::Stmt appId(db, "PRAGMA application_id");
    if (!appId.step() || appId.integer(0) != kPackApplicationId)
        throw Invalid("not an Every Voice pack (an SQLite database of another kind)");
    auto meta = readMeta(db);
    checkSchema(db);
    // quick_check walks every b-tree page (not index contents): about 16 ms on a 25 MB pack,
    // under 0.1 ms on a text-only one. It turns a truncated or damaged file into one clear
    // error instead of a failure halfway through loading.
    sql::Stmt check(db, "PRAGMA quick_check(1)");
    if (check.step() && check.text(0) != "ok") {
        std::string detail = check.text(0);
        if (detail.starts_with("*** in database main ***\n")) detail.erase(0, 25);
        throw Invalid("the pack is corrupt (" + detail + ")");
    }
    return meta;
}


// The media table, the narration of each page text, and every image a page shows. The bytes
// are not checked here (a damaged image costs its picture, not the pack); the names are.
void loadMedia(sql::Db& db, Pack& pack) {
    if (hasTable(db, "media")) {
        for (sql::Stmt st(db, "SELECT name, type, bytes FROM media"); st.step();) {
            MediaItem m{field(st, 0), field(st, 1), st.blob(2)}; // SQLITE_LIMIT_LENGTH bounds the blob
            if (!validMediaName(m.name)) throw Invalid("media name '" + m.name + "' is not a file name");
            if (m.type != kPngType && m.type != kOggType) throw Invalid("media '" + m.name + "' has unknown type '" + m.type + "'");
            pack.mediaByName[m.name] = std::move(m);
        }
    }
    auto ofType = [&](const std::string& name, std::string_view type) {
        const MediaItem* m = pack.media(name);
        return m && m->type == type;
    };
    if (hasTable(db, "page_narration")) {
        for (sql::Stmt st(db, "SELECT page, locale, media FROM page_narration"); st.step();) {
            const std::string page = field(st, 0), locale = field(st, 1), name = field(st, 2);
            const auto p = std::find_if(pack.pages.begin(), pack.pages.end(), [&](const Page& pg) { return pg.id == page; });
            if (p == pack.pages.end() || !p->text.contains(locale))
                throw Invalid("table page_narration names page '" + page + "' (" + locale + "), which has no text in table page_text");
            if (!ofType(name, kOggType))
                throw Invalid("page '" + page + "' (" + locale + ") has narration '" + name + "', which is not a recording in table media");
            p->text[locale].narration = name;
        }
    }
    for (const Page& p : pack.pages)
        for (const auto& [locale, text] : p.text)
            for (const Block& b : text.body.blocks)
                if (b.kind == Block::Kind::Image && !ofType(b.image, kPngType))
                    throw Invalid("page '" + p.id + "' (" + locale + ") shows image '" + b.image + "', which is not a PNG in table media");
}

PagePart pagePart(const std::string& kind, std::int64_t first, std::int64_t last, const std::string& plan) {
    if (kind == "page") return {};
    const bool blocks = kind == "blocks";
    if (!blocks && kind != "heading") throw Invalid("plan '" + plan + "' has a step of unknown part '" + kind + "'");
    if (first < 1 || first > 100000 || (blocks && (last < first || last > 100000)))
        throw Invalid("plan '" + plan + "' has a step whose part " + kind + " " + std::to_string(first) + " is not a place on a page");
    return {blocks ? PagePart::Kind::Blocks : PagePart::Kind::Heading, static_cast<int>(first), blocks ? static_cast<int>(last) : 0};
}

// Rows by (plan, position) must run 0, 1, 2 ... so a step's text pairs with its step.
void expectPosition(std::int64_t position, std::size_t have, const std::string& what) {
    if (position != static_cast<std::int64_t>(have)) throw Invalid(what + " skips or repeats position " + std::to_string(position));
}

// The session plans (schema 3). Every step names a page of the pack and a part it has; every
// signpost exists; every text names a known locale and has one row per step and answer.
void loadPlans(sql::Db& db, Pack& pack) {
    if (pack.schemaVersion < 3) return;
    std::map<std::string, Plan> plans;
    auto planFor = [&](const std::string& id, const char* table) -> Plan& {
        auto it = plans.find(id);
        if (it == plans.end()) throw Invalid(std::string("table ") + table + " names plan '" + id + "' that is not in table plans");
        return it->second;
    };
    for (sql::Stmt st(db, "SELECT id, minutes, question FROM plans ORDER BY id"); st.step();) {
        Plan& p = plans[field(st, 0)];
        p.id = field(st, 0);
        p.minutes = static_cast<int>(st.integer(1));
        if (const std::string q = field(st, 2); !q.empty()) p.question = PlanQuestion{q, {}};
    }
    for (sql::Stmt st(db, "SELECT plan, audience FROM plan_audiences ORDER BY plan, audience"); st.step();)
        planFor(field(st, 0), "plan_audiences").audiences.push_back(audience(field(st, 1), "plan_audiences"));
    for (sql::Stmt st(db, "SELECT plan, position, page, part, part_first, part_last FROM plan_steps ORDER BY plan, position"); st.step();) {
        Plan& p = planFor(field(st, 0), "plan_steps");
        expectPosition(st.integer(1), p.steps.size(), "plan '" + p.id + "' steps");
        PlanStep step{field(st, 2), pagePart(field(st, 3), st.integer(4), st.integer(5), p.id)};
        const Page* page = pack.page(step.page);
        if (!page) throw Invalid("plan '" + p.id + "' shows page '" + step.page + "', which is not in table pages");
        for (const auto& [locale, text] : page->text)
            if (!partBlocks(text.body, step.part))
                throw Invalid("plan '" + p.id + "' shows a part of page '" + step.page + "' (" + locale + ") that the page does not have");
        p.steps.push_back(std::move(step));
    }
    for (sql::Stmt st(db, "SELECT plan, position, signpost FROM plan_signposts ORDER BY plan, position"); st.step();) {
        Plan& p = planFor(field(st, 0), "plan_signposts");
        expectPosition(st.integer(1), p.signposts.size(), "plan '" + p.id + "' signposts");
        if (!pack.signpost(field(st, 2))) throw Invalid("plan '" + p.id + "' names signpost '" + field(st, 2) + "', which is not in table signposts");
        p.signposts.push_back(field(st, 2));
    }
    for (sql::Stmt st(db, "SELECT plan, position, id FROM plan_answers ORDER BY plan, position"); st.step();) {
        Plan& p = planFor(field(st, 0), "plan_answers");
        if (!p.question) throw Invalid("plan '" + p.id + "' has answers but no question");
        expectPosition(st.integer(1), p.question->answerIds.size(), "plan '" + p.id + "' answers");
        p.question->answerIds.push_back(field(st, 2));
    }
    auto localeKnown = [&](const std::string& tag) {
        return std::any_of(pack.locales.begin(), pack.locales.end(), [&](const LocaleInfo& l) { return l.tag == tag; });
    };
    for (sql::Stmt st(db, "SELECT plan, locale, title, summary, status, translated_from, stale, question FROM plan_text"); st.step();) {
        Plan& p = planFor(field(st, 0), "plan_text");
        if (!localeKnown(field(st, 1))) throw Invalid("plan '" + p.id + "' has text in '" + field(st, 1) + "', which is not in table locales");
        PlanText& t = p.text[field(st, 1)];
        t.title = field(st, 2);
        t.summary = field(st, 3);
        t.status = field(st, 4);
        t.translatedFrom = field(st, 5);
        t.stale = st.integer(6) != 0;
        t.question = field(st, 7);
    }
    auto textFor = [&](Plan& p, const std::string& locale, const char* table) -> PlanText& {
        auto it = p.text.find(locale);
        if (it == p.text.end()) throw Invalid(std::string("table ") + table + " has plan '" + p.id + "' (" + locale + ") with no plan_text row");
        return it->second;
    };
    for (sql::Stmt st(db, "SELECT plan, locale, position, prompt, notes FROM plan_step_text ORDER BY plan, locale, position"); st.step();) {
        Plan& p = planFor(field(st, 0), "plan_step_text");
        PlanText& t = textFor(p, field(st, 1), "plan_step_text");
        expectPosition(st.integer(2), t.steps.size(), "plan '" + p.id + "' (" + field(st, 1) + ") step text");
        t.steps.push_back({body(st, 3), body(st, 4)});
    }
    for (sql::Stmt st(db, "SELECT plan, locale, position, label FROM plan_answer_text ORDER BY plan, locale, position"); st.step();) {
        Plan& p = planFor(field(st, 0), "plan_answer_text");
        PlanText& t = textFor(p, field(st, 1), "plan_answer_text");
        expectPosition(st.integer(2), t.answers.size(), "plan '" + p.id + "' (" + field(st, 1) + ") answers");
        t.answers.push_back(field(st, 3));
    }
    for (auto& [id, p] : plans) {
        std::sort(p.audiences.begin(), p.audiences.end());
        if (p.steps.empty()) throw Invalid("plan '" + id + "' has no steps");
        if (p.question && (p.question->answerIds.size() < 2 || p.question->answerIds.size() > 5))
            throw Invalid("plan '" + id + "' has a question with " + std::to_string(p.question->answerIds.size()) + " answers (2 to 5)");
        if (!p.text.contains(pack.defaultLocale)) throw Invalid("plan '" + id + "' has no text in the default locale " + pack.defaultLocale);
        for (const auto& [locale, t] : p.text) {
            if (t.steps.size() != p.steps.size())
                throw Invalid("plan '" + id + "' (" + locale + ") has text for " + std::to_string(t.steps.size()) + " of its " +
                              std::to_string(p.steps.size()) + " steps");
            const std::size_t answers = p.question ? p.question->answerIds.size() : 0;
            if (t.answers.size() != answers || t.question.empty() != !p.question)
                throw Invalid("plan '" + id + "' (" + locale + ") does not have text for its question and each answer");
        }
        pack.plans.push_back(std::move(p));
    }
}

Pack load(sql::Db& db, const std::map<std::string, std::string>& meta) {
    Pack pack;
    pack.schemaVersion = static_cast<int>(toInt(meta.at("schema_version"), "schema_version"));
    pack.id = meta.at("pack_id");
    if (!validPackId(pack.id))
        throw Invalid("pack_id '" + (printableAscii(pack.id) ? pack.id : std::string("(not printable)")) +
                      "' is not 1 to 64 of A-Z a-z 0-9 . _ - (not starting with '.')");
    pack.version = toInt(meta.at("pack_version"), "pack_version");
    if (pack.version < 1) throw Invalid("pack_version " + meta.at("pack_version") + " is not 1 or more");
    pack.title = meta.at("title");
    pack.defaultLocale = meta.at("default_locale");
    pack.builtAt = meta.at("built_at");
    if (const auto q = meta.find("visit_questions"); q != meta.end()) {
        auto questions = parseQuestions(q->second);
        if (!questions) throw Invalid("meta visit_questions is not at most 2 questions of 2 to 4 answers, ids a-z 0-9 _: '" + q->second + "'");
        pack.questions = std::move(*questions);
    }

    for (sql::Stmt st(db, "SELECT tag, status FROM locales ORDER BY position"); st.step();)
        pack.locales.push_back({field(st, 0), field(st, 1)});
    if (std::none_of(pack.locales.begin(), pack.locales.end(), [&](const LocaleInfo& l) { return l.tag == pack.defaultLocale; }))
        throw Invalid("default locale '" + pack.defaultLocale + "' is not in table locales");

    std::map<std::string, Page> pages;
    for (sql::Stmt st(db, "SELECT id FROM pages ORDER BY id"); st.step();) pages[field(st, 0)].id = field(st, 0);
    auto pageFor = [&](const std::string& id, const char* table) -> Page& {
        auto it = pages.find(id);
        if (it == pages.end()) throw Invalid(std::string("table ") + table + " names page '" + id + "' that is not in table pages");
        return it->second;
    };
    for (sql::Stmt st(db, "SELECT page, audience FROM page_audiences ORDER BY page, audience"); st.step();)
        pageFor(field(st, 0), "page_audiences").audiences.push_back(audience(field(st, 1), "page_audiences"));
    for (sql::Stmt st(db, "SELECT page, locale, title, summary, status, translated_from, stale, markdown FROM page_text");
         st.step();) {
        PageText t;
        t.title = field(st, 2);
        t.summary = field(st, 3);
        t.status = field(st, 4);
        t.translatedFrom = field(st, 5);
        t.stale = st.integer(6) != 0;
        try {
            t.body = parseMarkdown(body(st, 7));
        } catch (const MarkdownError& e) {
            throw Invalid("page '" + field(st, 0) + "' (" + field(st, 1) + "), Markdown line " + std::to_string(e.line) + ": " + e.what());
        }
        pageFor(field(st, 0), "page_text").text[field(st, 1)] = std::move(t);
    }
    for (auto& [id, page] : pages) {
        std::sort(page.audiences.begin(), page.audiences.end());
        if (!page.text.contains(pack.defaultLocale))
            throw Invalid("page '" + id + "' has no text in the default locale " + pack.defaultLocale);
        pack.pages.push_back(std::move(page));
    }

    loadMedia(db, pack);

    for (sql::Stmt st(db, "SELECT audience, page FROM topics ORDER BY audience, position"); st.step();) {
        const std::string page = field(st, 1);
        if (!pack.page(page)) throw Invalid("table topics names page '" + page + "' that is not in table pages");
        pack.topics[audience(field(st, 0), "topics")].push_back(page);
    }

    std::map<std::string, std::size_t> signpostIndex;
    const char* signposts = pack.schemaVersion >= 2 ? "SELECT id, web, verify, verify_fields FROM signposts ORDER BY position"
                                                    : "SELECT id, web, verify, '' FROM signposts ORDER BY position";
    for (sql::Stmt st(db, signposts); st.step();) {
        signpostIndex[field(st, 0)] = pack.signposts.size();
        Signpost s{field(st, 0), {}, field(st, 1), st.integer(2) != 0, splitFields(field(st, 3)), {}, {}};
        for (const std::string& f : s.verifyFields)
            if (f != "phones" && f != "web" && f != "hours") throw Invalid("signpost '" + s.id + "' has unknown verify field '" + f + "'");
        pack.signposts.push_back(std::move(s));
    }
    auto signpostFor = [&](const std::string& id, const char* table) -> Signpost& {
        auto it = signpostIndex.find(id);
        if (it == signpostIndex.end()) throw Invalid(std::string("table ") + table + " names signpost '" + id + "' that is not in table signposts");
        return pack.signposts[it->second];
    };
    for (sql::Stmt st(db, "SELECT signpost, phone FROM signpost_phones ORDER BY signpost, position"); st.step();)
        signpostFor(field(st, 0), "signpost_phones").phones.push_back(field(st, 1));
    for (sql::Stmt st(db, "SELECT signpost, audience FROM signpost_audiences ORDER BY signpost, audience"); st.step();)
        signpostFor(field(st, 0), "signpost_audiences").audiences.push_back(audience(field(st, 1), "signpost_audiences"));
    for (sql::Stmt st(db, "SELECT signpost, locale, name, for_whom, description, hours FROM signpost_text"); st.step();)
        signpostFor(field(st, 0), "signpost_text").text[field(st, 1)] = SignpostText{field(st, 2), field(st, 3), field(st, 4), field(st, 5), {}};
    for (sql::Stmt st(db, "SELECT signpost, locale, label FROM signpost_phone_labels ORDER BY signpost, locale, position"); st.step();) {
        Signpost& s = signpostFor(field(st, 0), "signpost_phone_labels");
        auto it = s.text.find(field(st, 1));
        if (it == s.text.end()) throw Invalid("phone label for signpost '" + s.id + "' in " + field(st, 1) + " has no signpost_text row");
        it->second.phoneLabels.push_back(field(st, 2));
    }
    for (Signpost& s : pack.signposts) {
        std::sort(s.audiences.begin(), s.audiences.end());
        if (!s.text.contains(pack.defaultLocale))
            throw Invalid("signpost '" + s.id + "' has no text in the default locale " + pack.defaultLocale);
    }

    const char* neutral = pack.schemaVersion >= 2 ? "SELECT locale, title, body FROM neutral ORDER BY locale, position"
                                                  : "SELECT locale, title, body FROM neutral"; // one row a locale
    for (sql::Stmt st(db, neutral); st.step();)
        pack.neutral[field(st, 0)].push_back(NeutralScreen{field(st, 1), body(st, 2)});
    if (!pack.neutral.contains(pack.defaultLocale))
        throw Invalid("no neutral screen in the default locale " + pack.defaultLocale);

    for (sql::Stmt st(db, "SELECT locale, key, value FROM strings"); st.step();)
        pack.strings[field(st, 0)][field(st, 1)] = field(st, 2);
    loadPlans(db, pack);
    return pack;
}

// Text from the file (ids, SQLite's reports) must not break the one-line promise.
PackError packError(std::string message) {
    std::replace_if(message.begin(), message.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return PackError(message);
}

} // namespace

bool validPackId(std::string_view id) {
    return !id.empty() && id.size() <= 64 && id[0] != '.' &&
           std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_' || c == '.';
           });
}

Pack readPack(const fs::path& file) {
    const std::string where = "pack " + file.string() + ": ";
    try {
        checkFile(file);
        // Read-only and without immutable=1: a pack replaced on disk must not be served from
        // stale assumptions. The writer uses the rollback journal, so no -wal/-shm is needed.
        sql::Db db(file, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
        std::chrono::steady_clock::time_point deadline;
        guard(db, deadline);
        return load(db, checkIdentity(db));
    } catch (const Invalid& e) {
        throw packError(where + e.what());
    } catch (const sql::Error& e) {
        if (e.code == SQLITE_CORRUPT || e.code == SQLITE_NOTADB || e.code == SQLITE_FORMAT)
            throw packError(where + "the pack is corrupt (" + e.what() + ")");
        if (e.code == SQLITE_INTERRUPT) throw packError(where + "gave up: loading took longer than 30 s");
        if (e.code == SQLITE_TOOBIG) throw packError(where + "a value is larger than the limit of 16 MB");
        if (e.code == SQLITE_CANTOPEN || e.code == SQLITE_PERM || e.code == SQLITE_IOERR)
            throw packError(where + "cannot read the file (" + e.what() + ")");
        throw packError(where + "not a complete Every Voice pack (" + e.what() + ")");
    } catch (const std::bad_alloc&) {
        throw packError(where + "out of memory while loading the pack");
    }
}

} // namespace ev
