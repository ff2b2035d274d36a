// Signatures made by the real minisign tool, checked by core (openSignedPack) and by
// `everyvoice-pack verify`; every tampering is also confirmed by `minisign -V`, so a test
// cannot pass on a change minisign itself would accept.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>

#include "core/pack/pack_reader.h"
#include "core/pack/signed_pack.h"
#include "signing_support.h"

namespace fs = std::filesystem;
using namespace evtest;

namespace {

// The reason openSignedPack gives, or "" if it accepts the pack.
std::string refusal(const fs::path& pack, const std::vector<ev::PublicKey>& keys) {
    try {
        ev::openSignedPack(pack, keys);
    } catch (const ev::PackError& e) {
        return e.what();
    }
    return "";
}

bool minisignAccepts(const fs::path& pack, const Key& key) {
    return run("minisign -V -p " + quote(key.pub.string()) + " -m " + quote(pack.string())).status == 0;
}

void flipByte(const fs::path& file, std::size_t at) {
    std::string bytes = readFile(file);
    REQUIRE(at < bytes.size());
    bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
    writeFile(file, bytes);
}

// Replaces line n (0-based) of a text file.
void replaceLine(const fs::path& file, std::size_t n, const std::string& line) {
    std::istringstream in(readFile(file));
    std::string out, l;
    for (std::size_t i = 0; std::getline(in, l); ++i) out += (i == n ? line : l) + "\n";
    writeFile(file, out);
}

std::string lineOf(const fs::path& file, std::size_t n) {
    std::istringstream in(readFile(file));
    std::string l;
    for (std::size_t i = 0; std::getline(in, l); ++i)
        if (i == n) return l;
    return "";
}

} // namespace

TEST_CASE("a pack signed with minisign is accepted by core and by everyvoice-pack verify", "[signing]") {
    TempDir dir;
    const Key key = makeKey(dir.path / "comms");
    const fs::path pack = buildPack(dir.path, 3);
    sign(pack, key, "everyvoice pack=fixture version=3");
    REQUIRE(minisignAccepts(pack, key));

    const ev::SignedPack sp = ev::openSignedPack(pack, {ev::readPublicKey(key.pub)});
    CHECK(sp.pack.id == "fixture");
    CHECK(sp.pack.version == 3);
    // minisign prints the key id in the public key's comment; ours must be the same number.
    CHECK_THAT(lineOf(key.pub, 0), Catch::EndsWith(ev::keyIdHex(sp.key.id)));

    const Run r = tool("verify " + quote(pack.string()) + " --key " + quote(key.pub.string()));
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK_THAT(r.output, Catch::Contains("good signature") && Catch::Contains(ev::keyIdHex(sp.key.id)));
}

TEST_CASE("each kind of tampering is refused with its own one-line reason", "[signing]") {
    TempDir dir;
    const Key key = makeKey(dir.path / "comms"), other = makeKey(dir.path / "stranger");
    const std::vector<ev::PublicKey> trusted{ev::readPublicKey(key.pub)};
    const fs::path good = buildPack(dir.path, 3);
    sign(good, key, "everyvoice pack=fixture version=3");

    // A fresh copy of the signed pack and its signature, to spoil one way.
    int n = 0;
    const auto copy = [&] {
        const fs::path p = dir.path / ("case" + std::to_string(n++) + ".evpack");
        fs::copy_file(good, p);
        fs::copy_file(ev::signatureFile(good), ev::signatureFile(p));
        return p;
    };
    std::map<std::string, fs::path> cases;
    cases["pack byte"] = copy();
    flipByte(cases["pack byte"], fs::file_size(good) / 2);
    cases["signature byte"] = copy();
    {
        // Base64 character 40 of the signature line encodes bytes 30-32: inside the 64-byte
        // Ed25519 signature (bytes 10-73), past the algorithm and the key id.
        std::string sig = lineOf(ev::signatureFile(cases["signature byte"]), 1);
        sig[40] = sig[40] == 'A' ? 'B' : 'A';
        replaceLine(ev::signatureFile(cases["signature byte"]), 1, sig);
    }
    cases["trusted comment"] = copy();
    replaceLine(ev::signatureFile(cases["trusted comment"]), 2, "trusted comment: everyvoice pack=fixture version=9");
    cases["other key"] = copy();
    sign(cases["other key"], other, "everyvoice pack=fixture version=3");

    std::set<std::string> reasons;
    for (const auto& [what, pack] : cases) {
        INFO(what);
        CHECK_FALSE(minisignAccepts(pack, key));
        const std::string reason = refusal(pack, trusted);
        CHECK_THAT(reason, Catch::StartsWith("pack " + pack.string() + ": "));
        CHECK(reason.find('\n') == std::string::npos);
        reasons.insert(reason.substr(reason.find(": ") + 2));
        const Run r = tool("verify " + quote(pack.string()) + " --key " + quote(key.pub.string()));
        CHECK(r.status == 1);
        CHECK(r.output == "everyvoice-pack: " + reason + "\n");
    }
    CHECK(reasons.size() == cases.size());
    CHECK_THAT(refusal(cases["pack byte"], trusted), Catch::Contains("changed after it was signed"));
    CHECK_THAT(refusal(cases["signature byte"], trusted), Catch::Contains("signature is damaged"));
    CHECK_THAT(refusal(cases["trusted comment"], trusted), Catch::Contains("trusted comment was changed"));
    CHECK_THAT(refusal(cases["other key"], trusted), Catch::Contains("not a trusted key"));
    // Trusting the other key as well makes that pack good: the key id picks the key.
    CHECK(refusal(cases["other key"], {trusted[0], ev::readPublicKey(other.pub)}).empty());
}

TEST_CASE("the trusted comment must name the pack it signs", "[signing]") {
    TempDir dir;
    const Key key = makeKey(dir.path / "comms");
    const std::vector<ev::PublicKey> trusted{ev::readPublicKey(key.pub)};
    const fs::path pack = buildPack(dir.path, 3);

    sign(pack, key, "everyvoice pack=fixture version=4");
    REQUIRE(minisignAccepts(pack, key));
    CHECK_THAT(refusal(pack, trusted), Catch::Contains("the trusted comment 'everyvoice pack=fixture version=4' does not match this pack, "
                                                       "which needs 'everyvoice pack=fixture version=3'"));
    sign(pack, key, "everyvoice pack=other version=3");
    CHECK_THAT(refusal(pack, trusted), Catch::Contains("'everyvoice pack=other version=3' does not match"));
    // A comma typed into the comment: the message shows it, not two identical-looking versions.
    sign(pack, key, "everyvoice pack=fixture, version=3");
    CHECK_THAT(refusal(pack, trusted), Catch::Contains("'everyvoice pack=fixture, version=3' does not match this pack, "
                                                       "which needs 'everyvoice pack=fixture version=3'"));
    sign(pack, key, "timestamp:1700000000\tfile:fixture.evpack");
    CHECK_THAT(refusal(pack, trusted), Catch::Contains("not 'everyvoice pack=<id> version=<n>'"));

    fs::remove(ev::signatureFile(pack));
    CHECK_THAT(refusal(pack, trusted), Catch::Contains(pack.filename().string() + " has no signature next to it: " +
                                                       pack.filename().string() + ".minisig"));
    CHECK_THAT(refusal(pack, {}), Catch::Contains("no signature"));
}

TEST_CASE("legacy signatures and broken key files are refused clearly", "[signing]") {
    TempDir dir;
    const Key key = makeKey(dir.path / "comms");
    const fs::path pack = buildPack(dir.path, 3);
    const Run legacy = run("minisign -S -l -s " + quote(key.sec.string()) + " -m " + quote(pack.string()) +
                           " -t 'everyvoice pack=fixture version=3'");
    REQUIRE(legacy.status == 0);
    REQUIRE(minisignAccepts(pack, key));
    CHECK_THAT(refusal(pack, {ev::readPublicKey(key.pub)}), Catch::Contains("legacy minisign signature"));

    writeFile(dir.path / "bad.pub", "untrusted comment: not really\nbm90IGEga2V5\n");
    CHECK_THROWS_WITH(ev::readPublicKey(dir.path / "bad.pub"), Catch::Contains("not a minisign public key"));
    const Run r = tool("verify " + quote(pack.string()) + " --key " + quote((dir.path / "bad.pub").string()));
    CHECK(r.status == 1);
    CHECK(tool("verify " + quote(pack.string())).status == 2);
}

TEST_CASE("key ids read as minisign prints them, leading zeros dropped", "[signing]") {
    CHECK(ev::keyIdHex({0x11, 0x50, 0xC4, 0x95, 0xC1, 0x28, 0xC6, 0x0A}) == "AC628C195C45011");
    CHECK(ev::keyIdHex({0x9B, 0x8A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x9A}) == "9A00000000008A9B");
    CHECK(ev::keyIdHex({0, 0, 0, 0, 0, 0, 0, 0}) == "0");
}

TEST_CASE("trusted comment syntax", "[signing]") {
    const auto claim = ev::parseTrustedComment("everyvoice pack=default version=12");
    REQUIRE(claim);
    CHECK(claim->id == "default");
    CHECK(claim->version == 12);
    for (const char* bad : {"everyvoice pack=default", "everyvoice pack= version=2", "everyvoice pack=default version=0",
                            "everyvoice pack=default version=2x", "everyvoice pack=a b version=2",
                            "id=default version=2", "everyvoice pack=default  version=2", ""})
        CHECK_FALSE(ev::parseTrustedComment(bad));
}

TEST_CASE("everyvoice-pack sign writes the trusted comment a kiosk needs and publish copies both files", "[signing]") {
    TempDir dir;
    const Key key = makeKey(dir.path / "comms");
    const fs::path pack = buildPack(dir.path, 3);
    const Run signed_ = tool("sign " + quote(pack.string()) + " --key " + quote(key.sec.string()));
    INFO(signed_.output);
    REQUIRE(signed_.status == 0);
    // Stock minisign accepts it, with exactly the comment the kiosk checks.
    const Run v = run("minisign -V -p " + quote(key.pub.string()) + " -m " + quote(pack.string()));
    INFO(v.output);
    CHECK(v.status == 0);
    CHECK_THAT(v.output, Catch::Contains("Trusted comment: everyvoice pack=fixture version=3\n"));
    CHECK(refusal(pack, {ev::readPublicKey(key.pub)}).empty());

    const fs::path inbox = dir.path / "inbox";
    fs::create_directories(inbox);
    const Run published = tool("publish " + quote(pack.string()) + " " + quote(inbox.string()));
    INFO(published.output);
    REQUIRE(published.status == 0);
    CHECK(readFile(inbox / "fixture-3.evpack") == readFile(pack));
    CHECK(readFile(inbox / "fixture-3.evpack.minisig") == readFile(ev::signatureFile(pack)));
    CHECK(std::distance(fs::directory_iterator(inbox), fs::directory_iterator()) == 2); // no temporary left

    // Unsigned: publish refuses, naming the user's files; nothing is copied.
    const fs::path other = buildPack(dir.path, 4);
    const Run refused = tool("publish " + quote(other.string()) + " " + quote(inbox.string()));
    CHECK(refused.status == 1);
    CHECK_THAT(refused.output, Catch::Contains("fixture-4.evpack has no signature next to it: fixture-4.evpack.minisig"));
    CHECK_FALSE(fs::exists(inbox / "fixture-4.evpack"));
    // A missing key is one line, and no signature is written.
    CHECK(tool("sign " + quote(other.string()) + " --key " + quote((dir.path / "nope.key").string())).status == 1);
    CHECK_FALSE(fs::exists(ev::signatureFile(other)));
}
