#include "text/fonts.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <strings.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>

namespace ev::text {

static_assert(kLoadFlags == (FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT));

namespace {

// In one read of the known size: byte by byte through a stream iterator into a growing vector,
// reading the fonts cost about 4 ms of a cold Urdu layout (tests/bench/frame_bench), paid again
// in the first frame of each new language.
std::vector<unsigned char> readWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const std::streamoff size = in ? std::streamoff(in.tellg()) : 0;
    std::vector<unsigned char> bytes(size > 0 ? std::size_t(size) : 0);
    in.seekg(0);
    if (bytes.empty() || !in.read(reinterpret_cast<char*>(bytes.data()), size)) bytes.clear();
    return bytes;
}

constexpr const char* kPackageHint = "install the Debian package fonts-noto-core";
constexpr std::size_t kMaxSizedFaces = 64; // a handful of UI sizes times a handful of fonts

// The families every chain falls back to, in this order, after the script's own font.
constexpr const char* kCoreFamilies[] = {"Noto Sans", "Noto Sans Bengali", "Noto Sans Gurmukhi",
                                         "Noto Nastaliq Urdu", "Noto Naskh Arabic"};

std::string primaryTag(const std::string& language) {
    return language.substr(0, language.find_first_of("-_"));
}

// Urdu and Shahmukhi Punjabi are read in Nastaliq; printed Naskh looks foreign to their
// readers. Other Arabic-script languages (Arabic, Persian in print, Pashto) get Naskh.
bool nastaliqLanguage(const std::string& language) {
    const std::string tag = primaryTag(language);
    return tag.empty() || tag == "ur" || tag == "pa" || tag == "pnb" || tag == "skr" || tag == "ks";
}

std::string familyForScript(UScriptCode script, const std::string& language) {
    switch (script) {
    case USCRIPT_ARABIC:
        return nastaliqLanguage(language) ? "Noto Nastaliq Urdu" : "Noto Naskh Arabic";
    case USCRIPT_COMMON: case USCRIPT_INHERITED: case USCRIPT_UNKNOWN:
    case USCRIPT_LATIN: case USCRIPT_GREEK: case USCRIPT_CYRILLIC:
        return "Noto Sans";
    default: {
        std::string name = uscript_getName(script);
        for (char& c : name)
            if (c == '_') c = ' ';
        return "Noto Sans " + name;
    }
    }
}

bool hasFamily(FcPattern* pattern, const std::string& name) {
    FcChar8* family = nullptr;
    for (int i = 0; FcPatternGetString(pattern, FC_FAMILY, i, &family) == FcResultMatch; ++i)
        if (strcasecmp(reinterpret_cast<const char*>(family), name.c_str()) == 0) return true;
    return false;
}

int fcWeight(Weight w) { return w == Weight::Bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR; }

} // namespace

struct FontLibrary::Sized {
    SizedFont font;
    ~Sized() {
        if (font.hb) hb_font_destroy(font.hb);
        if (font.face) FT_Done_Face(font.face);
    }
};

FontLibrary::FontLibrary() {
    if (FT_Init_FreeType(&ft_) != 0) {
        std::cerr << "ev::text: FreeType failed to initialise; text will not be drawn\n";
        ft_ = nullptr;
    }
    fc_ = FcInitLoadConfigAndFonts();
    if (!fc_) std::cerr << "ev::text: fontconfig failed to load its configuration; " << kPackageHint << "\n";
}

FontLibrary::~FontLibrary() {
    sized_.clear();
    if (ft_) FT_Done_FreeType(ft_);
    if (fc_) FcConfigDestroy(fc_);
}

FontId FontLibrary::addFile(const std::string& path, int index) {
    for (std::size_t i = 0; i < files_.size(); ++i)
        if (files_[i].path == path && files_[i].index == index) return FontId(i);
    files_.push_back(File{path, index, {}});
    return FontId(files_.size() - 1);
}

std::optional<FontId> FontLibrary::family(const std::string& name, Weight weight) {
    const auto key = std::pair(name, weight);
    if (auto it = families_.find(key); it != families_.end()) return it->second;
    std::optional<FontId> found;
    if (fc_) {
        FcPattern* pattern = FcPatternCreate();
        FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
        FcPatternAddInteger(pattern, FC_WEIGHT, fcWeight(weight));
        FcConfigSubstitute(fc_, pattern, FcMatchPattern);
        FcDefaultSubstitute(pattern);
        FcResult result = FcResultNoMatch;
        FcPattern* match = FcFontMatch(fc_, pattern, &result);
        FcChar8* file = nullptr;
        int index = 0, got = 0;
        if (match && hasFamily(match, name) &&
            FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
            FcPatternGetInteger(match, FC_INDEX, 0, &index);
            FcPatternGetInteger(match, FC_WEIGHT, 0, &got);
            if (weight == Weight::Bold && got < FC_WEIGHT_DEMIBOLD)
                std::cerr << "ev::text: no bold face of \"" << name << "\", using regular; " << kPackageHint << "\n";
            found = addFile(reinterpret_cast<const char*>(file), index);
        } else {
            std::cerr << "ev::text: font \"" << name << "\" not found, falling back to other fonts; "
                      << kPackageHint << " (or the fonts-noto-* package for that script)\n";
        }
        if (match) FcPatternDestroy(match);
        FcPatternDestroy(pattern);
    }
    families_.emplace(key, found);
    return found;
}

const std::vector<FontId>& FontLibrary::chain(UScriptCode script, Weight weight, const std::string& language) {
    // Only the choice of Arabic-script font depends on the language.
    const std::string lang = script == USCRIPT_ARABIC ? primaryTag(language) : std::string();
    const auto key = std::tuple(script, weight, lang);
    if (auto it = chains_.find(key); it != chains_.end()) return it->second;
    std::vector<FontId> fonts;
    for (const std::string& name : familyChain(script, lang))
        if (auto id = family(name, weight); id && std::find(fonts.begin(), fonts.end(), *id) == fonts.end())
            fonts.push_back(*id);
    return chains_.emplace(key, std::move(fonts)).first->second;
}

std::vector<std::string> familyChain(UScriptCode script, const std::string& language) {
    std::vector<std::string> names{familyForScript(script, language)};
    for (const char* name : kCoreFamilies)
        if (name != names.front()) names.emplace_back(name);
    return names;
}

std::optional<FontId> FontLibrary::coveringFont(char32_t cp, Weight weight) {
    const std::uint64_t key = (std::uint64_t(cp) << 1) | (weight == Weight::Bold ? 1 : 0);
    if (auto it = covering_.find(key); it != covering_.end()) return it->second;
    std::optional<FontId> found;
    if (fc_) {
        FcPattern* pattern = FcPatternCreate();
        FcCharSet* wanted = FcCharSetCreate();
        FcCharSetAddChar(wanted, cp);
        FcPatternAddCharSet(pattern, FC_CHARSET, wanted);
        FcPatternAddInteger(pattern, FC_WEIGHT, fcWeight(weight));
        FcConfigSubstitute(fc_, pattern, FcMatchPattern);
        FcDefaultSubstitute(pattern);
        FcResult result = FcResultNoMatch;
        FcFontSet* fonts = FcFontSort(fc_, pattern, FcFalse, nullptr, &result);
        for (int i = 0; fonts && i < fonts->nfont && !found; ++i) {
            FcCharSet* has = nullptr;
            FcChar8* file = nullptr;
            int index = 0;
            if (FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0, &has) == FcResultMatch &&
                FcCharSetHasChar(has, cp) &&
                FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) == FcResultMatch) {
                FcPatternGetInteger(fonts->fonts[i], FC_INDEX, 0, &index);
                found = addFile(reinterpret_cast<const char*>(file), index);
            }
        }
        if (fonts) FcFontSetDestroy(fonts);
        FcCharSetDestroy(wanted);
        FcPatternDestroy(pattern);
    }
    covering_.emplace(key, found);
    return found;
}

SizedFont* FontLibrary::sized(FontId font, std::int32_t size26) {
    const std::uint64_t key = (std::uint64_t(std::uint32_t(font)) << 32) | std::uint32_t(size26);
    if (auto it = sized_.find(key); it != sized_.end()) return it->second ? &it->second->font : nullptr;
    std::unique_ptr<Sized> made;
    File& file = files_.at(std::size_t(font));
    if (file.bytes.empty()) {
        file.bytes = readWhole(file.path);
        if (file.bytes.empty()) std::cerr << "ev::text: cannot read font file " << file.path << "\n";
    }
    FT_Face face = nullptr;
    if (ft_ && !file.bytes.empty() &&
        FT_New_Memory_Face(ft_, file.bytes.data(), FT_Long(file.bytes.size()), file.index, &face) == 0) {
        made = std::make_unique<Sized>();
        made->font.face = face;
        if (FT_Set_Char_Size(face, 0, size26, 72, 72) != 0)
            std::cerr << "ev::text: cannot size " << file.path << " to " << size26 / 64.0 << " px\n";
        made->font.hb = hb_ft_font_create(face, nullptr);
        hb_ft_font_set_load_flags(made->font.hb, kLoadFlags);
        made->font.ascender = float(FT_MulFix(face->ascender, face->size->metrics.y_scale)) / 64.0f;
        made->font.descender = -float(FT_MulFix(face->descender, face->size->metrics.y_scale)) / 64.0f;
    } else if (!file.bytes.empty()) {
        std::cerr << "ev::text: FreeType cannot open " << file.path << "\n";
    }
    SizedFont* out = made ? &made->font : nullptr;
    sized_.emplace(key, std::move(made));
    return out;
}

void FontLibrary::trim() {
    if (sized_.size() > kMaxSizedFaces) sized_.clear();
}

const std::string& FontLibrary::path(FontId font) const { return files_.at(std::size_t(font)).path; }

} // namespace ev::text
