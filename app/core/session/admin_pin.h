#pragma once
// The PIN venue staff type on the keypad to open the admin screen and to close the kiosk.
// Only a hash is kept (libsodium crypto_pwhash_str, Argon2id with the interactive limits), in
// <state-dir>/admin-pin, readable by its owner only. Wrong tries lock the keypad for a while.
// The tries and the lock are kept in <state-dir>/admin-pin-lock, so a restart (a power cut
// anyone can cause) neither clears them nor gives fresh tries.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace ev {

struct AdminPinError : std::runtime_error {
    using std::runtime_error::runtime_error; // one line
};

class AdminPin {
public:
    static constexpr const char* kFileName = "admin-pin";
    // "<wrong tries> <locks> <lock start> <lock end>", the last two in Unix seconds (0 0: none).
    static constexpr const char* kLockFileName = "admin-pin-lock";
    static constexpr std::size_t kMinDigits = 4, kMaxDigits = 8;
    static constexpr int kTriesBeforeLock = 5; // wrong tries in a row that lock the keypad
    static constexpr Millis kFirstLock{60'000}; // the first lock: 1 minute; each further one doubles
    static constexpr Millis kLongestLock{24 * 3'600'000}; // doubling stops at a day

    static bool valid(std::string_view pin); // kMinDigits to kMaxDigits ASCII digits, nothing else
    // Hashes pin into <stateDir>/admin-pin (mode 0600), replacing any PIN there. Throws
    // AdminPinError if the PIN is not valid or the file cannot be written.
    static void store(const std::filesystem::path& stateDir, std::string_view pin);

    // Reads <stateDir>/admin-pin. A missing or unreadable file leaves no PIN: isSet() is false
    // and whyNotSet() says why. Reads the lock state: a lock still running goes on for the
    // time it had left; a wall clock now earlier than the lock's start (set backwards) starts
    // the lock again in full.
    AdminPin(const std::filesystem::path& stateDir, const Clock& clock);

    bool isSet() const { return !hash_.empty(); }
    const std::string& whyNotSet() const { return whyNotSet_; }

    enum class Result { Right, Wrong, Locked, NotSet };
    // Checks a typed PIN. While locked nothing is checked. A right PIN clears the wrong tries
    // and the doubling.
    Result check(std::string_view pin);
    int triesLeft() const { return kTriesBeforeLock - wrongTries_; } // before the next lock
    Millis lockedFor() const; // time left of the current lock; zero when not locked

private:
    void saveLock() const; // best effort: a read-only state folder keeps it in memory only

    std::filesystem::path lockFile_;
    const Clock& clock_;
    std::string hash_;
    std::string whyNotSet_;
    int wrongTries_ = 0;
    int locks_ = 0;          // locks since the last right PIN, for the doubling
    Millis lockedUntil_{0};
    std::int64_t lockStartUnix_ = 0, lockEndUnix_ = 0; // the current lock in wall time, for saveLock()
};

} // namespace ev
