// The kiosk's identity file: made once with a random id, kept across runs, nothing else in it.
#include <catch2/catch.hpp>

#include "support.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/counts/kiosk_identity.h"

using namespace ev;
using evtest::TempDir;
namespace fs = std::filesystem;

namespace {

std::string contentsOf(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("the first run makes a random install id and an empty venue, later runs keep them", "[identity]") {
    TempDir dir;
    const fs::path state = dir.path / "state";
    const KioskIdentity first = KioskIdentity::loadOrCreate(state);
    CHECK(KioskIdentity::validInstallId(first.installId()));
    CHECK(first.venue().empty());
    const std::string file = contentsOf(state / "kiosk.toml");
    CHECK(file.find("install_id = '" + first.installId() + "'") != std::string::npos);
    CHECK(KioskIdentity::loadOrCreate(state).installId() == first.installId());
    CHECK(KioskIdentity::read(state).installId() == first.installId());
    CHECK(contentsOf(state / "kiosk.toml") == file);

    TempDir other;
    CHECK(KioskIdentity::loadOrCreate(other.path).installId() != first.installId());
}

TEST_CASE("the venue label is saved at once and checked", "[identity]") {
    TempDir dir;
    KioskIdentity id = KioskIdentity::loadOrCreate(dir.path);
    id.setVenue("Barking Library, \"Learning\" room");
    CHECK(KioskIdentity::read(dir.path).venue() == "Barking Library, \"Learning\" room");
    id.setVenue("Dagenham Heathway — Children's Centre");
    CHECK(KioskIdentity::read(dir.path).venue() == "Dagenham Heathway — Children's Centre");
    for (const std::string& bad : {std::string(81, 'a'), std::string("two\nlines"), std::string("=HYPERLINK(1)"),
                                  std::string("-1"), std::string("\xff\xfe")}) {
        INFO(bad);
        CHECK_THROWS_AS(id.setVenue(bad), KioskIdentityError);
    }
    CHECK(id.venue() == "Dagenham Heathway — Children's Centre");
}

TEST_CASE("a bad identity file is one clear FILE:LINE error, never replaced", "[identity]") {
    TempDir dir;
    const fs::path file = dir.path / "kiosk.toml";
    const auto expect = [&](const std::string& text, const std::string& message) {
        std::ofstream(file) << text;
        INFO(text);
        CHECK_THROWS_WITH(KioskIdentity::loadOrCreate(dir.path), Catch::StartsWith(file.string() + ":") && Catch::Contains(message));
        CHECK(contentsOf(file) == text);
    };
    expect("install_id = 'abc'\n", "32 lowercase hex");
    expect("venue = 'x'\n", "install_id");
    expect("install_id = '0123456789abcdef0123456789abcdef'\nvenue = 3\n", ":2: venue must be a string");
    expect("install_id = '0123456789abcdef0123456789abcdef'\nvisitor = 'x'\n", ":2: unknown key 'visitor'");
    expect("install_id = [\n", "");
    CHECK_THROWS_WITH(KioskIdentity::read(dir.path / "nowhere"), Catch::Contains("missing"));
}

TEST_CASE("a read-only state folder: the venue is not saved and the old file stays", "[identity]") {
    if (::geteuid() == 0) return; // root writes anywhere
    TempDir dir;
    KioskIdentity id = KioskIdentity::loadOrCreate(dir.path);
    const std::string before = contentsOf(dir.path / "kiosk.toml");
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_THROWS_WITH(id.setVenue("Somewhere"), Catch::Contains("cannot write"));
    CHECK(id.venue().empty());
    fs::permissions(dir.path, fs::perms::owner_all);
    CHECK(contentsOf(dir.path / "kiosk.toml") == before);
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}
