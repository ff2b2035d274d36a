#include "sign_command.h"

#include <stdexcept>
#include <string>

#include "core/durable_file.h"
#include "core/pack/pack_reader.h"
#include "core/pack/signed_pack.h"
#include "child_process.h"

namespace evpack {

namespace fs = std::filesystem;

std::string trustedCommentFor(const fs::path& pack) {
    const ev::Pack p = ev::readPack(pack);
    return "everyvoice pack=" + p.id + " version=" + std::to_string(p.version);
}

int signPack(const fs::path& pack, const fs::path& secretKey) {
    const std::string comment = trustedCommentFor(pack);
    if (!fs::exists(secretKey)) throw std::runtime_error("no secret key " + secretKey.string());
    return waitFor(spawn({"minisign", "-S", "-s", secretKey.string(), "-m", pack.string(), "-t", comment}, {}));
}

namespace {

// Copies from to dir/name through a hidden temporary file; the rename is what a kiosk sees.
void place(const fs::path& from, const fs::path& dir, const std::string& name) {
    const fs::path temp = dir / ("." + name + ".part");
    ev::copyDurably(from, temp);
    fs::rename(temp, dir / name);
    ev::syncFolder(dir);
}

} // namespace

void publishPack(const fs::path& pack, const fs::path& dir) {
    const fs::path sig = ev::signatureFile(pack);
    if (!fs::exists(pack)) throw std::runtime_error("no pack " + pack.string());
    if (!fs::exists(sig))
        throw std::runtime_error(pack.filename().string() + " has no signature next to it: " + sig.filename().string() +
                                 " (sign it first: everyvoice-pack sign " + pack.string() + " --key SECRET.key)");
    if (!fs::is_directory(dir)) throw std::runtime_error("no folder " + dir.string());
    // An earlier signature of the same name would sit beside the new pack until its own arrives.
    fs::remove(dir / sig.filename());
    place(pack, dir, pack.filename().string());
    place(sig, dir, sig.filename().string());
}

} // namespace evpack
