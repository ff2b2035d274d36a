#pragma once
// Reads a content folder (pack.toml, pages/<page>/<locale>.md, assets/, UI strings) into an ev::Pack,
// keeping where each thing came from so later checks can name a file and line.
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/pack/content.h"
#include "diagnostics.h"

namespace evpack {

// One page in one language, as written.
struct PageFile {
    std::filesystem::path file;
    std::string title;
    std::string summary;
    std::string status;            // "draft" unless the front matter says "reviewed"
    std::string translatedFrom;
    std::string reviewedBy;        // who reviewed it: a role or organisation, never a person's contact
    std::string reviewedOn;        // the day of the review, YYYY-MM-DD; empty if none
    std::string markdown;          // everything after the closing +++ line
    int bodyLine = 1;              // file line of the first Markdown line
    bool hasAudience = false;      // the front matter names an audience list
    std::vector<ev::Audience> audiences;
    bool verify = false;
    std::string narration;         // a recording in assets/, .ogg or .opus; empty if none
    std::map<std::string, int> keyLines; // front matter key -> file line
    int line(const std::string& key) const;
};

struct SignpostSource {
    int line = 1;                  // the [[signposts]] header
    std::optional<int> verifyLine; // verify = true
    std::string englishHash;       // ev::signpostSourceHash of the default-locale text
    std::map<std::string, std::string> translatedFrom; // tag -> its translated_from stamp ("" if none)
    std::map<std::string, int> textLines;              // tag -> the [signposts.text.<tag>] header's line
    // A translation with no stamp, or made from other English than today's: the pack carries
    // the English instead. Never ask it of the default locale.
    bool stale(const std::string& tag) const;
};

// A locale file's stamp for one section of UI strings: [translated_from] nav = "<hash>".
struct StringStamp {
    std::string stamp;
    int line = 1;
};

// The section a UI string belongs to, the part of its key before the first dot: "nav" for nav.back.
std::string stringSection(const std::string& key);

// One plan's plan.toml: where its parts were written, for lint's messages.
struct PlanSource {
    std::filesystem::path file;
    std::vector<int> stepLines;     // the [[steps]] header of each step
    std::vector<int> signpostLines; // each signposts entry
};

// One plan's text in one language (plans/<plan>/<locale>.toml), as written.
struct PlanFile {
    std::filesystem::path file;
    std::string translatedFrom;
    std::map<std::string, int> keyLines; // top-level key -> file line
    std::vector<int> stepLines;          // each [[steps]] table
    int line(const std::string& key) const;
};

struct Source {
    std::filesystem::path packToml;
    std::filesystem::path localesDir;
    std::filesystem::path factsFile; // the facts list lint checks against: SRC/../facts.toml unless --facts names another
    ev::Pack pack;                 // pages only hold locales listed in pack.toml
    std::map<std::string, std::map<std::string, PageFile>> files; // page -> locale -> file
    std::map<std::string, std::string> sourceHash;                // page -> hash of its default-locale text
    std::map<std::string, PlanSource> plans;                      // plan -> its plan.toml
    std::map<std::string, std::map<std::string, PlanFile>> planFiles; // plan -> locale -> text file
    std::map<std::string, std::string> planHash;                  // plan -> planSourceHash of its default-locale text
    std::map<ev::Audience, std::vector<int>> topicLines;          // pack.toml line of each pack.topics entry
    std::vector<SignpostSource> signposts;                        // parallel to pack.signposts
    std::map<std::string, int> localeLines;                       // tag -> pack.toml line
    std::map<std::string, std::vector<int>> neutralLines;         // tag -> pack.toml line of each neutral item
    std::vector<int> questionLines;                               // parallel to pack.questions
    std::map<std::string, std::map<std::string, int>> stringLines; // locale -> UI string key -> line in its file
    std::map<std::string, std::map<std::string, StringStamp>> stringStamps; // locale -> section -> its stamp
    std::map<std::string, std::string> stringsHash;                // section -> ev::stringsSourceHash of the default locale's
    // A translated UI string whose section is stale and whose English changed since (by
    // translation-history.toml; the whole section when the history does not know the stamp):
    // left out of the pack, so the kiosk shows the default locale's words. locale -> keys.
    std::map<std::string, std::set<std::string>> staleStrings;
    // The default locale's strings of one section, by key.
    std::map<std::string, std::string> englishSection(const std::string& section) const;
    bool sectionStale(const std::string& tag, const std::string& section) const;
    std::filesystem::path assetsDir;                              // SRC/assets: images and narration
    std::map<std::string, std::filesystem::path> assets;          // file name -> file, valid names only
    std::filesystem::path stringsFile(const std::string& tag) const { return localesDir / (tag + ".toml"); }
    // The bytes of an asset listed in assets; empty if it cannot be read.
    std::vector<std::uint8_t> assetBytes(const std::string& name) const;
};

// Problems in what was read (syntax, unknown keys, wrong types, Markdown outside the kiosk's
// subset) go to diag; cross-checks between files are in lint.h.
Source readSource(const std::filesystem::path& dir, const std::filesystem::path& localesDir, Diagnostics& diag);

// One page file on its own, for `hash`; nullopt after reporting to diag.
std::optional<PageFile> readPageFile(const std::filesystem::path& file, Diagnostics& diag);
// The same from its text (file names it in diagnostics); its Markdown is not parsed yet.
std::optional<PageFile> parsePageFile(std::string_view text, const std::filesystem::path& file, Diagnostics& diag);

// The UI strings of one locale file, nested tables flattened to dotted keys, with their lines.
// Its [translated_from] table is not a string: its entries go to stamps when asked for.
void parseStrings(std::string_view text, const std::filesystem::path& file, Diagnostics& diag,
                  std::map<std::string, std::string>& strings, std::map<std::string, int>& lines,
                  std::map<std::string, StringStamp>* stamps = nullptr);

// The default locale named in DIR/pack.toml, or "en" if it cannot be read.
std::string defaultLocaleOf(const std::filesystem::path& dir);

} // namespace evpack
