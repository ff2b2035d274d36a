#pragma once
// Packs built by everyvoice-pack from the fixtures and signed by the real minisign tool, for
// the signing and pack store tests.
#include <string>

#include "support.h"

namespace evtest {

struct Key {
    fs::path pub, sec;
};

// A new minisign key pair without a password (minisign -G -W) in dir.
inline Key makeKey(const fs::path& dir) {
    fs::create_directories(dir);
    Key k{dir / "key.pub", dir / "key.sec"};
    const Run r = run("minisign -G -W -p " + quote(k.pub.string()) + " -s " + quote(k.sec.string()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    return k;
}

// The fixture pack built with another version, as dir/fixture-<version>.evpack.
inline fs::path buildPack(const fs::path& dir, int version) {
    const fs::path src = dir / ("src-" + std::to_string(version));
    fs::remove_all(src);
    fs::create_directories(dir);
    fs::copy(kFixtures / "content/good", src, fs::copy_options::recursive);
    std::string toml = readFile(src / "pack.toml");
    const auto at = toml.find("version = 7");
    REQUIRE(at != std::string::npos);
    toml.replace(at, 11, "version = " + std::to_string(version));
    writeFile(src / "pack.toml", toml);
    const fs::path out = dir / ("fixture-" + std::to_string(version) + ".evpack");
    const Run r = tool("build " + quote(src.string()) + " --locales " + quote((kFixtures / "locales").string()) +
                       " -o " + quote(out.string()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    return out;
}

// minisign -S: writes PACK.minisig with this trusted comment.
inline void sign(const fs::path& pack, const Key& key, const std::string& comment) {
    const Run r = run("minisign -S -s " + quote(key.sec.string()) + " -m " + quote(pack.string()) + " -t " + quote(comment));
    INFO(r.output);
    REQUIRE(r.status == 0);
}

} // namespace evtest
