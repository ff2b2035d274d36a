#pragma once
// The PIN venue staff type on the keypad to open the admin screen and to close the kiosk.
// Only a hash is kept (libsodium crypto_pwhash_str, Argon2id with the interactive limits), in
// <state-dir>/admin-pin, readable by its owner only. Wrong tries lock the keypad for a while;
// that state lives in memory, so a restart (which needs the machine, not the screen) clears it.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "clock.h"

namespace ev {

struct AdminPinError : std::runtime_error {
    using std::runtime_error::runtime_error; // one line
};

class AdminPin {
public:
    static constexpr const char* kFileName = "admin-pin";
    static constexpr std::size_t kMinDigits = 4, kMaxDigits = 8;
    static constexpr int kTriesBeforeLock = 5; // wrong tries in a row that lock the keypad
    static constexpr Millis kFirstLock{60'000}; // the first lock: 1 minute; each further one doubles
    static constexpr Millis kLongestLock{24 * 3'600'000}; // doubling stops at a day

    static bool valid(std::string_view pin); // kMinDigits to kMaxDigits ASCII digits, nothing else
    // Hashes pin into <stateDir>/admin-pin (mode 0600), replacing any PIN there. Throws
    // AdminPinError if the PIN is not valid or the file cannot be written.
    static void store(const std::filesystem::path& stateDir, std::string_view pin);

    // Reads <stateDir>/admin-pin. A missing or unreadable file leaves no PIN: isSet() is false
    // and whyNotSet() says why.
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
    const Clock& clock_;
    std::string hash_;
    std::string whyNotSet_;
    int wrongTries_ = 0;
    int locks_ = 0;          // locks since the last right PIN, for the doubling
    Millis lockedUntil_{0};
};

} // namespace ev
