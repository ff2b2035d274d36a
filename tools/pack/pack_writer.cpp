#include "pack_writer.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <set>

#include "core/atomic_file.h"
#include "core/pack/media.h"
#include "core/pack/pack_reader.h"
#include "core/pack/pack_schema.h"
#include "core/pack/pack_sqlite.h"

namespace evpack {

namespace fs = std::filesystem;

namespace {

// Only the assets a page uses go in: a folder's drafts and spare files stay out of packs.
void insertMedia(ev::sql::Db& db, const Source& src) {
    std::set<std::string> used;
    ev::sql::Stmt narration(db, "INSERT INTO page_narration (page, locale, media) VALUES (?, ?, ?)");
    for (const ev::Page& p : src.pack.pages) {
        for (const auto& [tag, t] : p.text) {
            for (const ev::Block& b : t.body.blocks)
                if (b.kind == ev::Block::Kind::Image) used.insert(b.image);
            if (t.narration.empty()) continue;
            used.insert(t.narration);
            narration.bind(1, p.id).bind(2, tag).bind(3, t.narration).run();
        }
    }
    ev::sql::Stmt media(db, "INSERT INTO media (name, type, bytes) VALUES (?, ?, ?)");
    for (const std::string& name : used) {
        const std::vector<std::uint8_t> bytes = src.assetBytes(name);
        media.bind(1, name).bind(2, ev::mediaTypeFor(name)).bind(3, std::span<const std::uint8_t>(bytes)).run();
    }
}

const char* partKind(ev::PagePart::Kind k) {
    switch (k) {
    case ev::PagePart::Kind::Heading: return "heading";
    case ev::PagePart::Kind::Blocks: return "blocks";
    case ev::PagePart::Kind::WholePage: break;
    }
    return "page";
}

void insertPlans(ev::sql::Db& db, const ev::Pack& pack) {
    ev::sql::Stmt plan(db, "INSERT INTO plans (id, minutes, question) VALUES (?, ?, ?)");
    ev::sql::Stmt audience(db, "INSERT INTO plan_audiences (plan, audience) VALUES (?, ?)");
    ev::sql::Stmt step(db, "INSERT INTO plan_steps (plan, position, page, part, part_first, part_last) VALUES (?, ?, ?, ?, ?, ?)");
    ev::sql::Stmt signpost(db, "INSERT INTO plan_signposts (plan, position, signpost) VALUES (?, ?, ?)");
    ev::sql::Stmt answer(db, "INSERT INTO plan_answers (plan, position, id) VALUES (?, ?, ?)");
    ev::sql::Stmt text(db, "INSERT INTO plan_text (plan, locale, title, summary, status, translated_from, stale, question)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    ev::sql::Stmt stepText(db, "INSERT INTO plan_step_text (plan, locale, position, prompt, notes) VALUES (?, ?, ?, ?, ?)");
    ev::sql::Stmt answerText(db, "INSERT INTO plan_answer_text (plan, locale, position, label) VALUES (?, ?, ?, ?)");
    auto at = [](std::size_t i) { return static_cast<std::int64_t>(i); };
    for (const ev::Plan& p : pack.plans) {
        plan.bind(1, p.id).bind(2, std::int64_t{p.minutes}).bind(3, p.question ? p.question->id : std::string()).run();
        for (ev::Audience a : p.audiences) audience.bind(1, p.id).bind(2, ev::audienceId(a)).run();
        for (std::size_t i = 0; i < p.steps.size(); ++i)
            step.bind(1, p.id).bind(2, at(i)).bind(3, p.steps[i].page).bind(4, partKind(p.steps[i].part.kind))
                .bind(5, std::int64_t{p.steps[i].part.first}).bind(6, std::int64_t{p.steps[i].part.last}).run();
        for (std::size_t i = 0; i < p.signposts.size(); ++i) signpost.bind(1, p.id).bind(2, at(i)).bind(3, p.signposts[i]).run();
        if (p.question)
            for (std::size_t i = 0; i < p.question->answerIds.size(); ++i) answer.bind(1, p.id).bind(2, at(i)).bind(3, p.question->answerIds[i]).run();
        for (const auto& [tag, t] : p.text) {
            text.bind(1, p.id).bind(2, tag).bind(3, t.title).bind(4, t.summary).bind(5, t.status).bind(6, t.translatedFrom);
            text.bind(7, std::int64_t{t.stale}).bind(8, t.question).run();
            for (std::size_t i = 0; i < t.steps.size(); ++i)
                stepText.bind(1, p.id).bind(2, tag).bind(3, at(i)).bind(4, t.steps[i].prompt).bind(5, t.steps[i].notes).run();
            for (std::size_t i = 0; i < t.answers.size(); ++i) answerText.bind(1, p.id).bind(2, tag).bind(3, at(i)).bind(4, t.answers[i]).run();
        }
    }
}

void insertAll(ev::sql::Db& db, const Source& src, const std::string& builtAt) {
    const ev::Pack& pack = src.pack;
    {
        ev::sql::Stmt st(db, "INSERT INTO meta (key, value) VALUES (?, ?)");
        const std::pair<const char*, std::string> meta[] = {
            {"schema_version", std::to_string(ev::kPackSchemaVersion)},
            {"pack_id", pack.id},
            {"pack_version", std::to_string(pack.version)},
            {"title", pack.title},
            {"default_locale", pack.defaultLocale},
            {"built_at", builtAt},
        };
        for (const auto& [key, value] : meta) st.bind(1, key).bind(2, value).run();
        // Only when there are questions: a pack without them is byte for byte what it was.
        if (!pack.questions.empty()) st.bind(1, "visit_questions").bind(2, ev::questionsText(pack.questions)).run();
    }
    {
        ev::sql::Stmt st(db, "INSERT INTO locales (position, tag, status) VALUES (?, ?, ?)");
        std::int64_t position = 0;
        for (const ev::LocaleInfo& l : pack.locales) st.bind(1, position++).bind(2, l.tag).bind(3, l.status).run();
    }
    {
        ev::sql::Stmt page(db, "INSERT INTO pages (id) VALUES (?)");
        ev::sql::Stmt audience(db, "INSERT INTO page_audiences (page, audience) VALUES (?, ?)");
        ev::sql::Stmt text(db, "INSERT INTO page_text (page, locale, title, summary, status, translated_from, stale, markdown)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (const ev::Page& p : pack.pages) {
            page.bind(1, p.id).run();
            for (ev::Audience a : p.audiences) audience.bind(1, p.id).bind(2, ev::audienceId(a)).run();
            for (const auto& [tag, t] : p.text) {
                text.bind(1, p.id).bind(2, tag).bind(3, t.title).bind(4, t.summary).bind(5, t.status).bind(6, t.translatedFrom);
                text.bind(7, std::int64_t{t.stale}).bind(8, src.files.at(p.id).at(tag).markdown).run();
            }
        }
    }
    {
        ev::sql::Stmt st(db, "INSERT INTO topics (audience, position, page) VALUES (?, ?, ?)");
        for (const auto& [audience, ids] : pack.topics) {
            std::int64_t position = 0;
            for (const std::string& id : ids) st.bind(1, ev::audienceId(audience)).bind(2, position++).bind(3, id).run();
        }
    }
    {
        ev::sql::Stmt sign(db, "INSERT INTO signposts (position, id, web, verify, verify_fields) VALUES (?, ?, ?, ?, ?)");
        ev::sql::Stmt phone(db, "INSERT INTO signpost_phones (signpost, position, phone) VALUES (?, ?, ?)");
        ev::sql::Stmt audience(db, "INSERT INTO signpost_audiences (signpost, audience) VALUES (?, ?)");
        ev::sql::Stmt text(db, "INSERT INTO signpost_text (signpost, locale, name, for_whom, description, hours)"
                               " VALUES (?, ?, ?, ?, ?, ?)");
        ev::sql::Stmt label(db, "INSERT INTO signpost_phone_labels (signpost, locale, position, label) VALUES (?, ?, ?, ?)");
        std::int64_t position = 0;
        for (std::size_t i = 0; i < pack.signposts.size(); ++i) {
            const ev::Signpost& s = pack.signposts[i];
            std::string fields;
            for (const std::string& f : s.verifyFields) fields += (fields.empty() ? "" : " ") + f;
            sign.bind(1, position++).bind(2, s.id).bind(3, s.web).bind(4, std::int64_t{s.verify}).bind(5, fields).run();
            for (std::size_t i = 0; i < s.phones.size(); ++i)
                phone.bind(1, s.id).bind(2, static_cast<std::int64_t>(i)).bind(3, s.phones[i]).run();
            for (ev::Audience a : s.audiences) audience.bind(1, s.id).bind(2, ev::audienceId(a)).run();
            for (const auto& [tag, t] : s.text) {
                if (tag != pack.defaultLocale && src.signposts[i].stale(tag)) continue;
                text.bind(1, s.id).bind(2, tag).bind(3, t.name).bind(4, t.forWhom).bind(5, t.description).bind(6, t.hours).run();
                for (std::size_t i = 0; i < t.phoneLabels.size(); ++i)
                    label.bind(1, s.id).bind(2, tag).bind(3, static_cast<std::int64_t>(i)).bind(4, t.phoneLabels[i]).run();
            }
        }
    }
    {
        ev::sql::Stmt st(db, "INSERT INTO neutral (locale, position, title, body) VALUES (?, ?, ?, ?)");
        for (const auto& [tag, items] : pack.neutral)
            for (std::size_t i = 0; i < items.size(); ++i)
                st.bind(1, tag).bind(2, static_cast<std::int64_t>(i)).bind(3, items[i].title).bind(4, items[i].body).run();
    }
    {
        ev::sql::Stmt st(db, "INSERT INTO strings (locale, key, value) VALUES (?, ?, ?)");
        for (const auto& [tag, strings] : pack.strings) {
            const auto stale = src.staleStrings.find(tag);
            for (const auto& [key, value] : strings)
                if (stale == src.staleStrings.end() || !stale->second.contains(key)) st.bind(1, tag).bind(2, key).bind(3, value).run();
        }
    }
    insertMedia(db, src);
    insertPlans(db, pack);
}

} // namespace

std::string buildDay() {
    std::time_t now = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) now = static_cast<std::time_t>(std::atoll(epoch));
    std::tm tm{};
    gmtime_r(&now, &tm);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    return day;
}

void writePack(const Source& src, const fs::path& out, const std::string& builtAt) {
    // A build stopped part way (Ctrl-C, a kill) leaves its temporary and SQLite's journal of it.
    ev::removeOrphanedTemporaries(out);
    const fs::path tmp = ev::temporaryFor(out, "pack");
    std::error_code ec;
    fs::remove(tmp, ec);
    try {
        {
            ev::sql::Db db(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            db.exec(("PRAGMA application_id = " + std::to_string(ev::kPackApplicationId)).c_str());
            db.exec("PRAGMA journal_mode = DELETE");
            db.exec("BEGIN");
            db.exec(ev::kPackSchemaSql);
            insertAll(db, src, builtAt);
            db.exec("COMMIT");
        }
        // The new file must be whole on disk before it replaces the old one.
        if (FILE* f = std::fopen(tmp.c_str(), "rb")) {
            fsync(fileno(f));
            std::fclose(f);
        }
        fs::rename(tmp, out);
    } catch (const ev::sql::Error& e) {
        fs::remove(tmp, ec);
        throw std::runtime_error(out.string() + ": cannot write the pack: " + e.what());
    } catch (const fs::filesystem_error& e) {
        fs::remove(tmp, ec);
        throw std::runtime_error(out.string() + ": cannot write the pack: " + e.code().message());
    }
}

} // namespace evpack
