#include "core/pack/minisign.h"

#include "core/durable_file.h"
#include "core/lines.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace ev {

namespace fs = std::filesystem;

namespace {

// Key and signature files are a few hundred bytes; anything much larger is not one.
constexpr std::uintmax_t kMaxSmallFile = 64 * 1024;
constexpr std::string_view kUntrusted = "untrusted comment:";
constexpr std::string_view kTrusted = "trusted comment: ";

void needSodium() {
    if (sodium_init() < 0) throw SignatureError("libsodium could not start");
}

// The lines of a small text file, CR LF taken as LF (a file that passed through Windows).
std::vector<std::string> readLines(const fs::path& file, const std::string& what) {
    std::string text;
    try {
        text = readSmallFile(file, kMaxSmallFile);
    } catch (const FileError& e) {
        throw SignatureError(what + ": " + e.what());
    }
    return splitLines(text);
}

// Decodes exactly n bytes of standard base64, or returns false.
template <std::size_t N>
bool decode(const std::string& b64, std::array<unsigned char, N>& out) {
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), b64.data(), b64.size(), nullptr, &len, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return false;
    return len == N && end == b64.data() + b64.size();
}

std::array<unsigned char, 64> blake2b512(const fs::path& file) {
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 64);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw SignatureError("cannot read " + file.string());
    std::vector<char> buf(1 << 16);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(buf.data()),
                                  static_cast<unsigned long long>(in.gcount()));
    }
    if (in.bad()) throw SignatureError("cannot read " + file.string());
    std::array<unsigned char, 64> hash{};
    crypto_generichash_final(&state, hash.data(), hash.size());
    return hash;
}

} // namespace

std::string keyIdHex(const std::array<unsigned char, 8>& id) {
    std::string hex;
    char byte[3];
    for (auto it = id.rbegin(); it != id.rend(); ++it) {
        std::snprintf(byte, sizeof byte, "%02X", *it);
        hex += byte;
    }
    // minisign prints the id as a number, without leading zeros (one key in 16 has one).
    const auto first = hex.find_first_not_of('0');
    return first == std::string::npos ? "0" : hex.substr(first);
}

PublicKey readPublicKey(const fs::path& file) {
    const auto lines = readLines(file, "public key");
    std::array<unsigned char, 42> raw{};
    if (lines.size() < 2 || !lines[0].starts_with(kUntrusted) || !decode(lines[1], raw))
        throw SignatureError("public key " + file.string() + ": not a minisign public key (.pub file)");
    if (raw[0] != 'E' || raw[1] != 'd')
        throw SignatureError("public key " + file.string() + ": not an Ed25519 minisign key");
    PublicKey k;
    std::copy_n(raw.begin() + 2, 8, k.id.begin());
    std::copy_n(raw.begin() + 10, 32, k.key.begin());
    k.file = file;
    return k;
}

TrustedKeys readPublicKeys(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".pub") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    TrustedKeys trusted;
    for (const fs::path& f : files) {
        try {
            trusted.keys.push_back(readPublicKey(f));
        } catch (const SignatureError& e) {
            trusted.problems.push_back(std::string(e.what()) + " (ignored; the other keys still count)");
        }
    }
    return trusted;
}

Verified verifyMinisign(const fs::path& file, const fs::path& sigFile, const std::vector<PublicKey>& keys) {
    needSodium();
    const auto lines = readLines(sigFile, "signature");
    std::array<unsigned char, 74> sig{};
    std::array<unsigned char, 64> global{};
    if (lines.size() < 4 || !lines[0].starts_with(kUntrusted) || !decode(lines[1], sig) ||
        !lines[2].starts_with(kTrusted) || !decode(lines[3], global))
        throw SignatureError("the signature file is not a minisign signature, or it is damaged");
    if (sig[0] == 'E' && sig[1] == 'd')
        throw SignatureError("legacy minisign signature (made with -l): sign again without -l");
    if (sig[0] != 'E' || sig[1] != 'D') throw SignatureError("the signature file uses an unknown signature algorithm");

    std::array<unsigned char, 8> id{};
    std::copy_n(sig.begin() + 2, 8, id.begin());
    const auto key = std::find_if(keys.begin(), keys.end(), [&](const PublicKey& k) { return k.id == id; });
    if (key == keys.end())
        throw SignatureError("signed with key " + keyIdHex(id) + ", which is not a trusted key here");

    const unsigned char* fileSig = sig.data() + 10;
    const std::string comment = lines[2].substr(kTrusted.size());
    std::vector<unsigned char> signedComment(fileSig, fileSig + 64);
    signedComment.insert(signedComment.end(), comment.begin(), comment.end());
    const bool commentOk = crypto_sign_verify_detached(global.data(), signedComment.data(), signedComment.size(),
                                                       key->key.data()) == 0;
    const auto hash = blake2b512(file);
    const bool fileOk = crypto_sign_verify_detached(fileSig, hash.data(), hash.size(), key->key.data()) == 0;
    // The comment's signature covers the file's signature, so the two results together say
    // which part was altered.
    if (!fileOk && commentOk)
        throw SignatureError("the file does not match its signature (changed after it was signed)");
    if (!fileOk) throw SignatureError("the signature is damaged (it matches neither the file nor its comment)");
    if (!commentOk) throw SignatureError("the trusted comment was changed after signing");
    return {comment, *key};
}

} // namespace ev
