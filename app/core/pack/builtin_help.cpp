#include "core/pack/builtin_help.h"

#include <toml++/toml.h>

#include "core/pack/builtin_strings.h"

namespace ev {

namespace {

Signpost service(std::string id, std::vector<std::string> phones, std::string web, SignpostText text) {
    Signpost s;
    s.id = std::move(id);
    s.phones = std::move(phones);
    s.web = std::move(web);
    s.text["en"] = std::move(text);
    return s;
}

void flatten(const toml::table& table, const std::string& prefix, std::map<std::string, std::string>& out) {
    for (const auto& [key, value] : table) {
        const std::string name = prefix + std::string(key.str());
        if (const toml::table* sub = value.as_table()) flatten(*sub, name + ".", out);
        else if (const auto text = value.value<std::string>()) out[name] = *text;
    }
}

} // namespace

const std::map<std::string, std::string>& builtInEnglishStrings() {
    // "[section] key" becomes "section.key" ("[visit.know_who] yes", "visit.know_who.yes"), as
    // the pack tool reads locales/en.toml.
    static const std::map<std::string, std::string> strings = [] {
        std::map<std::string, std::string> out;
        flatten(toml::parse(kBuiltInEnglishStrings), "", out);
        return out;
    }();
    return strings;
}

Pack builtInHelpPack() {
    Pack pack;
    pack.id = "built-in-help";
    pack.version = 1;
    pack.title = "Every Voice";
    pack.defaultLocale = "en";
    pack.locales = {{"en", "reviewed"}};
    pack.signposts = {
        service("childline", {"0800 1111"}, "childline.org.uk",
                {"Childline", "For children and young people under 19",
                 "Call free on 0800 1111, have a 1-2-1 chat online or send an email.", "", {}}),
        service("nspcc", {"0808 800 5000"}, "nspcc.org.uk",
                {"NSPCC Helpline", "For adults who are worried about a child", "Call 0808 800 5000.", "", {}}),
        service("stopitnow", {"0808 1000 900"}, "stopitnow.org.uk",
                {"Stop It Now!",
                 "For anyone worried about their own or someone else's sexual thoughts or behaviour towards children",
                 "Free from the UK on 0808 1000 900. You do not need to give your name.", "", {}}),
        service("emergency", {"999", "101"}, "",
                {"Police and emergency", "For everyone",
                 "If a child is in danger now, call 999. To report a concern that is not an emergency, call 101.", "",
                 {"In an emergency", "Not an emergency"}}),
    };
    pack.neutral["en"] = {NeutralScreen{"Every Voice", "Touch the screen to start."}};
    pack.strings["en"] = builtInEnglishStrings();
    return pack;
}

} // namespace ev
