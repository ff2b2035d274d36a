#include "core/session/admin_pin.h"

#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "core/atomic_file.h"

namespace ev {

namespace fs = std::filesystem;

bool AdminPin::valid(std::string_view pin) {
    return pin.size() >= kMinDigits && pin.size() <= kMaxDigits &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void AdminPin::store(const fs::path& stateDir, std::string_view pin) {
    if (!valid(pin))
        throw AdminPinError("the admin PIN must be " + std::to_string(kMinDigits) + " to " + std::to_string(kMaxDigits) +
                            " digits");
    if (sodium_init() < 0) throw AdminPinError("libsodium could not start");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw AdminPinError("not enough memory to hash the admin PIN");
    std::error_code ec;
    fs::create_directories(stateDir, ec);
    if (ec) throw AdminPinError("cannot create " + stateDir.string() + ": " + ec.message());
    try {
        writeFileAtomically(stateDir / kFileName, std::string(hash) + "\n", 0600);
    } catch (const FileError& e) {
        throw AdminPinError(e.what());
    }
}

AdminPin::AdminPin(const fs::path& stateDir, const Clock& clock) : lockFile_(stateDir / kLockFileName), clock_(clock) {
    if (std::ifstream lock(lockFile_); lock) {
        int tries = 0, locks = 0;
        std::int64_t start = 0, end = 0;
        if (lock >> tries >> locks >> start >> end && tries >= 0 && tries < kTriesBeforeLock && locks >= 0 && locks < 64 &&
            start <= end) {
            wrongTries_ = tries;
            locks_ = locks;
            const std::int64_t now = clock_.unixSeconds();
            const std::int64_t length = std::min<std::int64_t>(end - start, kLongestLock.count() / 1000);
            const std::int64_t left = now < start ? length : std::min(end - now, length);
            if (left > 0) {
                lockedUntil_ = clock_.now() + Millis(left * 1000);
                lockStartUnix_ = now < start ? now : start;
                lockEndUnix_ = lockStartUnix_ + length;
            }
        }
    }
    const fs::path file = stateDir / kFileName;
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        whyNotSet_ = "no admin PIN is set, so the admin screen cannot be opened (everyvoice-kiosk --set-admin-pin)";
        return;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        whyNotSet_ = "cannot read " + file.string() + ": " + std::strerror(errno);
        return;
    }
    std::string text(crypto_pwhash_STRBYTES + 1, '\0'); // a longer file is not a hash
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
    if (text.size() >= crypto_pwhash_STRBYTES || !text.starts_with(crypto_pwhash_STRPREFIX)) {
        whyNotSet_ = file.string() + " is not an admin PIN hash; set the PIN again (--set-admin-pin)";
        return;
    }
    if (sodium_init() < 0) {
        whyNotSet_ = "libsodium could not start";
        return;
    }
    hash_ = std::move(text);
}

Millis AdminPin::lockedFor() const { return std::max(Millis(0), lockedUntil_ - clock_.now()); }

AdminPin::Result AdminPin::check(std::string_view pin) {
    if (!isSet()) return Result::NotSet;
    if (lockedFor() > Millis(0)) return Result::Locked;
    if (valid(pin) && crypto_pwhash_str_verify(hash_.c_str(), pin.data(), pin.size()) == 0) {
        const bool had = wrongTries_ > 0 || locks_ > 0;
        wrongTries_ = 0;
        locks_ = 0;
        lockStartUnix_ = lockEndUnix_ = 0;
        if (had) saveLock();
        return Result::Right;
    }
    if (++wrongTries_ < kTriesBeforeLock) {
        saveLock();
        return Result::Wrong;
    }
    wrongTries_ = 0;
    Millis lock = kFirstLock;
    for (int i = 0; i < locks_ && lock < kLongestLock; ++i) lock *= 2;
    ++locks_;
    lock = std::min(lock, kLongestLock);
    lockedUntil_ = clock_.now() + lock;
    lockStartUnix_ = clock_.unixSeconds();
    lockEndUnix_ = lockStartUnix_ + lock.count() / 1000;
    saveLock();
    return Result::Locked;
}

void AdminPin::saveLock() const {
    try {
        writeFileAtomically(lockFile_,
                            std::to_string(wrongTries_) + " " + std::to_string(locks_) + " " + std::to_string(lockStartUnix_) +
                                " " + std::to_string(lockEndUnix_) + "\n",
                            0600);
    } catch (const FileError& e) {
        std::fprintf(stderr, "everyvoice: the admin PIN lock is kept in memory only: %s\n", e.what());
    }
}

} // namespace ev
