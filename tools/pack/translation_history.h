#pragma once
// SRC/translation-history.toml: the English each translated_from stamp (a page's, a help card's, a plan's) stood for, so that
// a translator sees what changed in the English since their translation was made (xliff
// export notes, `stale`). xliff export and import add the English they stamp; entries no
// translation and no current English refer to are dropped, so the file stays small.
#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace evpack {

// A page's English; or a help card's (signpost set, fields by name: "name", "phone_labels.0");
// or a section of UI strings (strings set to "nav", fields by key: "nav.back"); or a session
// plan's (plan set, fields by name: "title", "answers.1", "steps.2.notes").
struct EnglishText {
    std::string page;
    std::string title;
    std::string summary;
    std::string markdown;
    std::string signpost;
    std::map<std::string, std::string> fields;
    std::string strings;
    std::string plan;
};

using TranslationHistory = std::map<std::string, EnglishText>; // by pageSourceHash, signpostSourceHash, stringsSourceHash or planSourceHash

std::filesystem::path historyFile(const std::filesystem::path& src);

// An absent file is an empty history; a file that cannot be read throws std::runtime_error
// naming it.
TranslationHistory readHistory(const std::filesystem::path& file);

// Writes the entries whose hash is in keep, replacing the file only once it is complete.
void writeHistory(const std::filesystem::path& file, const TranslationHistory& history, const std::set<std::string>& keep);

} // namespace evpack
