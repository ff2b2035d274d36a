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

} // namespace

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
    // locales/en.toml, as the pack tool reads it: "[section] key" becomes "section.key".
    const toml::table strings = toml::parse(kBuiltInEnglishStrings);
    for (const auto& [section, table] : strings)
        if (const toml::table* t = table.as_table())
            for (const auto& [key, value] : *t)
                if (const auto text = value.value<std::string>())
                    pack.strings["en"][std::string(section.str()) + "." + std::string(key.str())] = *text;
    return pack;
}

} // namespace ev
