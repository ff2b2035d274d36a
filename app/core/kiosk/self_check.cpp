#include "core/kiosk/self_check.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <ctime>

#include "core/pack/minisign.h"
#include "core/pack/pack_reader.h"
#include "core/pack/pack_store.h"
#include "core/session/admin_pin.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

using Level = CheckResult::Level;

CheckResult checkPack(const SelfCheckSettings& s, const Clock& clock, std::optional<Pack>& pack) {
    if (s.shown) return {"pack", Level::Pass, s.shown->id + " version " + std::to_string(s.shown->version) + " is showing"};
    try {
        std::string from;
        if (s.pack) {
            pack = readPack(*s.pack);
            from = s.pack->string();
        } else {
            PackStoreSettings storeSettings;
            storeSettings.trustedKeys = s.trustedKeys;
            PackStore store(s.stateDir, clock, storeSettings);
            pack = store.openCurrent(); // its signature is checked as it opens
            from = pack ? "the pack store, signature checked" : s.defaultPack.string();
            if (!pack) pack = readPack(s.defaultPack);
        }
        return {"pack", Level::Pass, pack->id + " version " + std::to_string(pack->version) + " opens (" + from + ")"};
    } catch (const std::exception& e) { // PackError, FileError
        return {"pack", Level::Fail, e.what()};
    }
}

CheckResult checkKeys(const fs::path& dir) {
    try {
        const TrustedKeys trusted = readPublicKeys(dir);
        // The kiosk ignores a key file it cannot read, but staff must hear of it here.
        if (!trusted.problems.empty()) {
            std::string problems;
            for (const std::string& p : trusted.problems) problems += (problems.empty() ? "" : "; ") + p;
            return {"trusted keys", Level::Fail, problems};
        }
        const std::vector<PublicKey>& keys = trusted.keys;
        if (keys.empty())
            return {"trusted keys", Level::Warn, "none in " + dir.string() + ": no new pack can be accepted"};
        std::string ids;
        for (const PublicKey& k : keys) ids += (ids.empty() ? "" : ", ") + keyIdHex(k.id);
        return {"trusted keys", Level::Pass, std::to_string(keys.size()) + " in " + dir.string() + " (" + ids + ")"};
    } catch (const SignatureError& e) {
        return {"trusted keys", Level::Fail, e.what()};
    }
}

CheckResult checkStateDir(const fs::path& dir, std::uintmax_t reserve) {
    const fs::path probe = dir / ".self-check";
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return {"state folder", Level::Fail, dir.string() + " is not writable: " + std::strerror(errno)};
    const bool written = ::write(fd, "ok\n", 3) == 3 && ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    ::unlink(probe.c_str());
    if (!written) return {"state folder", Level::Fail, "cannot write to " + dir.string() + ": " + std::strerror(err)};
    std::error_code ec;
    const fs::space_info space = fs::space(dir, ec);
    if (ec) return {"state folder", Level::Fail, "cannot tell the free space of " + dir.string() + ": " + ec.message()};
    const auto mb = [](std::uintmax_t b) { return std::to_string(b >> 20) + " MB"; };
    if (space.available < reserve)
        return {"state folder", Level::Fail, dir.string() + " has " + mb(space.available) + " free, below the " + mb(reserve) + " reserve"};
    return {"state folder", Level::Pass, dir.string() + " writable, " + mb(space.available) + " free"};
}

CheckResult checkCounts(const fs::path& dir) {
    const fs::path file = dir / "counts.sqlite";
    std::error_code ec;
    if (!fs::exists(file, ec)) return {"counts", Level::Pass, "no counts yet (" + file.string() + " is made at the first start)"};
    sqlite3* db = nullptr;
    std::string problem;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        problem = sqlite3_errmsg(db);
    } else {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, nullptr) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
            problem = sqlite3_errmsg(db);
        else if (const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, 0)); !t || std::string(t) != "ok")
            problem = t ? t : "no answer";
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    if (!problem.empty())
        return {"counts", Level::Fail, file.string() + " fails quick_check (" + problem + "); the kiosk sets it aside at start"};
    return {"counts", Level::Pass, file.string() + " passes quick_check"};
}

CheckResult checkPin(const fs::path& dir, const Clock& clock) {
    const AdminPin pin(dir, clock);
    if (pin.isSet()) return {"pin", Level::Pass, "set"};
    return {"pin", Level::Fail, pin.whyNotSet()}; // it says how to set one
}

// Days since the epoch of "YYYY-MM-DD", or nullopt.
std::optional<std::int64_t> epochDay(const std::string& day) {
    std::tm tm{};
    if (day.size() != 10 || !::strptime(day.c_str(), "%Y-%m-%d", &tm)) return std::nullopt;
    return static_cast<std::int64_t>(::timegm(&tm)) / 86400;
}

CheckResult checkClock(const Pack& pack, const Clock& clock) {
    const std::int64_t now = clock.unixSeconds();
    const std::time_t t = now;
    char today[32] = "?";
    if (std::tm tm{}; ::gmtime_r(&t, &tm)) std::strftime(today, sizeof today, "%Y-%m-%d %H:%M UTC", &tm);
    const auto built = epochDay(pack.builtAt);
    if (!built) return {"clock", Level::Warn, std::string(today) + "; the pack has no build day to compare with"};
    if (now / 86400 < *built)
        return {"clock", Level::Fail, std::string(today) + " is before the pack's build day " + pack.builtAt +
                                          ": set the clock (timedatectl), or counts go to the wrong hours"};
    return {"clock", Level::Pass, std::string(today) + ", not before the pack's build day " + pack.builtAt};
}

} // namespace

std::string checkLine(const CheckResult& r) {
    const char* mark = r.level == Level::Pass ? "ok  " : r.level == Level::Warn ? "WARN" : "FAIL";
    return std::string(mark) + " " + r.name + ": " + r.detail;
}

bool anyFailed(const std::vector<CheckResult>& results) {
    return std::any_of(results.begin(), results.end(), [](const CheckResult& r) { return r.level == Level::Fail; });
}

std::string healthSummary(const std::vector<CheckResult>& results) {
    std::string failed, warned;
    int nFailed = 0, nWarned = 0;
    for (const CheckResult& r : results) {
        if (r.level == Level::Fail) failed += (nFailed++ ? ", " : "") + r.name;
        if (r.level == Level::Warn) warned += (nWarned++ ? ", " : "") + r.name;
    }
    if (!nFailed && !nWarned) return "all " + std::to_string(results.size()) + " checks pass";
    std::string out;
    if (nFailed) out = std::to_string(nFailed) + " failed (" + failed + ")";
    if (nWarned)
        out += (out.empty() ? "" : ", ") + std::to_string(nWarned) + (nWarned == 1 ? " warning (" : " warnings (") + warned + ")";
    return out;
}

CoreChecks runCoreChecks(const SelfCheckSettings& s, const Clock& clock) {
    CoreChecks c;
    c.results.push_back(checkPack(s, clock, c.pack));
    c.results.push_back(checkKeys(s.trustedKeys));
    c.results.push_back(checkStateDir(s.stateDir, s.reserveBytes));
    c.results.push_back(checkCounts(s.stateDir));
    c.results.push_back(checkPin(s.stateDir, clock));
    if (const Pack* p = s.shown ? s.shown : c.pack ? &*c.pack : nullptr) c.results.push_back(checkClock(*p, clock));
    else c.results.push_back({"clock", Level::Fail, "no pack to compare with"});
    return c;
}

} // namespace ev
