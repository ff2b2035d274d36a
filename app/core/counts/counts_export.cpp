#include "core/counts/counts_export.h"

#include <chrono>
#include <optional>
#include <string>

#include "core/atomic_file.h"
#include "core/counts/counts.h"
#include "core/counts/counts_reader.h"
#include "core/counts/kiosk_identity.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

// How long to wait for the kiosk's writer to finish a commit before giving up.
constexpr std::chrono::milliseconds kBusyWait{10'000};

} // namespace

CountsCsvWriter exportKioskCounts(const fs::path& stateDir, const Disclosure& disclosure) {
    CountsReader reader(stateDir / "counts.sqlite", kBusyWait);
    KioskIdentity identity = [&] {
        try {
            return KioskIdentity::read(stateDir);
        } catch (const KioskIdentityError& e) {
            throw CountsError(e.what());
        }
    }();

    CountsCsvWriter out;
    try {
        // One statement is one consistent snapshot, however the kiosk writes meanwhile.
        sql::Stmt st(reader.db(),
                     reader.schemaVersion() == 1
                         ? "SELECT hour, event, pack, page, locale, audience, '', n FROM counts ORDER BY hour, event, pack, page, locale, audience"
                         : "SELECT hour, event, pack, page, locale, audience, detail, n FROM counts "
                           "ORDER BY hour, event, pack, page, locale, audience, detail");
        // One row, refilled in place: its strings keep their memory from row to row.
        CountRow r;
        r.kioskId = identity.installId();
        r.venue = identity.venue();
        std::optional<std::int64_t> hour;
        while (st.step()) {
            const std::int64_t n = st.integer(7);
            if (n <= 0) continue;
            // Rows come by hour, a dozen or so to each: the date is worked out once per hour.
            if (hour != st.integer(0)) {
                hour = st.integer(0);
                std::tie(r.date, r.hour) = dateAndHour(*hour);
            }
            r.event = st.view(1);
            r.pack = st.view(2);
            r.page = st.view(3);
            r.locale = st.view(4);
            r.audience = st.view(5);
            r.detail = st.view(6);
            r.count = disclosure.apply(static_cast<std::uint64_t>(n));
            out.add(r);
        }
    } catch (const sql::Error& e) {
        throw reader.fail(e.what());
    }
    return out;
}

std::string countsDamageWarning(const fs::path& stateDir) {
    try {
        return CountsReader(stateDir / "counts.sqlite", kBusyWait).damage();
    } catch (const CountsError&) {
        return {};
    }
}

CountsExported exportCountsFile(const fs::path& stateDir, const CountsExportRequest& request) {
    if (request.pending && !request.pending->flush())
        throw CountsError("the counts could not be saved (" + request.pending->lastError() + ")");
    CountsCsvWriter csv = exportKioskCounts(stateDir, request.disclosure);
    CountsExported done;
    done.file = request.to;
    if (request.name != CountsFileName::Given) {
        const std::string id = [&] {
            try {
                return KioskIdentity::read(stateDir).installId();
            } catch (const KioskIdentityError& e) {
                throw CountsError(e.what());
            }
        }();
        if (request.name == CountsFileName::PerKiosk) {
            done.file = request.to / ("everyvoice-counts-" + id + ".csv");
        } else {
            const auto [date, hour] = dateAndHour(request.nowUnixSeconds / 3600);
            done.file = request.to / ("everyvoice-counts-" + id.substr(0, 8) + "-" + date + "-" + std::to_string(hour) + "h.csv");
            std::error_code ec;
            fs::create_directories(request.to, ec); // the default folder; a USB stick's is there already
        }
    }
    done.rows = csv.rows();
    writeFileAtomically(done.file, csv.take());
    done.damage = countsDamageWarning(stateDir);
    return done;
}

} // namespace ev
