#pragma once
// minisign signatures, checked with libsodium, so that the comms team can sign packs with the
// stock `minisign` tool. Formats (as minisign 0.11 writes them):
//
//   KEY.pub     untrusted comment: <anything>
//               base64("Ed" || key id[8] || Ed25519 public key[32])
//   FILE.minisig untrusted comment: <anything>
//               base64("ED" || key id[8] || Ed25519 signature of BLAKE2b-512(FILE)[64])
//               trusted comment: <text>
//               base64(Ed25519 signature of (the signature[64] || <text>)[64])
//
// Legacy signatures ("Ed": the file itself signed, `minisign -l`) are refused.
#include <array>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace ev {

struct SignatureError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct PublicKey {
    std::array<unsigned char, 8> id{};
    std::array<unsigned char, 32> key{};
    std::filesystem::path file; // where it was read from, for messages
};

// A key id as minisign prints it ("minisign public key 9A8B..."): the 8 bytes as a
// little-endian number in upper-case hex, without leading zeros.
std::string keyIdHex(const std::array<unsigned char, 8>& id);

// Throws SignatureError, one line, naming the file.
PublicKey readPublicKey(const std::filesystem::path& file);

struct TrustedKeys {
    std::vector<PublicKey> keys;
    std::vector<std::string> problems; // one line per key file that could not be used
};

// Every *.pub in dir, in name order. A missing folder is no keys. A file that is not a
// minisign public key is left out and named in problems: staff must hear of it, but one stray
// file must not stop the other keys (and so the stored packs) from working.
TrustedKeys readPublicKeys(const std::filesystem::path& dir);

struct Verified {
    std::string trustedComment;
    PublicKey key; // the trusted key that made the signature
};

// Checks that sigFile is a minisign signature of file by one of keys, over the file and the
// trusted comment. Throws SignatureError with a one-line reason that says which part failed:
// unreadable or malformed signature, legacy format, unknown key, file changed after signing,
// signature damaged, trusted comment changed.
Verified verifyMinisign(const std::filesystem::path& file, const std::filesystem::path& sigFile,
                        const std::vector<PublicKey>& keys);

} // namespace ev
