#include "pack_reader.h"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <system_error>

#include "pack_schema.h"
#include "pack_sqlite.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

// Reasons that belong to the file's content, as opposed to SQLite failing to read it.
struct Invalid : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void checkFile(const fs::path& file) {
    std::error_code ec;
    const fs::file_status st = fs::status(file, ec);
    if (!fs::exists(st)) throw Invalid("file not found");
    if (!fs::is_regular_file(st)) throw Invalid("not a file");
    const auto size = fs::file_size(file, ec);
    if (ec) throw Invalid("cannot read the file: " + ec.message());
    if (size == 0) throw Invalid("the file is empty");
    std::ifstream in(file, std::ios::binary);
    char header[16] = {};
    if (!in.read(header, sizeof header)) {
        if (!in.is_open()) throw Invalid("cannot read the file: " + std::string(std::strerror(errno)));
        throw Invalid("not an Every Voice pack (too short to be an SQLite database)");
    }
    if (std::memcmp(header, "SQLite format 3", 16) != 0) throw Invalid("not an Every Voice pack (not an SQLite database)");
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

void checkIdentity(sql::Db& db) {
    sql::Stmt appId(db, "PRAGMA application_id");
    if (!appId.step() || appId.integer(0) != kPackApplicationId)
        throw Invalid("not an Every Voice pack (an SQLite database of another kind)");
    // quick_check walks every b-tree page (not index contents): about 16 ms on a 25 MB pack,
    // under 0.1 ms on a text-only one. It turns a truncated or damaged file into one clear
    // error instead of a failure halfway through loading.
    sql::Stmt check(db, "PRAGMA quick_check(1)");
    if (check.step() && check.text(0) != "ok") {
        std::string detail = check.text(0);
        if (detail.starts_with("*** in database main ***\n")) detail.erase(0, 25);
        throw Invalid("the pack is corrupt (" + detail + ")");
    }
}

std::map<std::string, std::string> readMeta(sql::Db& db) {
    std::map<std::string, std::string> meta;
    sql::Stmt st(db, "SELECT key, value FROM meta");
    while (st.step()) meta[st.text(0)] = st.text(1);
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

bool hasTable(sql::Db& db, const char* name) {
    sql::Stmt st(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, name);
    return st.step();
}

// The media table, the narration of each page text, and every image a page shows. The bytes
// are not checked here (a damaged image costs its picture, not the pack); the names are.
void loadMedia(sql::Db& db, Pack& pack) {
    if (hasTable(db, "media")) {
        for (sql::Stmt st(db, "SELECT name, type, bytes FROM media"); st.step();) {
            MediaItem m{st.text(0), st.text(1), st.blob(2)};
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
            const std::string page = st.text(0), locale = st.text(1), name = st.text(2);
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

Pack load(sql::Db& db) {
    Pack pack;
    const auto meta = readMeta(db);
    pack.schemaVersion = static_cast<int>(toInt(meta.at("schema_version"), "schema_version"));
    pack.id = meta.at("pack_id");
    pack.version = toInt(meta.at("pack_version"), "pack_version");
    pack.title = meta.at("title");
    pack.defaultLocale = meta.at("default_locale");
    pack.builtAt = meta.at("built_at");

    for (sql::Stmt st(db, "SELECT tag, status FROM locales ORDER BY position"); st.step();)
        pack.locales.push_back({st.text(0), st.text(1)});
    if (std::none_of(pack.locales.begin(), pack.locales.end(), [&](const LocaleInfo& l) { return l.tag == pack.defaultLocale; }))
        throw Invalid("default locale '" + pack.defaultLocale + "' is not in table locales");

    std::map<std::string, Page> pages;
    for (sql::Stmt st(db, "SELECT id FROM pages ORDER BY id"); st.step();) pages[st.text(0)].id = st.text(0);
    auto pageFor = [&](const std::string& id, const char* table) -> Page& {
        auto it = pages.find(id);
        if (it == pages.end()) throw Invalid(std::string("table ") + table + " names page '" + id + "' that is not in table pages");
        return it->second;
    };
    for (sql::Stmt st(db, "SELECT page, audience FROM page_audiences ORDER BY page, audience"); st.step();)
        pageFor(st.text(0), "page_audiences").audiences.push_back(audience(st.text(1), "page_audiences"));
    for (sql::Stmt st(db, "SELECT page, locale, title, summary, status, translated_from, stale, markdown FROM page_text");
         st.step();) {
        PageText t;
        t.title = st.text(2);
        t.summary = st.text(3);
        t.status = st.text(4);
        t.translatedFrom = st.text(5);
        t.stale = st.integer(6) != 0;
        try {
            t.body = parseMarkdown(st.text(7));
        } catch (const MarkdownError& e) {
            throw Invalid("page '" + st.text(0) + "' (" + st.text(1) + "), Markdown line " + std::to_string(e.line) + ": " + e.what());
        }
        pageFor(st.text(0), "page_text").text[st.text(1)] = std::move(t);
    }
    for (auto& [id, page] : pages) {
        std::sort(page.audiences.begin(), page.audiences.end());
        if (!page.text.contains(pack.defaultLocale))
            throw Invalid("page '" + id + "' has no text in the default locale " + pack.defaultLocale);
        pack.pages.push_back(std::move(page));
    }

    loadMedia(db, pack);

    for (sql::Stmt st(db, "SELECT audience, page FROM topics ORDER BY audience, position"); st.step();) {
        const std::string page = st.text(1);
        if (!pack.page(page)) throw Invalid("table topics names page '" + page + "' that is not in table pages");
        pack.topics[audience(st.text(0), "topics")].push_back(page);
    }

    std::map<std::string, std::size_t> signpostIndex;
    const char* signposts = pack.schemaVersion >= 2 ? "SELECT id, web, verify, verify_fields FROM signposts ORDER BY position"
                                                    : "SELECT id, web, verify, '' FROM signposts ORDER BY position";
    for (sql::Stmt st(db, signposts); st.step();) {
        signpostIndex[st.text(0)] = pack.signposts.size();
        Signpost s{st.text(0), {}, st.text(1), st.integer(2) != 0, splitFields(st.text(3)), {}, {}};
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
        signpostFor(st.text(0), "signpost_phones").phones.push_back(st.text(1));
    for (sql::Stmt st(db, "SELECT signpost, audience FROM signpost_audiences ORDER BY signpost, audience"); st.step();)
        signpostFor(st.text(0), "signpost_audiences").audiences.push_back(audience(st.text(1), "signpost_audiences"));
    for (sql::Stmt st(db, "SELECT signpost, locale, name, for_whom, description, hours FROM signpost_text"); st.step();)
        signpostFor(st.text(0), "signpost_text").text[st.text(1)] = SignpostText{st.text(2), st.text(3), st.text(4), st.text(5), {}};
    for (sql::Stmt st(db, "SELECT signpost, locale, label FROM signpost_phone_labels ORDER BY signpost, locale, position"); st.step();) {
        Signpost& s = signpostFor(st.text(0), "signpost_phone_labels");
        auto it = s.text.find(st.text(1));
        if (it == s.text.end()) throw Invalid("phone label for signpost '" + s.id + "' in " + st.text(1) + " has no signpost_text row");
        it->second.phoneLabels.push_back(st.text(2));
    }
    for (Signpost& s : pack.signposts) {
        std::sort(s.audiences.begin(), s.audiences.end());
        if (!s.text.contains(pack.defaultLocale))
            throw Invalid("signpost '" + s.id + "' has no text in the default locale " + pack.defaultLocale);
    }

    const char* neutral = pack.schemaVersion >= 2 ? "SELECT locale, title, body FROM neutral ORDER BY locale, position"
                                                  : "SELECT locale, title, body FROM neutral"; // one row a locale
    for (sql::Stmt st(db, neutral); st.step();)
        pack.neutral[st.text(0)].push_back(NeutralScreen{st.text(1), st.text(2)});
    if (!pack.neutral.contains(pack.defaultLocale))
        throw Invalid("no neutral screen in the default locale " + pack.defaultLocale);

    for (sql::Stmt st(db, "SELECT locale, key, value FROM strings"); st.step();)
        pack.strings[st.text(0)][st.text(1)] = st.text(2);
    return pack;
}

// Text from the file (ids, SQLite's reports) must not break the one-line promise.
PackError packError(std::string message) {
    std::replace_if(message.begin(), message.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return PackError(message);
}

} // namespace

Pack readPack(const fs::path& file) {
    const std::string where = "pack " + file.string() + ": ";
    try {
        checkFile(file);
        // Read-only and without immutable=1: a pack replaced on disk must not be served from
        // stale assumptions. The writer uses the rollback journal, so no -wal/-shm is needed.
        sql::Db db(file, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
        checkIdentity(db);
        return load(db);
    } catch (const Invalid& e) {
        throw packError(where + e.what());
    } catch (const sql::Error& e) {
        if (e.code == SQLITE_CORRUPT || e.code == SQLITE_NOTADB || e.code == SQLITE_FORMAT)
            throw packError(where + "the pack is corrupt (" + e.what() + ")");
        if (e.code == SQLITE_CANTOPEN || e.code == SQLITE_PERM || e.code == SQLITE_IOERR)
            throw packError(where + "cannot read the file (" + e.what() + ")");
        throw packError(where + "not a complete Every Voice pack (" + e.what() + ")");
    } catch (const std::bad_alloc&) {
        throw packError(where + "out of memory while loading the pack");
    }
}

} // namespace ev
