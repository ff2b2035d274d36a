// The glyph atlas texture on a real GL context (the kiosk's, from its SDL2 host; Mesa under
// Xvfb in the suite): read back with glGetTexImage, it equals the text engine's atlas after
// glyphs were added, the atlas grew and a page was evicted; it is single-channel where the
// driver can swizzle; and a sync uploads only the changed regions.
#include "platform/gl_texture.h"
#include "text/atlas.h"

#include "gl_window.h"

#include <GL/gl.h>
#include <imgui.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

using namespace ev;

namespace {

GLuint name(ImTextureID id) { return static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(id)); }

// The texture's coverage, one byte a pixel, whichever way it is stored; an RGBA texture must
// also be white.
std::vector<std::uint8_t> coverage(ImTextureID id, int side) {
    glBindTexture(GL_TEXTURE_2D, name(id));
    GLint format = 0;
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_INTERNAL_FORMAT, &format);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    std::vector<std::uint8_t> out(std::size_t(side) * std::size_t(side));
    if (format == GL_R8) {
        glGetTexImage(GL_TEXTURE_2D, 0, GL_RED, GL_UNSIGNED_BYTE, out.data());
        return out;
    }
    std::vector<std::uint8_t> rgba(out.size() * 4);
    glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (rgba[i * 4] != 0xFF || rgba[i * 4 + 1] != 0xFF || rgba[i * 4 + 2] != 0xFF) FAIL("an RGBA atlas texel is not white");
        out[i] = rgba[i * 4 + 3];
    }
    return out;
}

// Glyph n: a size and pattern of its own, up to 95 pixels square.
const text::AtlasGlyph* insert(text::Atlas& atlas, std::uint32_t n, std::uint64_t tick) {
    static std::vector<std::uint8_t> ink(96 * 96);
    const int w = 5 + int(n * 11 % 90), h = 5 + int(n * 17 % 90);
    for (std::size_t i = 0; i < ink.size(); ++i) ink[i] = std::uint8_t(1 + (i * 29 + n * 3) % 255);
    return atlas.insert(text::GlyphKey{0, 64 * 20, n, 0}, text::GlyphBitmap{ink.data(), w, h, 96, 0, h}, tick, tick);
}

text::AtlasView view(const text::Atlas& atlas) { return text::AtlasView{atlas.size(), atlas.size(), atlas.pixels()}; }

void fillGrowEvict(platform::GlAtlasTexture& texture) {
    text::Atlas atlas(512, 1024);
    std::uint64_t tick = 0;
    std::uint32_t n = 0;
    ImTextureID id = texture.sync(view(atlas), atlas.takeChanged());
    REQUIRE(id);
    auto check = [&]() {
        id = texture.sync(view(atlas), atlas.takeChanged());
        REQUIRE(id);
        REQUIRE(coverage(id, atlas.size()) == std::vector<std::uint8_t>(atlas.pixels(), atlas.pixels() + std::size_t(atlas.size()) * std::size_t(atlas.size())));
    };
    while (atlas.size() == 512) {
        for (int i = 0; i < 7; ++i) REQUIRE(insert(atlas, ++n, ++tick));
        check();
    }
    while (atlas.evictions() < 2) {
        for (int i = 0; i < 5; ++i) REQUIRE(insert(atlas, ++n, ++tick));
        check();
    }
    CHECK(atlas.size() == 1024);
    CHECK(glGetError() == GL_NO_ERROR);
}

} // namespace

TEST_CASE("the atlas texture equals the atlas through growth and eviction, single-channel", "[gl]") {
    GlWindow window;
    platform::GlAtlasTexture texture;
    fillGrowEvict(texture);
    // Mesa's llvmpipe offers GL 4.5 compatibility for the 3.0 the kiosk asks: it can swizzle.
    text::Atlas atlas(512, 512);
    const ImTextureID id = texture.sync(view(atlas), atlas.takeChanged());
    glBindTexture(GL_TEXTURE_2D, name(id));
    GLint format = 0, swizzle[4] = {};
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_INTERNAL_FORMAT, &format);
    glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    CHECK(format == GL_R8);
    CHECK(swizzle[0] == GL_ONE);
    CHECK(swizzle[1] == GL_ONE);
    CHECK(swizzle[2] == GL_ONE);
    CHECK(swizzle[3] == GL_RED);
}

TEST_CASE("the RGBA atlas texture, for drivers that cannot swizzle, equals the atlas too", "[gl]") {
    GlWindow window;
    platform::GlAtlasTexture texture(false);
    fillGrowEvict(texture);
}

TEST_CASE("a sync uploads only the regions that changed", "[gl]") {
    GlWindow window;
    text::Atlas atlas(512, 512);
    platform::GlAtlasTexture texture;
    const GLuint tex = name(texture.sync(view(atlas), atlas.takeChanged()));
    REQUIRE(insert(atlas, 1, 1));
    texture.sync(view(atlas), atlas.takeChanged());
    // A mark where no glyph goes: a sync that sent the whole atlas would wipe it.
    const std::uint8_t mark[4] = {7, 7, 7, 7};
    glBindTexture(GL_TEXTURE_2D, tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 510, 510, 2, 2, GL_RED, GL_UNSIGNED_BYTE, mark);
    const text::AtlasGlyph* g = insert(atlas, 2, 2);
    REQUIRE(g);
    REQUIRE(g->x + g->width < 510);
    texture.sync(view(atlas), atlas.takeChanged());
    std::vector<std::uint8_t> want(atlas.pixels(), atlas.pixels() + 512 * 512);
    for (int y = 510; y < 512; ++y)
        for (int x = 510; x < 512; ++x) want[std::size_t(y) * 512 + std::size_t(x)] = 7;
    CHECK(coverage(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex)), 512) == want);
}
