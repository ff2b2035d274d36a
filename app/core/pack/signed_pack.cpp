#include "core/pack/signed_pack.h"

#include <charconv>

#include "core/pack/pack_reader.h"

namespace ev {

namespace fs = std::filesystem;

std::optional<PackClaim> parseTrustedComment(const std::string& comment) {
    constexpr std::string_view kHead = "everyvoice pack=", kVersion = " version=";
    const std::string_view c(comment);
    if (!c.starts_with(kHead)) return std::nullopt;
    const auto v = c.find(kVersion, kHead.size());
    if (v == std::string_view::npos) return std::nullopt;
    PackClaim claim;
    claim.id = std::string(c.substr(kHead.size(), v - kHead.size()));
    if (claim.id.empty() || claim.id.find(' ') != std::string::npos) return std::nullopt;
    const std::string_view n = c.substr(v + kVersion.size());
    const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), claim.version);
    if (n.empty() || ec != std::errc() || end != n.data() + n.size() || claim.version < 1) return std::nullopt;
    return claim;
}

fs::path signatureFile(const fs::path& pack) { return fs::path(pack.string() + ".minisig"); }

SignedPack openSignedPack(const fs::path& file, const std::vector<PublicKey>& keys) {
    const std::string where = "pack " + file.string() + ": ";
    const fs::path sig = signatureFile(file);
    std::error_code ec;
    if (!fs::exists(sig, ec))
        throw PackError(where + file.filename().string() + " has no signature next to it: " + sig.filename().string());
    if (keys.empty()) throw PackError(where + "no trusted public keys to check its signature with");
    Verified v;
    try {
        v = verifyMinisign(file, sig, keys);
    } catch (const SignatureError& e) {
        throw PackError(where + e.what());
    }
    const auto claim = parseTrustedComment(v.trustedComment);
    if (!claim)
        throw PackError(where + "the trusted comment is '" + v.trustedComment +
                        "', not 'everyvoice pack=<id> version=<n>'");
    SignedPack signedPack{readPack(file), v.key};
    const Pack& p = signedPack.pack;
    // Both comments whole and quoted: a stray comma or a wrong number is then plain to see.
    if (p.id != claim->id || p.version != claim->version)
        throw PackError(where + "the trusted comment '" + v.trustedComment + "' does not match this pack, which needs '" +
                        "everyvoice pack=" + p.id + " version=" + std::to_string(p.version) + "'");
    return signedPack;
}

} // namespace ev
