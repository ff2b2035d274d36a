#include "translation_history.h"

#include <toml++/toml.h>

#include <stdexcept>

#include "core/atomic_file.h"
#include "toml_edit.h"

namespace evpack {

namespace fs = std::filesystem;

fs::path historyFile(const fs::path& src) { return src / "translation-history.toml"; }

TranslationHistory readHistory(const fs::path& file) {
    TranslationHistory out;
    if (!fs::exists(file)) return out;
    try {
        const toml::table root = toml::parse_file(file.string());
        const toml::array* entries = root["english"].as_array();
        if (!entries) return out;
        for (const toml::node& n : *entries) {
            const toml::table* t = n.as_table();
            if (!t) continue;
            const auto hash = (*t)["hash"].value<std::string>();
            if (!hash) continue;
            EnglishText& e = out[*hash];
            e.page = (*t)["page"].value_or(std::string());
            e.title = (*t)["title"].value_or(std::string());
            e.summary = (*t)["summary"].value_or(std::string());
            e.markdown = (*t)["markdown"].value_or(std::string());
            e.signpost = (*t)["signpost"].value_or(std::string());
            e.strings = (*t)["strings"].value_or(std::string());
            e.plan = (*t)["plan"].value_or(std::string());
            if (const toml::table* fields = (*t)["fields"].as_table())
                for (auto&& [k, v] : *fields) e.fields[std::string(k.str())] = v.value_or(std::string());
        }
    } catch (const toml::parse_error& e) {
        throw std::runtime_error(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                                 std::string(e.description()));
    }
    return out;
}

void writeHistory(const fs::path& file, const TranslationHistory& history, const std::set<std::string>& keep) {
    std::string out =
        "# The English text each translated_from stamp (pages, help cards, sections of UI strings, plans) stood for, kept by\n"
        "# `everyvoice-pack xliff export` and `xliff import` so translators can see what changed\n"
        "# (`everyvoice-pack stale`). Written by the tool; there is no need to edit it.\n";
    for (const auto& [hash, e] : history) {
        if (!keep.contains(hash)) continue;
        if (!e.signpost.empty() || !e.strings.empty() || !e.plan.empty()) {
            const std::string kind = !e.plan.empty()      ? "plan = " + tomlString(e.plan)
                                     : !e.strings.empty() ? "strings = " + tomlString(e.strings)
                                                          : "signpost = " + tomlString(e.signpost);
            out += "\n[[english]]\nhash = " + tomlString(hash) + "\n" + kind + "\n";
            for (const auto& [field, text] : e.fields) out += "fields." + tomlString(field) + " = " + tomlString(text) + "\n";
            continue;
        }
        out += "\n[[english]]\nhash = " + tomlString(hash) + "\npage = " + tomlString(e.page) + "\ntitle = " +
               tomlString(e.title) + "\nsummary = " + tomlString(e.summary) + "\nmarkdown = " + tomlMultiline(e.markdown) + "\n";
    }
    ev::writeFileAtomically(file, out);
}

} // namespace evpack
