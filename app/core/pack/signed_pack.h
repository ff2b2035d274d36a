#pragma once
// A pack with its minisign signature: the one check that both the kiosk and
// `everyvoice-pack verify` make before a pack may be shown. See docs/pack-format.md "Signing".
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/pack/content.h"
#include "core/pack/minisign.h"

namespace ev {

// What a trusted comment says about the pack it signs. The comment is exactly
//   everyvoice pack=<id> version=<n>
// (one space between words, <n> a whole number of 1 or more), as given to
// `minisign -S -m FILE.evpack -t "everyvoice pack=default version=3"`.
struct PackClaim {
    std::string id;
    std::int64_t version = 0;
};
std::optional<PackClaim> parseTrustedComment(const std::string& comment);

// FILE.evpack.minisig, where minisign writes the signature of FILE.evpack.
std::filesystem::path signatureFile(const std::filesystem::path& pack);

struct SignedPack {
    Pack pack;
    PublicKey key; // the trusted key that signed it
};

// Checks, in this order, and throws PackError "pack FILE: reason" at the first failure:
// the signature (signatureFile(file)) is made by one of keys over the file and the trusted
// comment; the comment has the syntax above; readPack reads the file; the pack's own id and
// version are those of the comment. The SQLite file is opened only once the signature holds.
SignedPack openSignedPack(const std::filesystem::path& file, const std::vector<PublicKey>& keys);

} // namespace ev
