// The pack store and inbox with a frozen clock in a temporary state folder: packs built by
// everyvoice-pack, signed by minisign, checked after storing with minisign and sqlite3.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <future>
#include <memory>
#include <thread>

#include "core/durable_file.h"
#include "core/pack/pack_store.h"
#include "core/pack/signed_pack.h"
#include "core/pack/update_settings.h"
#include "signing_support.h"

namespace fs = std::filesystem;
using namespace evtest;
using ev::Millis;

namespace {

struct Kiosk {
    TempDir dir;
    fs::path state = dir.path / "state", inbox = dir.path / "inbox", packs = state / "packs";
    Key key = makeKey(dir.path / "comms");
    ev::OffsetClock clock{true};

    Kiosk() {
        fs::create_directories(state / "trusted-keys");
        fs::create_directories(inbox);
        fs::copy_file(key.pub, state / "trusted-keys/comms.pub");
    }
    ev::PackStoreSettings settings() const {
        ev::PackStoreSettings s;
        s.inbox = inbox;
        return s;
    }
    ev::PackStore store() { return ev::PackStore(state, clock, settings()); }

    // A signed pack of this version, built in a side folder; put into the inbox by drop().
    fs::path signedPack(int version, const Key* by = nullptr) {
        const fs::path p = buildPack(dir.path / "build", version);
        sign(p, by ? *by : key, "everyvoice pack=fixture version=" + std::to_string(version));
        return p;
    }
    void drop(const fs::path& pack) {
        for (const auto& e : fs::directory_iterator(inbox)) fs::remove(e.path());
        fs::copy_file(pack, inbox / pack.filename());
        fs::copy_file(ev::signatureFile(pack), ev::signatureFile(inbox / pack.filename()));
    }
    // Moves the clock past the next poll and polls.
    void pollNow(ev::PackStore& s) {
        clock.advance(Millis(5'000));
        s.poll();
    }
    std::string current() const { return readFile(packs / "current"); }
};

} // namespace

TEST_CASE("a newer signed pack in the inbox is stored, made current and handed over once", "[store]") {
    Kiosk k;
    ev::PackStore store = k.store();
    CHECK_FALSE(store.openCurrent());
    k.drop(k.signedPack(8));

    store.poll(); // not due yet
    CHECK_FALSE(store.hasUpdate());
    CHECK(store.nextPoll() == k.clock.now() + Millis(5'000));
    k.pollNow(store);
    INFO(store.status());
    REQUIRE(store.hasUpdate());
    CHECK_THAT(store.status(), Catch::Contains("accepted fixture version 8 from fixture-8.evpack"));
    const auto update = store.takeUpdate();
    REQUIRE(update);
    CHECK(update->version == 8);
    CHECK_FALSE(store.takeUpdate());

    const fs::path stored = k.packs / "fixture-8.evpack";
    CHECK(k.current() == "fixture-8.evpack\n");
    CHECK(run("minisign -V -p " + quote(k.key.pub.string()) + " -m " + quote(stored.string())).status == 0);
    CHECK(run("sqlite3 -readonly " + quote(stored.string()) + " 'PRAGMA integrity_check'").output == "ok\n");
    CHECK_FALSE(fs::exists(k.packs / ".incoming.evpack"));

    // The same files seen again are not examined again.
    k.pollNow(store);
    CHECK_FALSE(store.hasUpdate());
    CHECK_THAT(store.status(), Catch::Contains("showing fixture version 8"));

    // A restarted kiosk starts from the store.
    ev::PackStore again = k.store();
    const auto start = again.openCurrent();
    REQUIRE(start);
    CHECK(start->version == 8);
    // ... and the pack still in the inbox is not news to it.
    k.pollNow(again);
    CHECK_FALSE(again.hasUpdate());
    CHECK_THAT(again.status(), Catch::Contains("fixture version 8 was accepted before"));
}

TEST_CASE("a bad pack in the inbox leaves the current one and says why", "[store]") {
    Kiosk k;
    ev::PackStore store = k.store();
    k.drop(k.signedPack(8));
    k.pollNow(store);
    REQUIRE(store.takeUpdate());

    const Key stranger = makeKey(k.dir.path / "stranger");
    const fs::path nine = k.signedPack(9);
    const fs::path strangers = k.dir.path / "strangers" / "fixture-9.evpack";
    fs::create_directories(strangers.parent_path());
    fs::copy_file(nine, strangers);
    sign(strangers, stranger, "everyvoice pack=fixture version=9");
    const fs::path tampered = k.dir.path / "tampered" / "fixture-9.evpack";
    fs::create_directories(tampered.parent_path());
    fs::copy_file(nine, tampered);
    fs::copy_file(ev::signatureFile(nine), ev::signatureFile(tampered));
    std::string bytes = readFile(tampered);
    bytes[bytes.size() / 2] ^= 0x20;
    writeFile(tampered, bytes);
    const fs::path corrupt = k.dir.path / "corrupt" / "fixture-9.evpack";
    fs::create_directories(corrupt.parent_path());
    writeFile(corrupt, readFile(nine).substr(0, fs::file_size(nine) / 2));
    sign(corrupt, k.key, "everyvoice pack=fixture version=9");
    const fs::path newer = k.dir.path / "newer" / "fixture-9.evpack";
    fs::create_directories(newer.parent_path());
    fs::copy_file(nine, newer);
    const std::string later = std::to_string(ev::kPackSchemaVersion + 1);
    REQUIRE(run("sqlite3 " + quote(newer.string()) + " \"UPDATE meta SET value = '" + later + "' WHERE key = 'schema_version'\"").status == 0);
    sign(newer, k.key, "everyvoice pack=fixture version=9");
    const fs::path unsigned_ = k.dir.path / "unsigned" / "fixture-9.evpack";
    fs::create_directories(unsigned_.parent_path());
    fs::copy_file(nine, unsigned_);

    const std::pair<fs::path, const char*> cases[] = {
        {strangers, "not a trusted key"},
        {tampered, "changed after it was signed"},
        {corrupt, "corrupt"},
        {newer, "pack needs a newer kiosk (schema "},
        {k.signedPack(6), "fixture version 6 is older than version 8"},
    };
    for (const auto& [pack, reason] : cases) {
        INFO(pack);
        k.drop(pack);
        k.pollNow(store);
        CHECK_FALSE(store.hasUpdate());
        CHECK_THAT(store.status(), Catch::StartsWith("refused " + pack.filename().string() + ": ") && Catch::Contains(reason));
        CHECK(k.current() == "fixture-8.evpack\n");
    }
    // An .evpack without its .minisig.
    for (const auto& e : fs::directory_iterator(k.inbox)) fs::remove(e.path());
    fs::copy_file(unsigned_, k.inbox / "fixture-9.evpack");
    k.pollNow(store);
    // Named as staff put it in the inbox, never as the kiosk's internal copy.
    CHECK(store.status() == "refused fixture-9.evpack: fixture-9.evpack has no signature next to it: fixture-9.evpack.minisig");
    CHECK(k.current() == "fixture-8.evpack\n");
    CHECK_FALSE(fs::exists(k.packs / "fixture-9.evpack"));
    CHECK_FALSE(fs::exists(k.packs / ".incoming.evpack"));
    ev::PackStore restarted = k.store();
    CHECK(restarted.openCurrent()->version == 8);
}

TEST_CASE("staff can force an older pack, the newest accepted is still remembered", "[store]") {
    Kiosk k;
    {
        ev::PackStore store = k.store();
        CHECK_FALSE(store.forceOlder());
        k.drop(k.signedPack(8));
        k.pollNow(store);
        REQUIRE(store.takeUpdate());
        k.drop(k.signedPack(6));
        k.pollNow(store);
        CHECK_THAT(store.status(), Catch::Contains("older"));
        CHECK(store.refusedOlder() == "fixture-6.evpack");
        REQUIRE(store.forceOlder());
        CHECK(store.refusedOlder().empty());
        CHECK(store.takeUpdate()->version == 6);
        CHECK(k.current() == "fixture-6.evpack\n");
    }
    ev::PackStore store = k.store();
    CHECK(store.openCurrent()->version == 6);
    k.drop(k.signedPack(7));
    k.pollNow(store);
    CHECK_FALSE(store.hasUpdate());
    CHECK_THAT(store.status(), Catch::Contains("fixture version 7 is older than version 8"));
}

TEST_CASE("the store keeps the current pack and the one before", "[store]") {
    Kiosk k;
    ev::PackStore store = k.store();
    for (int v : {8, 9, 10}) {
        k.drop(k.signedPack(v));
        k.pollNow(store);
        REQUIRE(store.takeUpdate());
    }
    CHECK_FALSE(fs::exists(k.packs / "fixture-8.evpack"));
    CHECK_FALSE(fs::exists(k.packs / "fixture-8.evpack.minisig"));
    CHECK(fs::exists(k.packs / "fixture-9.evpack"));
    CHECK(fs::exists(k.packs / "fixture-10.evpack.minisig"));
}

TEST_CASE("staff can go back to the kept pack, and forward again", "[store]") {
    Kiosk k;
    {
        ev::PackStore store = k.store();
        CHECK(store.kept().empty());
        CHECK_FALSE(store.switchToKept());
        CHECK_THAT(store.status(), Catch::Contains("no kept pack"));
        k.drop(k.signedPack(8));
        k.pollNow(store);
        REQUIRE(store.takeUpdate());
        CHECK(store.kept().empty());
        k.drop(k.signedPack(9));
        k.pollNow(store);
        REQUIRE(store.takeUpdate());
        CHECK(store.kept() == "fixture version 8");

        REQUIRE(store.switchToKept());
        CHECK_THAT(store.status(), Catch::Contains("went back to fixture version 8"));
        CHECK(store.takeUpdate()->version == 8);
        CHECK_THAT(store.status(), Catch::Contains("showing fixture version 8, the kept pack staff chose"));
        CHECK(k.current() == "fixture-8.evpack\n");
        CHECK(store.kept() == "fixture version 9");
    }
    // A restart keeps the choice, and the newest accepted is still 9: 9 can be chosen again,
    // but an inbox pack of 9 or lower is still refused.
    ev::PackStore store = k.store();
    CHECK(store.openCurrent()->version == 8);
    CHECK(store.kept() == "fixture version 9");
    k.drop(k.signedPack(9));
    k.pollNow(store);
    CHECK_FALSE(store.hasUpdate());
    REQUIRE(store.switchToKept());
    CHECK(store.takeUpdate()->version == 9);

    // A kept pack damaged on disk is refused when chosen, and the current one stays.
    {
        std::fstream f(k.packs / "fixture-8.evpack", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4000);
        f.write("XXXX", 4);
    }
    CHECK_FALSE(store.switchToKept());
    CHECK_THAT(store.status(), Catch::Contains("cannot go back to fixture-8.evpack"));
    CHECK_FALSE(store.hasUpdate());
    CHECK(k.current() == "fixture-9.evpack\n");
}

TEST_CASE("whatever an interrupted update left, the kiosk starts with a whole pack", "[store]") {
    Kiosk k;
    {
        ev::PackStore store = k.store();
        for (int v : {8, 9}) {
            k.drop(k.signedPack(v));
            k.pollNow(store);
            REQUIRE(store.takeUpdate());
        }
    }
    SECTION("a half-copied pack is removed and the current one opens") {
        writeFile(k.packs / ".incoming.evpack", readFile(k.packs / "fixture-9.evpack").substr(0, 1000));
        ev::PackStore store = k.store();
        CHECK(store.openCurrent()->version == 9);
        CHECK_FALSE(fs::exists(k.packs / ".incoming.evpack"));
    }
    SECTION("a stored pack that was not yet made current stays the old one until the inbox offers it again") {
        ev::writeFileAtomically(k.packs / "current", "fixture-8.evpack\n");
        ev::writeFileAtomically(k.packs / "highest", "fixture 8\n");
        ev::PackStore store = k.store();
        CHECK(store.openCurrent()->version == 8);
        k.pollNow(store); // fixture-9 is still in the inbox
        REQUIRE(store.hasUpdate());
        CHECK(store.takeUpdate()->version == 9);
    }
    SECTION("a current pack that is missing or damaged gives way to the newest that opens") {
        std::string bytes = readFile(k.packs / "fixture-9.evpack");
        bytes[100] ^= 0x01;
        writeFile(k.packs / "fixture-9.evpack", bytes);
        ev::PackStore store = k.store();
        CHECK(store.openCurrent()->version == 8);
        CHECK(k.current() == "fixture-8.evpack\n");
        fs::remove(k.packs / "fixture-8.evpack");
        ev::PackStore none = k.store();
        CHECK_FALSE(none.openCurrent());
    }
    SECTION("no current file: the newest stored pack") {
        fs::remove(k.packs / "current");
        ev::PackStore store = k.store();
        CHECK(store.openCurrent()->version == 9);
    }
    SECTION("without trusted keys no stored pack is shown") {
        fs::remove_all(k.state / "trusted-keys");
        ev::PackStore store = k.store();
        CHECK_FALSE(store.openCurrent());
    }
}

TEST_CASE("no inbox, a missing inbox", "[store]") {
    Kiosk k;
    ev::PackStore none(k.state, k.clock, {});
    CHECK_FALSE(none.nextPoll());
    CHECK_THAT(none.status(), Catch::Contains("no inbox"));
    fs::remove_all(k.inbox);
    ev::PackStore store = k.store();
    k.pollNow(store);
    CHECK_THAT(store.status(), Catch::Contains("cannot look in the inbox"));
}

TEST_CASE("updates.toml names the inbox and the poll interval", "[store]") {
    TempDir dir;
    CHECK_FALSE(ev::readUpdateSettings(dir.path).inbox);
    writeFile(dir.path / "updates.toml", "inbox = \"/media/usb\"\npoll_seconds = 30\n");
    const auto s = ev::readUpdateSettings(dir.path);
    CHECK(s.inbox == fs::path("/media/usb"));
    CHECK(s.pollEvery == Millis(30'000));
    writeFile(dir.path / "updates.toml", "inbox = \"usb\"\n");
    CHECK(ev::readUpdateSettings(dir.path).inbox == dir.path / "usb");
    writeFile(dir.path / "updates.toml", "inbox = \"usb\"\ninbx = 1\n");
    CHECK_THROWS_WITH(ev::readUpdateSettings(dir.path), (dir.path / "updates.toml").string() + ":2: unknown key 'inbx' (inbox, poll_seconds)");
    writeFile(dir.path / "updates.toml", "poll_seconds = 0\n");
    CHECK_THROWS_WITH(ev::readUpdateSettings(dir.path), Catch::Contains(":1: poll_seconds must be"));
}

namespace {

// Runs store.poll() on its own thread and says whether it came back within the bound: a FIFO
// once blocked it in open() for good (the thread is then left behind, and the test fails).
bool pollReturns(Kiosk& k, ev::PackStore& store, std::chrono::seconds bound) {
    k.clock.advance(Millis(5'000));
    auto done = std::make_shared<std::promise<void>>();
    auto future = done->get_future();
    std::thread([&store, done] {
        store.poll();
        done->set_value();
    }).detach();
    return future.wait_for(bound) == std::future_status::ready;
}

} // namespace

TEST_CASE("the inbox opens only regular files within the size limit, and never follows a link", "[store][hostile]") {
    Kiosk k;
    ev::PackStore store = k.store();
    const fs::path pack = k.signedPack(8);
    // A FIFO as a signature, a link to /dev/zero as another, a 100 GB sparse pack, a link to
    // a secret, a folder: none may block, fill the disk or be copied.
    fs::copy_file(pack, k.inbox / "a-fifo.evpack");
    REQUIRE(::mkfifo((k.inbox / "a-fifo.evpack.minisig").c_str(), 0644) == 0);
    fs::copy_file(pack, k.inbox / "b-zero.evpack");
    fs::create_symlink("/dev/zero", k.inbox / "b-zero.evpack.minisig");
    {
        std::ofstream(k.inbox / "c-huge.evpack");
        fs::resize_file(k.inbox / "c-huge.evpack", 100ull << 30);
        fs::copy_file(ev::signatureFile(pack), ev::signatureFile(k.inbox / "c-huge.evpack"));
    }
    writeFile(k.dir.path / "secret", "not for the state folder\n");
    fs::create_symlink(k.dir.path / "secret", k.inbox / "d-link.evpack");
    fs::create_directory(k.inbox / "e-folder.evpack");
    fs::copy_file(pack, k.inbox / "z-good.evpack");
    fs::copy_file(ev::signatureFile(pack), ev::signatureFile(k.inbox / "z-good.evpack"));

    REQUIRE(pollReturns(k, store, std::chrono::seconds(20)));
    // The good pack after them all is taken; nothing else reached the state folder.
    REQUIRE(store.hasUpdate());
    CHECK(store.takeUpdate()->version == 8);
    for (const auto& e : fs::directory_iterator(k.packs)) {
        INFO(e.path());
        CHECK(e.is_regular_file());
        CHECK(fs::file_size(e.path()) < 10'000'000);
        CHECK(readFile(e.path()).find("not for the state folder") == std::string::npos);
    }
}

TEST_CASE("a pack larger than the limit is refused before it is copied", "[store][hostile]") {
    Kiosk k;
    ev::PackStoreSettings settings = k.settings();
    settings.maxPackBytes = 1000;
    ev::PackStore store(k.state, k.clock, settings);
    k.drop(k.signedPack(8));
    k.pollNow(store);
    CHECK_FALSE(store.hasUpdate());
    CHECK_THAT(store.status(), Catch::Contains("more than the limit of 1000"));
}

TEST_CASE("many files are looked at in bounded batches", "[store][hostile]") {
    Kiosk k;
    ev::PackStoreSettings settings = k.settings();
    settings.batch = 10;
    ev::PackStore store(k.state, k.clock, settings);
    for (int i = 0; i < 25; ++i) writeFile(k.inbox / ("junk-" + std::to_string(100 + i) + ".evpack"), "junk");
    const fs::path pack = k.signedPack(8);
    fs::copy_file(pack, k.inbox / "z-good.evpack");
    fs::copy_file(ev::signatureFile(pack), ev::signatureFile(k.inbox / "z-good.evpack"));
    k.pollNow(store);
    k.pollNow(store);
    CHECK_FALSE(store.hasUpdate()); // 20 junk files so far
    k.pollNow(store);
    CHECK(store.hasUpdate());
}

TEST_CASE("a trusted key file that is not a key is reported and the other keys still work", "[store][keys]") {
    Kiosk k;
    {
        ev::PackStore store = k.store();
        k.drop(k.signedPack(8));
        k.pollNow(store);
        REQUIRE(store.takeUpdate());
    }
    writeFile(k.state / "trusted-keys/aaa-broken.pub", "this is not a key\n");
    ev::PackStore store = k.store();
    // Once, this fell back to the built-in pack and refused every inbox pack: a rollback.
    const auto opened = store.openCurrent();
    REQUIRE(opened);
    CHECK(opened->version == 8);
    CHECK_THAT(store.status(), Catch::Contains("aaa-broken.pub") && Catch::Contains("ignored"));
    k.drop(k.signedPack(9));
    k.pollNow(store);
    REQUIRE(store.hasUpdate());
    CHECK(store.takeUpdate()->version == 9);
}

TEST_CASE("the pack to start with: --pack, else the store's current, else the default file, else the built-in help", "[store][start]") {
    Kiosk k;
    const fs::path installed = buildPack(k.dir.path / "installed", 3);
    const fs::path damaged = k.dir.path / "damaged.evpack";
    writeFile(damaged, "SQLite format 3, or so it says");
    const fs::path missing = k.dir.path / "nowhere.evpack";

    SECTION("a store with nothing accepted: the default pack file") {
        ev::PackStore store = k.store();
        const ev::StartPack s = ev::choosePackToStart(&store, std::nullopt, installed);
        CHECK(s.pack.version == 3);
        CHECK(s.origin == ev::StartPack::kInstalled);
        CHECK(s.source == installed.string());
        CHECK_FALSE(s.builtIn);
    }
    SECTION("no store (a state folder that cannot be written): the default pack file") {
        const ev::StartPack s = ev::choosePackToStart(nullptr, std::nullopt, installed);
        CHECK(s.pack.version == 3);
        CHECK(s.origin == ev::StartPack::kInstalled);
    }
    SECTION("a pack accepted before: the store's, over the default file") {
        ev::PackStore store = k.store();
        k.drop(k.signedPack(8));
        k.pollNow(store);
        REQUIRE(store.takeUpdate());
        ev::PackStore restarted = k.store();
        const ev::StartPack s = ev::choosePackToStart(&restarted, std::nullopt, installed);
        CHECK(s.pack.version == 8);
        CHECK(s.origin == ev::StartPack::kFromStore);
        CHECK(s.source == "the pack store");

        SECTION("--pack wins over the store") {
            const ev::StartPack named = ev::choosePackToStart(&restarted, installed, missing);
            CHECK(named.pack.version == 3);
            CHECK(named.origin == "from " + installed.string());
        }
        SECTION("a damaged stored pack: the default file") {
            std::string bytes = readFile(k.packs / "fixture-8.evpack");
            bytes[bytes.size() / 2] ^= 0x20;
            writeFile(k.packs / "fixture-8.evpack", bytes);
            const ev::StartPack after = ev::choosePackToStart(&restarted, std::nullopt, installed);
            CHECK(after.pack.version == 3);
            CHECK(after.origin == ev::StartPack::kInstalled);
        }
    }
    SECTION("a damaged or missing default pack file: the help numbers built into the kiosk, and why") {
        for (const fs::path& file : {damaged, missing}) {
            const ev::StartPack s = ev::choosePackToStart(nullptr, std::nullopt, file);
            CHECK(s.builtIn);
            CHECK_THAT(s.whyBuiltIn, Catch::Contains(file.filename().string()));
            CHECK(s.origin == "no pack: only the help numbers built into the kiosk");
            CHECK(s.source == "the help numbers built into the kiosk");
            CHECK_FALSE(s.pack.signposts.empty());
        }
    }
    SECTION("a damaged or missing --pack is refused, never replaced") {
        for (const fs::path& file : {damaged, missing})
            CHECK_THROWS_AS(ev::choosePackToStart(nullptr, file, installed), ev::PackError);
    }
}
