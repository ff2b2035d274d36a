#include "counts_export.h"

#include <chrono>
#include <string>

#include "counts_reader.h"
#include "kiosk_identity.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

// How long to wait for the kiosk's writer to finish a commit before giving up.
constexpr std::chrono::milliseconds kBusyWait{10'000};

} // namespace

std::vector<CountRow> readKioskCounts(const fs::path& stateDir, const Disclosure& disclosure) {
    CountsReader reader(stateDir / "counts.sqlite", kBusyWait);
    KioskIdentity identity = [&] {
        try {
            return KioskIdentity::read(stateDir);
        } catch (const KioskIdentityError& e) {
            throw CountsError(e.what());
        }
    }();

    std::vector<CountRow> rows;
    try {
        // One statement is one consistent snapshot, however the kiosk writes meanwhile.
        sql::Stmt st(reader.db(),
                     reader.schemaVersion() == 1
                         ? "SELECT hour, event, pack, page, locale, audience, '', n FROM counts ORDER BY hour, event, pack, page, locale, audience"
                         : "SELECT hour, event, pack, page, locale, audience, detail, n FROM counts "
                           "ORDER BY hour, event, pack, page, locale, audience, detail");
        while (st.step()) {
            const std::int64_t n = st.integer(7);
            if (n <= 0) continue;
            CountRow r;
            r.kioskId = identity.installId();
            r.venue = identity.venue();
            std::tie(r.date, r.hour) = dateAndHour(st.integer(0));
            r.event = st.text(1);
            r.pack = st.text(2);
            r.page = st.text(3);
            r.locale = st.text(4);
            r.audience = st.text(5);
            r.detail = st.text(6);
            r.count = disclosure.apply(static_cast<std::uint64_t>(n));
            rows.push_back(std::move(r));
        }
    } catch (const sql::Error& e) {
        throw reader.fail(e.what());
    }
    return rows;
}

} // namespace ev
