#pragma once
// Font files found with fontconfig, the fallback order per script, and FreeType faces with
// their HarfBuzz fonts per pixel size. Shaping and rasterising use the very same FT_Face, so
// the advances HarfBuzz gives and the bitmaps FreeType draws agree.
#include "text/types.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <unicode/uscript.h>

typedef struct FT_LibraryRec_* FT_Library;
typedef struct FT_FaceRec_* FT_Face;
typedef struct hb_font_t hb_font_t;
typedef struct _FcConfig FcConfig;

namespace ev::text {

using FontId = std::int32_t; // index into FontLibrary's fonts

// Light hinting: vertical-only, so advances stay unhinted and Arabic joins meet. Shaping
// (hb_ft) and rasterising (FT_Load_Glyph) both use these flags.
inline constexpr std::int32_t kLoadFlags = 1 << 16; // FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT

// One font file at one size. Sizes are FreeType char sizes in 26.6 pixels at 72 dpi, so
// HarfBuzz positions come out in 26.6 pixels too.
struct SizedFont {
    FT_Face face = nullptr;
    hb_font_t* hb = nullptr;
    float ascender = 0, descender = 0; // pixels, unrounded; descender is positive below baseline
};

// The font families text of this script in this language is set in, best first: the script's
// own Noto family, then the core families every language falls back to. The kiosk's chains
// and the pack tool's printed handouts use the same list.
std::vector<std::string> familyChain(UScriptCode script, const std::string& language);

class FontLibrary {
public:
    FontLibrary();
    ~FontLibrary();
    FontLibrary(const FontLibrary&) = delete;
    FontLibrary& operator=(const FontLibrary&) = delete;

    // Fonts to try for text of this script, best first; the shaper falls back along the list
    // cluster by cluster. Empty only if no font at all was found.
    const std::vector<FontId>& chain(UScriptCode script, Weight weight, const std::string& language);

    // Last resort: any installed font that fontconfig says covers cp.
    std::optional<FontId> coveringFont(char32_t cp, Weight weight);

    // nullptr if the file cannot be opened. Pointers stay valid until trim().
    SizedFont* sized(FontId font, std::int32_t size26);

    // Drops every sized face when there are many (an animated size would otherwise grow the
    // cache without bound). Call only when no SizedFont pointer is held.
    void trim();

    const std::string& path(FontId font) const;

private:
    struct File {
        std::string path;
        int index = 0;
        std::vector<unsigned char> bytes; // loaded on first use, shared by all sizes
    };
    struct Sized;

    std::optional<FontId> family(const std::string& name, Weight weight);
    FontId addFile(const std::string& path, int index);

    FT_Library ft_ = nullptr;
    FcConfig* fc_ = nullptr;
    std::vector<File> files_;
    std::map<std::pair<std::string, Weight>, std::optional<FontId>> families_;
    std::map<std::tuple<UScriptCode, Weight, std::string>, std::vector<FontId>> chains_;
    std::unordered_map<std::uint64_t, std::optional<FontId>> covering_;
    std::unordered_map<std::uint64_t, std::unique_ptr<Sized>> sized_;
};

} // namespace ev::text
