#pragma once
// The kiosk's own copies of signed packs, and the inbox new ones arrive in (a USB stick or a
// synced folder). Layout in the state folder (docs/pack-format.md "On the kiosk"):
//
//   trusted-keys/*.pub          minisign public keys whose packs are accepted
//   packs/<id>-<version>.evpack a pack accepted from the inbox, with its .minisig
//   packs/current               the file name of the pack to show, replaced atomically
//   packs/highest               "<id> <version>" lines: the newest version accepted per pack
//
// A kill or power cut at any moment leaves `current` naming a whole, signed pack (or no
// `current`, before the first update): files are copied under a temporary name, fsync'd,
// renamed, and only then named in `current`. No UI: the kiosk asks for the accepted pack at
// the attract screen, and the admin screen shows status().
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/clock.h"
#include "core/pack/content.h"
#include "core/pack/minisign.h"

namespace ev {

struct PackStoreSettings {
    // The inbox folder to watch; none means no updates (the kiosk's --inbox DIR).
    std::optional<std::filesystem::path> inbox;
    // How often the inbox is looked at: a directory listing, and a copy and check only of a
    // pack not seen before. Default 5 s.
    Millis pollEvery{5'000};
    // The largest pack (or signature) copied from the inbox, in bytes; default 200 MB, about
    // eight times the largest pack with pictures and narration in every language.
    std::uintmax_t maxPackBytes = 200ull << 20;
    // Free space in the state folder that a copy must leave, in bytes; default 64 MB, so counts
    // and the admin PIN can still be written.
    std::uintmax_t keepFreeBytes = 64ull << 20;
    // Inbox files examined (copied and checked) per look; the rest wait for the next. Default 100.
    int batch = 100;
    // The minisign public keys (*.pub) of those whose packs are accepted; empty: the state
    // folder's trusted-keys (an installed kiosk's kiosk.toml names /etc/everyvoice/trusted-keys).
    std::filesystem::path trustedKeys;
};

// What the admin screen reads of the packs and may ask for (a second tap confirms each).
class PackChoices {
public:
    virtual ~PackChoices() = default;
    // One line: what the last look at the inbox found.
    virtual std::string status() const = 0;
    // The inbox file last refused only because its version is lower than one accepted before;
    // empty when there is none.
    virtual std::string refusedOlder() const = 0;
    // The stored pack kept from before the last switch, as "<id> version <n>"; empty if none.
    virtual std::string kept() const = 0;
    // Staff override of the rollback rule: accepts that pack. False when there is none.
    virtual bool forceOlder() = 0;
    // Makes the kept pack current again (the one it replaces is kept in turn), for a new pack
    // that turns out wrong. False, with the reason in status(), if there is none or it fails.
    virtual bool switchToKept() = 0;
};

class PackStore final : public PackChoices {
public:
    // Creates <stateDir>/packs if needed and removes what an interrupted copy left. Throws
    // FileError (durable_file.h) if the folder cannot be made.
    PackStore(const std::filesystem::path& stateDir, const Clock& clock, PackStoreSettings settings);

    // The pack to start with: the one `current` names if it opens and its signature holds,
    // else the newest stored pack that does; nullopt when none does (the kiosk then shows its
    // built-in pack). Each pack passed over is said on stderr.
    std::optional<Pack> openCurrent();

    // When poll() next has something to do; nullopt without an inbox.
    std::optional<Millis> nextPoll() const;
    // If due, scan()s the inbox.
    void poll();
    // Looks at the inbox now. A pack not seen before whose signature is by a trusted key
    // and whose version is newer than any accepted for its id is copied into the store,
    // opened and checked, made current, and held for takeUpdate(). Anything else is refused
    // with the reason in status() and on stderr; only regular files are opened (a link, FIFO,
    // device or folder is skipped with one line), none larger than the limits of
    // PackStoreSettings, at most `batch` of them. Never throws. Takes seconds for a large
    // pack: the kiosk calls it on a worker thread (shell/pack_updates.h), never the screen's.
    void scan();
    // Makes a scan() running on another thread stop after the file it is on.
    void cancel() { cancelled_ = true; }

    bool hasUpdate() const { return update_.has_value(); }
    // The accepted pack, handed over once, for the kiosk to show from its next attract screen.
    std::optional<Pack> takeUpdate();

    // Also names any trusted key file that could not be used.
    std::string status() const override { return keyProblems_.empty() ? status_ : status_ + "; " + keyProblems_; }

    // Staff choices on the admin screen. A pack either one accepts shows from the next attract
    // screen, like an update from the inbox, and its signature is checked again first.
    std::string refusedOlder() const override {
        return refusedOlder_ ? refusedOlder_->filename().string() : std::string();
    }
    bool forceOlder() override;
    std::string kept() const override;
    bool switchToKept() override;

private:
    struct Seen {
        std::uintmax_t size = 0, sigSize = 0;
        std::filesystem::file_time_type time, sigTime;
        bool operator==(const Seen&) const = default;
    };
    bool examine(const std::filesystem::path& file, bool allowOlder); // true if accepted
    void accept(Pack pack, const std::filesystem::path& incoming);
    std::int64_t highest(const std::string& id) const;
    void readHighest();
    void prune(const std::string& keep1, const std::string& keep2);
    void setStatus(std::string s, bool log);
    void findKept();
    std::vector<PublicKey> trustedKeys(); // reports each unusable key file once
    std::uintmax_t copyLimit() const;      // the most bytes an inbox file may have now
    void skip(const std::filesystem::path& file, const std::string& why);

    std::filesystem::path stateDir_, packs_;
    const Clock& clock_;
    PackStoreSettings settings_;
    Millis nextPoll_;
    std::string current_;                        // file name in packs/, empty before any
    std::string kept_;                           // the other stored pack's file name, if any
    std::optional<std::pair<std::string, std::int64_t>> showing_; // id and version of current_
    std::map<std::string, std::int64_t> highest_; // from packs/highest
    std::map<std::filesystem::path, Seen> seen_;   // inbox files already examined, as they were
    std::optional<std::filesystem::path> refusedOlder_;
    std::optional<Pack> update_;
    std::string updateOrigin_; // where update_ came from, for the status line
    std::string status_;
    std::string keyProblems_;                  // trusted key files ignored, for status()
    std::set<std::string> reported_;           // lines said once: skipped files, bad keys
    std::atomic<bool> cancelled_{false};
};

// The pack a kiosk starts with, and where it came from.
struct StartPack {
    Pack pack;
    // For the admin screen's pack line, so staff can tell the pack the kiosk was installed
    // with from a signed pack of the same version: kFromStore, kInstalled, "from FILE" or
    // "no pack: ...".
    std::string origin;
    // For the kiosk's log: "the pack store", the file read, or the built-in help numbers.
    std::string source;
    // No pack opened and these are the help numbers built into the kiosk; whyBuiltIn says why.
    bool builtIn = false;
    std::string whyBuiltIn;

    static constexpr const char* kFromStore = "signed, from the kiosk's pack store"; // from the inbox
    static constexpr const char* kInstalled = "built in (no signed pack accepted yet)"; // the default pack file
};

// Which pack to start with: `named` (--pack) if given, else the store's current pack
// (openCurrent()), else the default pack file installed with the kiosk, else the help numbers
// built into it (builtInHelpPack(), with the reason in whyBuiltIn) so that a kiosk with no
// pack at all still shows where to get help. A pack that is named and does not open throws
// PackError: whoever named it is testing and hears why. store may be null (a state folder
// that cannot be written).
StartPack choosePackToStart(PackStore* store, const std::optional<std::filesystem::path>& named,
                            const std::filesystem::path& defaultPack);

} // namespace ev
