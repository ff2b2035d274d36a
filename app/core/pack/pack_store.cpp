#include "core/pack/pack_store.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/atomic_file.h"
#include "core/durable_file.h"
#include "core/pack/builtin_help.h"
#include "core/pack/minisign.h"
#include "core/pack/pack_reader.h"
#include "core/pack/signed_pack.h"

namespace ev {

namespace fs = std::filesystem;

namespace {

// Where an inbox pack is copied before it is checked: the check reads the kiosk's own copy,
// so a file changed in the inbox meanwhile cannot pass one check and be stored as another.
constexpr const char* kIncoming = ".incoming.evpack";
// A minisign signature is under 400 bytes; a larger .minisig is not one.
constexpr std::uintmax_t kMaxSignatureBytes = 64 * 1024;

// The version in a stored pack's name, "<id>-<version>.evpack".
std::optional<std::int64_t> versionInName(const std::string& name) {
    if (name.empty() || name[0] == '.' || !name.ends_with(".evpack")) return std::nullopt;
    const std::string stem = name.substr(0, name.size() - 7);
    const auto dash = stem.rfind('-');
    if (dash == std::string::npos) return std::nullopt;
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(stem.data() + dash + 1, stem.data() + stem.size(), v);
    if (ec != std::errc() || end != stem.data() + stem.size()) return std::nullopt;
    return v;
}

std::string firstLine(const fs::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

void removeQuietly(const fs::path& f) {
    std::error_code ec;
    fs::remove(f, ec);
}

} // namespace

PackStore::PackStore(const fs::path& stateDir, const Clock& clock, PackStoreSettings settings)
    : stateDir_(stateDir), packs_(stateDir / "packs"), clock_(clock), settings_(std::move(settings)),
      nextPoll_(clock.now() + settings_.pollEvery) {
    if (settings_.trustedKeys.empty()) settings_.trustedKeys = stateDir / "trusted-keys";
    std::error_code ec;
    fs::create_directories(packs_, ec);
    if (ec) throw FileError("cannot create " + packs_.string() + ": " + ec.message());
    // Hidden files are only ever half-written copies (kIncoming, writeFileAtomically's temporaries).
    for (const auto& e : fs::directory_iterator(packs_, ec))
        if (e.path().filename().string().starts_with(".")) removeQuietly(e.path());
    current_ = firstLine(packs_ / "current");
    readHighest();
    findKept();
    status_ = settings_.inbox ? "watching " + settings_.inbox->string() + " for new packs"
                              : "no inbox folder (start with --inbox DIR to receive packs)";
}

void PackStore::readHighest() {
    std::ifstream in(packs_ / "highest");
    std::string id;
    std::int64_t version = 0;
    while (in >> id >> version) highest_[id] = std::max(highest_[id], version);
}

std::int64_t PackStore::highest(const std::string& id) const {
    std::int64_t h = 0;
    if (const auto it = highest_.find(id); it != highest_.end()) h = it->second;
    if (showing_ && showing_->first == id) h = std::max(h, showing_->second);
    return h;
}

void PackStore::setStatus(std::string s, bool log) {
    status_ = std::move(s);
    if (log) std::fprintf(stderr, "everyvoice: packs: %s\n", status_.c_str());
}

std::vector<PublicKey> PackStore::trustedKeys() {
    TrustedKeys trusted = readPublicKeys(settings_.trustedKeys);
    std::string problems;
    for (const std::string& p : trusted.problems) {
        if (reported_.insert(p).second) std::fprintf(stderr, "everyvoice: packs: %s\n", p.c_str());
        problems += (problems.empty() ? "" : "; ") + p;
    }
    keyProblems_ = problems;
    return std::move(trusted.keys);
}

void PackStore::skip(const fs::path& file, const std::string& why) {
    const std::string line = "skipped " + file.string() + ": " + why;
    if (reported_.insert(line).second) std::fprintf(stderr, "everyvoice: packs: %s\n", line.c_str());
}

std::uintmax_t PackStore::copyLimit() const {
    std::error_code ec;
    const fs::space_info space = fs::space(packs_, ec);
    if (ec) return settings_.maxPackBytes;
    const std::uintmax_t room = space.available > settings_.keepFreeBytes ? space.available - settings_.keepFreeBytes : 0;
    return std::min(settings_.maxPackBytes, room);
}

std::optional<Pack> PackStore::openCurrent() {
    const std::vector<PublicKey> keys = trustedKeys();
    std::vector<std::pair<std::int64_t, std::string>> stored;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(packs_, ec))
        if (const auto v = versionInName(e.path().filename().string())) stored.emplace_back(*v, e.path().filename().string());
    std::sort(stored.rbegin(), stored.rend());
    std::vector<std::string> candidates;
    if (!current_.empty()) candidates.push_back(current_);
    for (const auto& [v, name] : stored)
        if (name != current_) candidates.push_back(name);

    for (const std::string& name : candidates) {
        try {
            SignedPack sp = openSignedPack(packs_ / name, keys);
            if (name != current_) {
                writeFileAtomically(packs_ / "current", name + "\n");
                current_ = name;
                findKept();
            }
            showing_ = {sp.pack.id, sp.pack.version};
            return std::move(sp.pack);
        } catch (const PackError& e) {
            setStatus(std::string("passed over a stored pack: ") + e.what(), true);
        } catch (const FileError& e) {
            setStatus(e.what(), true);
        }
    }
    return std::nullopt;
}

std::optional<Millis> PackStore::nextPoll() const {
    if (!settings_.inbox) return std::nullopt;
    return nextPoll_;
}

void PackStore::poll() {
    const Millis now = clock_.now();
    if (!settings_.inbox || now < nextPoll_) return;
    nextPoll_ = now + settings_.pollEvery;
    scan();
}

void PackStore::scan() {
    if (!settings_.inbox) return;
    // A listing is bounded too: an inbox of a million names is not a pack delivery.
    constexpr std::size_t kMaxListed = 10'000;
    std::error_code ec;
    std::vector<fs::path> files;
    for (auto it = fs::directory_iterator(*settings_.inbox, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        if (it->path().extension() != ".evpack") continue;
        // symlink_status: nothing in the inbox is followed, or opened, before it is known to be a file.
        const fs::file_type type = it->symlink_status(ec).type();
        if (type == fs::file_type::regular) files.push_back(it->path());
        else skip(it->path(), type == fs::file_type::symlink     ? "a symbolic link"
                              : type == fs::file_type::directory ? "a folder"
                                                                  : "not a regular file");
        if (files.size() >= kMaxListed) break;
    }
    if (ec) {
        const std::string s = "cannot look in the inbox " + settings_.inbox->string() + ": " + ec.message();
        if (s != status_) setStatus(s, true);
        return;
    }
    std::sort(files.begin(), files.end());
    int examined = 0;
    for (const fs::path& f : files) {
        if (cancelled_ || examined >= settings_.batch) break;
        Seen s;
        const auto st = fs::symlink_status(f, ec);
        s.size = fs::is_regular_file(st) ? fs::file_size(f, ec) : 0;
        s.time = fs::last_write_time(f, ec);
        const fs::path sig = signatureFile(f);
        if (fs::exists(fs::symlink_status(sig, ec))) {
            s.sigSize = fs::is_regular_file(fs::symlink_status(sig, ec)) ? fs::file_size(sig, ec) : 0;
            s.sigTime = fs::last_write_time(sig, ec);
        }
        if (const auto it = seen_.find(f); it != seen_.end() && it->second == s) continue;
        seen_[f] = s;
        ++examined;
        examine(f, false);
    }
}

bool PackStore::examine(const fs::path& file, bool allowOlder) {
    const fs::path incoming = packs_ / kIncoming;
    const std::string name = file.filename().string();
    try {
        // Checked before a byte is copied: the signature's size (a few hundred bytes), then the
        // pack's against the limit and the free space.
        const fs::path sig = signatureFile(file);
        std::error_code ec;
        const bool hasSig = fs::exists(fs::symlink_status(sig, ec));
        if (hasSig) copyUntrusted(sig, signatureFile(incoming), kMaxSignatureBytes);
        else removeQuietly(signatureFile(incoming));
        copyUntrusted(file, incoming, copyLimit());
        SignedPack sp = openSignedPack(incoming, trustedKeys());
        const Pack& p = sp.pack;
        const std::string what = p.id + " version " + std::to_string(p.version);
        const std::int64_t top = highest(p.id);
        if (!allowOlder && p.version <= top) {
            refusedOlder_ = file;
            throw PackError(p.version == top ? what + " was accepted before"
                                             : what + " is older than version " + std::to_string(top) +
                                                   " accepted before (staff can force it)");
        }
        const std::string key = keyIdHex(sp.key.id);
        accept(std::move(sp.pack), incoming);
        setStatus("accepted " + what + " from " + name + ", signed by key " + key + "; it shows from the next start screen",
                  true);
        return true;
    } catch (const std::exception& e) {
        // PackError names the kiosk's copy; the inbox file is what staff can find, so every
        // mention of the copy is given the inbox file's name.
        std::string reason = e.what();
        const std::string prefix = "pack " + incoming.string() + ": ";
        if (reason.starts_with(prefix)) reason.erase(0, prefix.size());
        for (std::size_t at; (at = reason.find(kIncoming)) != std::string::npos;) reason.replace(at, std::strlen(kIncoming), name);
        setStatus("refused " + name + ": " + reason, true);
        removeQuietly(incoming);
        removeQuietly(signatureFile(incoming));
        return false;
    }
}

void PackStore::accept(Pack pack, const fs::path& incoming) {
    const std::string name = pack.id + "-" + std::to_string(pack.version) + ".evpack";
    const fs::path dest = packs_ / name;
    // The signature goes first, so a stored pack never lacks one; neither replaces an open file:
    // the kiosk loads a pack whole and keeps no database open.
    fs::rename(signatureFile(incoming), signatureFile(dest));
    fs::rename(incoming, dest);
    syncFolder(packs_);
    const std::string previous = current_;
    writeFileAtomically(packs_ / "current", name + "\n");
    current_ = name;
    showing_ = {pack.id, pack.version};
    // After `current`: a kill before this line leaves the new pack current and, through
    // highest(), still the newest accepted.
    highest_[pack.id] = std::max(highest_[pack.id], pack.version);
    std::ostringstream out;
    for (const auto& [id, v] : highest_) out << id << ' ' << v << '\n';
    writeFileAtomically(packs_ / "highest", out.str());
    prune(current_, previous);
    findKept();
    update_ = std::move(pack);
    updateOrigin_ = " from the inbox";
}

void PackStore::findKept() {
    // prune() leaves at most the current pack and one other.
    kept_.clear();
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(packs_, ec)) {
        const std::string n = e.path().filename().string();
        if (versionInName(n) && n != current_) kept_ = n;
    }
}

std::string PackStore::kept() const {
    const auto version = versionInName(kept_); // findKept() keeps only names it parses
    if (!version) return {};
    return kept_.substr(0, kept_.rfind('-')) + " version " + std::to_string(*version);
}

bool PackStore::switchToKept() {
    if (kept_.empty()) {
        setStatus("there is no kept pack to go back to", true);
        return false;
    }
    const std::string name = kept_;
    try {
        SignedPack sp = openSignedPack(packs_ / name, trustedKeys());
        writeFileAtomically(packs_ / "current", name + "\n");
        kept_ = current_;
        current_ = name;
        showing_ = {sp.pack.id, sp.pack.version};
        setStatus("staff went back to " + sp.pack.id + " version " + std::to_string(sp.pack.version) +
                      "; it shows from the next start screen",
                  true);
        update_ = std::move(sp.pack);
        updateOrigin_ = ", the kept pack staff chose";
        return true;
    } catch (const std::exception& e) {
        setStatus("cannot go back to " + name + ": " + e.what(), true);
        return false;
    }
}

void PackStore::prune(const std::string& keep1, const std::string& keep2) {
    std::error_code ec;
    std::vector<fs::path> old;
    for (const auto& e : fs::directory_iterator(packs_, ec)) {
        const std::string n = e.path().filename().string();
        if (versionInName(n) && n != keep1 && n != keep2) old.push_back(e.path());
    }
    for (const fs::path& f : old) {
        removeQuietly(signatureFile(f));
        removeQuietly(f);
    }
}

std::optional<Pack> PackStore::takeUpdate() {
    std::optional<Pack> u = std::move(update_);
    update_.reset();
    if (u) setStatus("showing " + u->id + " version " + std::to_string(u->version) + updateOrigin_, true);
    return u;
}

bool PackStore::forceOlder() {
    if (!refusedOlder_) return false;
    const fs::path file = *refusedOlder_;
    refusedOlder_.reset();
    return examine(file, true);
}

StartPack choosePackToStart(PackStore* store, const std::optional<fs::path>& named, const fs::path& defaultPack) {
    StartPack start;
    try {
        std::optional<Pack> stored;
        if (!named && store) stored = store->openCurrent();
        const fs::path file = named ? *named : defaultPack;
        start.pack = stored ? std::move(*stored) : readPack(file);
        start.source = stored ? "the pack store" : file.string();
        start.origin = stored ? StartPack::kFromStore : named ? "from " + file.string() : StartPack::kInstalled;
    } catch (const PackError& e) {
        if (named) throw;
        start.pack = builtInHelpPack();
        start.source = "the help numbers built into the kiosk";
        start.origin = "no pack: only the help numbers built into the kiosk";
        start.builtIn = true;
        start.whyBuiltIn = e.what();
    }
    return start;
}

} // namespace ev
