#include "counts_export.h"

#include <sqlite3.h>

#include <memory>
#include <string>

#include "counts.h"
#include "kiosk_identity.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

// How long to wait for the kiosk's writer to finish a commit before giving up, in ms.
constexpr int kBusyTimeoutMs = 10'000;

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct Finalize {
    void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};

std::string text(sqlite3_stmt* st, int column) {
    const auto* t = sqlite3_column_text(st, column);
    return t ? reinterpret_cast<const char*>(t) : "";
}

} // namespace

std::vector<CountRow> readKioskCounts(const fs::path& stateDir, const Disclosure& disclosure) {
    const fs::path path = stateDir / "counts.sqlite";
    const auto fail = [&](const std::string& why) { return CountsError(path.string() + ": " + why); };
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw fail("missing (no counts yet, or not a kiosk's state folder)");
    KioskIdentity identity = [&] {
        try {
            return KioskIdentity::read(stateDir);
        } catch (const KioskIdentityError& e) {
            throw CountsError(e.what());
        }
    }();

    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, CloseDb> db(raw);
    if (rc != SQLITE_OK) throw fail(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);

    const auto prepare = [&](const char* sql) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db.get(), sql, -1, &st, nullptr) != SQLITE_OK) throw fail(sqlite3_errmsg(db.get()));
        return std::unique_ptr<sqlite3_stmt, Finalize>(st);
    };
    int version = 0;
    {
        auto st = prepare("PRAGMA user_version");
        if (sqlite3_step(st.get()) != SQLITE_ROW) throw fail(sqlite3_errmsg(db.get()));
        version = sqlite3_column_int(st.get(), 0);
    }
    if (version < 1) throw fail("not a counts database");
    if (version > Counter::kSchemaVersion)
        throw fail("made by a newer kiosk (schema " + std::to_string(version) + "); use a newer everyvoice-pack");
    // One statement is one consistent snapshot, however the kiosk writes meanwhile.
    auto st = prepare(version == 1
                          ? "SELECT hour, event, pack, page, locale, audience, '', n FROM counts ORDER BY hour, event, pack, page, locale, audience"
                          : "SELECT hour, event, pack, page, locale, audience, detail, n FROM counts "
                            "ORDER BY hour, event, pack, page, locale, audience, detail");
    std::vector<CountRow> rows;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(st.get())) == SQLITE_ROW) {
        const sqlite3_int64 n = sqlite3_column_int64(st.get(), 7);
        if (n <= 0) continue;
        CountRow r;
        r.kioskId = identity.installId();
        r.venue = identity.venue();
        std::tie(r.date, r.hour) = dateAndHour(sqlite3_column_int64(st.get(), 0));
        r.event = text(st.get(), 1);
        r.pack = text(st.get(), 2);
        r.page = text(st.get(), 3);
        r.locale = text(st.get(), 4);
        r.audience = text(st.get(), 5);
        r.detail = text(st.get(), 6);
        r.count = disclosure.apply(static_cast<std::uint64_t>(n));
        rows.push_back(std::move(r));
    }
    if (step != SQLITE_DONE) throw fail(sqlite3_errmsg(db.get()));
    return rows;
}

} // namespace ev
