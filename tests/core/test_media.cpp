// Images and narration from a content folder's assets/ to a pack and back: lint's messages,
// the bytes stored (read back with sqlite3 and xxd), readPack's refusals, and the PNG decoder's
// limits. The recordings are made here with espeak-ng and oggenc/opusenc: there are no real
// voice recordings to commit.
#include <catch2/catch.hpp>

#include <png.h>

#include <random>

#include "media/png_image.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace evtest;

namespace {

const fs::path kMediaFixture = kFixtures / "content/media";
const std::string kLocales = " --locales " + quote((kFixtures / "locales").string());

// A recording of a sentence: Ogg Vorbis for .ogg, Ogg Opus for .opus.
void record(const fs::path& out, const std::string& words) {
    const fs::path wav = out.parent_path() / (out.stem().string() + ".wav");
    const std::string encode = out.extension() == ".opus" ? "opusenc --quiet " + quote(wav.string()) + " " + quote(out.string())
                                                          : "oggenc -Q " + quote(wav.string()) + " -o " + quote(out.string());
    const Run r = run("espeak-ng -w " + quote(wav.string()) + " " + quote(words) + " && " + encode);
    INFO(r.output);
    REQUIRE(r.status == 0);
    fs::remove(wav);
}

// A w x h PNG written by libpng: flat colour, or noise that does not compress.
std::string png(int w, int h, bool noise = false) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w) * h * 4, 0x80);
    std::mt19937 random(7);
    if (noise)
        for (auto& p : pixels) p = static_cast<std::uint8_t>(random());
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(w);
    image.height = static_cast<png_uint_32>(h);
    image.format = PNG_FORMAT_RGBA;
    png_alloc_size_t size = 0;
    REQUIRE(png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr));
    std::string out(size, '\0');
    REQUIRE(png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr));
    out.resize(size);
    return out;
}

// The media fixture, copied so a test can edit it, with its narration recorded.
fs::path mediaSource(const TempDir& dir) {
    const fs::path src = dir.path / "media";
    fs::copy(kMediaFixture, src, fs::copy_options::recursive);
    record(src / "assets/narration.ogg", "You can tell a grown-up you trust.");
    return src;
}

fs::path buildMedia(const fs::path& src, const fs::path& out) {
    const Run r = tool("build " + quote(src.string()) + " -o " + quote(out.string()) + kLocales);
    INFO(r.output);
    REQUIRE(r.status == 0);
    return out;
}

std::vector<std::uint8_t> bytesOf(const fs::path& file) {
    const std::string s = readFile(file);
    return {s.begin(), s.end()};
}

// The file as upper-case hex, by xxd, to compare with sqlite3's hex().
std::string xxdHex(const fs::path& file) {
    const Run r = run("xxd -p " + quote(file.string()) + " | tr -d '\\n' | tr a-f A-F");
    REQUIRE(r.status == 0);
    return r.output;
}

} // namespace

TEST_CASE("a pack carries the images and narration its pages use, byte for byte", "[media]") {
    TempDir dir;
    const fs::path src = mediaSource(dir);
    fs::copy_file(src / "assets/squares.png", src / "assets/spare.png");
    const fs::path pack = dir.path / "media.evpack";
    const Run r = tool("build " + quote(src.string()) + " -o " + quote(pack.string()) + kLocales);
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.output, Catch::Contains((src / "assets/spare.png").string() + ":1: warning: no page uses this file"));

    // Only what a page uses is stored; sqlite3 and xxd agree on every byte.
    CHECK(sqlite(pack, "SELECT name || ' ' || type FROM media ORDER BY name") == "narration.ogg audio/ogg\nsquares.png image/png");
    for (const char* name : {"narration.ogg", "squares.png"})
        CHECK(sqlite(pack, std::string("SELECT hex(bytes) FROM media WHERE name = '") + name + "'") == xxdHex(src / "assets" / name));
    CHECK(sqlite(pack, "SELECT page || ' ' || locale || ' ' || media FROM page_narration") == "picture en narration.ogg");
    CHECK(sqlite(pack, "PRAGMA foreign_key_check").empty());
    CHECK(sqlite(pack, "SELECT value FROM meta WHERE key = 'schema_version'") == std::to_string(ev::kPackSchemaVersion));
    CHECK_THAT(tool("info " + quote(pack.string())).output, Catch::Contains("  squares.png  image/png, 1 KB"));

    const ev::Pack p = ev::readPack(pack);
    const ev::MediaItem* image = p.media("squares.png");
    REQUIRE(image);
    CHECK(image->type == "image/png");
    CHECK(image->bytes == bytesOf(src / "assets/squares.png"));
    CHECK(p.media("spare.png") == nullptr);
    const auto* narration = p.narration("picture", "en");
    REQUIRE(narration);
    CHECK(*narration == bytesOf(src / "assets/narration.ogg"));
    CHECK(p.narration("picture", "pl") == nullptr); // a recording is of one language: no fallback
    CHECK(p.narration("no-such-page", "en") == nullptr);
    for (const char* tag : {"en", "pl"}) {
        const auto& blocks = p.page("picture")->text.at(tag).body.blocks;
        REQUIRE(blocks.size() == 3);
        CHECK(blocks[1].kind == ev::Block::Kind::Image);
        CHECK(blocks[1].image == "squares.png");
    }
    CHECK(p.page("picture")->text.at("pl").body.blocks[1].spans.at(0).text == "Trzy kolorowe kwadraty w rzędzie.");

    std::string error;
    const auto decoded = ev::decodePng(image->bytes, error);
    REQUIRE(decoded);
    CHECK(decoded->width == 96);
    CHECK(decoded->height == 32);
    CHECK(decoded->pixels.size() == 96u * 32u * 4u);
}

TEST_CASE("lint names missing, damaged, oversized and unused assets by file and line", "[media]") {
    TempDir dir;
    const fs::path src = mediaSource(dir);
    const fs::path en = src / "pages/picture/en.md", pl = src / "pages/picture/pl.md";
    const fs::path assets = src / "assets";
    writeFile(en, readFile(en).replace(readFile(en).find("squares.png"), 11, "missing.png"));
    writeFile(pl, readFile(pl).replace(readFile(pl).find("status"), 0, "narration = \"nagranie.ogg\"\n"));
    fs::create_directories(src / "pages/no-alt");
    writeFile(src / "pages/no-alt/en.md", "+++\ntitle = \"No alt\"\naudience = [\"child\"]\n+++\nText.\n\n![](squares.png)\n");
    fs::create_directories(src / "pages/inline");
    writeFile(src / "pages/inline/en.md", "+++\ntitle = \"Inline\"\naudience = [\"child\"]\n+++\nSee ![this](squares.png) here.\n");
    fs::create_directories(src / "pages/mp3");
    writeFile(src / "pages/mp3/en.md", "+++\ntitle = \"Mp3\"\naudience = [\"child\"]\nnarration = \"voice.mp3\"\n+++\nText.\n");
    fs::create_directories(src / "pages/opus");
    writeFile(src / "pages/opus/en.md", "+++\ntitle = \"Opus\"\naudience = [\"child\"]\nnarration = \"voice.opus\"\n+++\nText.\n");
    record(assets / "voice.opus", "Text.");
    writeFile(assets / "broken.png", "this is not a picture");
    writeFile(assets / "truncated.png", readFile(assets / "squares.png").substr(0, 80));
    writeFile(assets / "text.ogg", "this is not a recording");
    writeFile(assets / "theora.ogg", std::string("OggS\0\x02", 6) + std::string(20, '\0') + std::string("\x01\x2A", 2) +
                                         std::string("\x80theora", 7) + std::string(35, '\0'));
    writeFile(assets / "wide.png", png(2100, 8));
    writeFile(assets / "heavy.png", png(800, 800, true));
    writeFile(assets / "notes.txt", "for the team");

    const Run r = tool("lint " + quote(src.string()) + kLocales);
    INFO(r.output);
    CHECK(r.status == 1);
    const auto at = [&](const fs::path& file, int line) { return file.string() + ":" + std::to_string(line) + ": "; };
    CHECK_THAT(r.output, Catch::Contains(at(en, lineOf(en, "missing.png")) + "error: image 'missing.png' is not in " + assets.string()));
    CHECK_THAT(r.output, Catch::Contains(at(pl, lineOf(pl, "narration")) + "error: narration 'nagranie.ogg' is not in"));
    const fs::path noAlt = src / "pages/no-alt/en.md", inlined = src / "pages/inline/en.md", mp3 = src / "pages/mp3/en.md";
    // Markdown problems also name the column: of the file the message names, else of the "![".
    CHECK_THAT(r.output, Catch::Contains(noAlt.string() + ":7:5: error: image 'squares.png' has no alt text"));
    CHECK_THAT(r.output, Catch::Contains(inlined.string() + ":5:5: error: an image must be a paragraph of its own"));
    CHECK_THAT(r.output, Catch::Contains(at(mp3, 4) + "error: narration must name an Ogg Vorbis (.ogg) or Ogg Opus (.opus)"));
    CHECK_THAT(r.output, Catch::Contains(at(assets / "broken.png", 1) + "error: not a PNG image the kiosk can show"));
    CHECK_THAT(r.output, Catch::Contains(at(assets / "truncated.png", 1) + "error: not a PNG image the kiosk can show"));
    CHECK_THAT(r.output, Catch::Contains(at(assets / "text.ogg", 1) + "error: not an Ogg file"));
    CHECK_THAT(r.output, Catch::Contains(at(assets / "theora.ogg", 1) + "error: an Ogg file of another codec"));
    CHECK_THAT(r.output, Catch::Contains(at(assets / "wide.png", 1) + "warning: 2100 x 8 pixels, over the 2048 a side"));
    CHECK_THAT(r.output, Catch::Contains(at(assets / "heavy.png", 1) + "warning:"));
    CHECK_THAT(r.output, Catch::Contains("KB, over the 2 MB an image should take"));
    CHECK_THAT(r.output, Catch::Contains(at(assets / "notes.txt", 1) + "warning: not an image (.png) or a recording"));
    CHECK_THAT(r.output, Catch::Contains(at(assets / "wide.png", 1) + "warning: no page uses this file"));
    // The good files raise nothing but "unused" where that is true.
    CHECK(r.output.find((assets / "voice.opus").string()) == std::string::npos);
    CHECK(r.output.find((assets / "narration.ogg").string()) == std::string::npos);
    CHECK(r.output.find((assets / "squares.png").string()) == std::string::npos);

    // build refuses what lint calls an error.
    CHECK(tool("build " + quote(src.string()) + " -o " + quote((dir.path / "x.evpack").string()) + kLocales).status == 1);
    CHECK_FALSE(fs::exists(dir.path / "x.evpack"));
}

TEST_CASE("readPack refuses an image or narration naming missing media, and takes a damaged image", "[media]") {
    TempDir dir;
    const fs::path built = buildMedia(mediaSource(dir), dir.path / "media.evpack");
    const auto edited = [&](const std::string& name, const std::string& sql) {
        const fs::path copy = dir.path / name;
        fs::copy_file(built, copy);
        const Run r = run("sqlite3 " + quote(copy.string()) + " " + quote(sql));
        REQUIRE(r.status == 0);
        return copy;
    };
    const fs::path noImage = edited("no-image.evpack", "DELETE FROM media WHERE name = 'squares.png'");
    CHECK(packError(noImage) == "pack " + noImage.string() + ": page 'picture' (en) shows image 'squares.png', which is not a PNG in table media");
    const fs::path noVoice = edited("no-voice.evpack", "DELETE FROM media WHERE name = 'narration.ogg'");
    CHECK(packError(noVoice) == "pack " + noVoice.string() + ": page 'picture' (en) has narration 'narration.ogg', which is not a recording in table media");
    const fs::path swapped = edited("swapped.evpack", "UPDATE page_narration SET media = 'squares.png'");
    CHECK_THAT(packError(swapped), Catch::Contains("which is not a recording in table media"));
    const fs::path badType = edited("bad-type.evpack", "PRAGMA ignore_check_constraints = 1; UPDATE media SET type = 'video/mp4' WHERE name = 'squares.png'");
    CHECK_THAT(packError(badType), Catch::Contains("media 'squares.png' has unknown type 'video/mp4'"));

    // The bytes are the kiosk's to cope with when it draws: the pack still reads.
    const fs::path damaged = edited("damaged.evpack", "UPDATE media SET bytes = substr(bytes, 1, 60) || x'DEADBEEF' WHERE name = 'squares.png'");
    const ev::Pack p = ev::readPack(damaged);
    std::string error;
    CHECK_FALSE(ev::decodePng(p.media("squares.png")->bytes, error));
    CHECK_FALSE(error.empty());

    // A text-only pack from before the media tables reads as before.
    const Run good = tool("build " + quote((kFixtures / "content/good").string()) + " -o " + quote((dir.path / "good.evpack").string()));
    REQUIRE(good.status == 0);
    REQUIRE(run("sqlite3 " + quote((dir.path / "good.evpack").string()) + " 'DROP TABLE page_narration; DROP TABLE media'").status == 0);
    CHECK(packError(dir.path / "good.evpack").empty());
}

TEST_CASE("decodePng refuses what is not a PNG, damaged or too large, and never throws", "[media]") {
    std::string error;
    const std::string ok = png(3, 2);
    const auto image = ev::decodePng({reinterpret_cast<const std::uint8_t*>(ok.data()), ok.size()}, error);
    REQUIRE(image);
    CHECK(image->pixels.size() == 3u * 2u * 4u);
    CHECK(image->pixels[0] == 0x80);
    for (const std::string& bad : {std::string(), std::string("GIF89a"), ok.substr(0, ok.size() / 2), png(ev::kMaxImageSide + 1, 1)}) {
        error.clear();
        CHECK_FALSE(ev::decodePng({reinterpret_cast<const std::uint8_t*>(bad.data()), bad.size()}, error));
        CHECK_FALSE(error.empty());
    }
    CHECK_THAT(error, Catch::Contains("4097 x 1 pixels, over the 4096"));
}
