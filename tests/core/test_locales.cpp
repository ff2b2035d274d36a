// The UI strings in locales/ checked against ICU's own rules, and the locale helpers.
#include <catch2/catch.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "core/i18n/i18n.h"

namespace fs = std::filesystem;

namespace {

void flatten(const toml::table& t, const std::string& prefix, std::map<std::string, std::string>& out) {
    for (auto&& [k, v] : t) {
        const std::string key = prefix + std::string(k.str());
        if (const toml::table* sub = v.as_table()) flatten(*sub, key + ".", out);
        else if (auto s = v.value<std::string>()) out[key] = *s;
        else FAIL(key << " is not a string");
    }
}

std::map<std::string, std::map<std::string, std::string>> localeFiles() {
    std::map<std::string, std::map<std::string, std::string>> files;
    for (const auto& e : fs::directory_iterator(fs::path(EV_SOURCE_DIR) / "locales")) {
        if (e.path().extension() != ".toml") continue;
        INFO(e.path());
        toml::table t;
        REQUIRE_NOTHROW(t = toml::parse_file(e.path().string()));
        t.erase("translated_from"); // the stamps of a translation's sections, not strings (docs/translation.md)
        flatten(t, "", files[e.path().stem().string()]);
    }
    return files;
}

} // namespace

TEST_CASE("every locale file has exactly the English keys") {
    const auto files = localeFiles();
    REQUIRE(files.contains("en"));
    const auto& en = files.at("en");
    REQUIRE(en.size() > 20);
    for (const auto& [tag, strings] : files) {
        for (const auto& [key, value] : en) {
            INFO(tag << ".toml: " << key);
            CHECK(strings.contains(key));
        }
        for (const auto& [key, value] : strings) {
            INFO(tag << ".toml has a key English lacks: " << key);
            CHECK(en.contains(key));
        }
    }
}

TEST_CASE("every UI string parses as ICU MessageFormat and formats in its own locale") {
    const auto files = localeFiles();
    for (const auto& [tag, strings] : files) {
        for (const auto& [key, pattern] : strings) {
            INFO(tag << ".toml: " << key << " = " << pattern);
            const ev::MessageCheck check = ev::checkMessage(pattern, tag);
            REQUIRE(check.error.empty());
            CHECK(check.arguments == ev::checkMessage(files.at("en").at(key), "en").arguments);
            // Every plural category ICU's rules give whole numbers in this language has a branch.
            CHECK(check.missingPluralForms.empty());
            std::map<std::string, long> args;
            for (const std::string& a : check.arguments) args[a] = 0;
            for (long n : {0L, 1L, 2L, 3L, 5L, 11L, 21L, 22L, 25L, 101L}) {
                for (auto& [name, value] : args) value = n;
                const auto formatted = ev::formatMessage(pattern, tag, args);
                REQUIRE(formatted.has_value());
                CHECK_FALSE(formatted->empty());
                CHECK(formatted->find('{') == std::string::npos);
            }
        }
    }
}

TEST_CASE("a plural without a category the language needs is caught") {
    // Polish: 2-4 are "few", 5-21 "many" (CLDR). A pattern with only one/other misses both.
    const auto check = ev::checkMessage("{n, plural, one {# sekunda} other {# sekundy}}", "pl");
    CHECK(check.error.empty());
    CHECK(check.missingPluralForms == std::vector<std::string>{"n: few", "n: many"});
    CHECK(ev::checkMessage("{n, plural, one {# second} other {# seconds}}", "en").missingPluralForms.empty());
    CHECK_FALSE(ev::checkMessage("{n, plural, one {# x} other {# y}", "en").error.empty());
    CHECK_FALSE(ev::formatMessage("{n, plural, one {# x} other {# y}", "en", {{"n", 1}}).has_value());
}

TEST_CASE("plural forms follow each language's CLDR rules") {
    const std::string pl = "{n, plural, one {# sekundę} few {# sekundy} many {# sekund} other {# sekundy}}";
    CHECK(ev::formatMessage(pl, "pl", {{"n", 1}}) == "1 sekundę");
    CHECK(ev::formatMessage(pl, "pl", {{"n", 3}}) == "3 sekundy");
    CHECK(ev::formatMessage(pl, "pl", {{"n", 5}}) == "5 sekund");
    CHECK(ev::formatMessage(pl, "pl", {{"n", 22}}) == "22 sekundy");
    // Bengali's "one" covers 0 and 1 (CLDR), English's only 1.
    const std::string any = "{n, plural, one {ONE} other {OTHER}}";
    CHECK(ev::formatMessage(any, "bn", {{"n", 0}}) == "ONE");
    CHECK(ev::formatMessage(any, "en", {{"n", 0}}) == "OTHER");
}

TEST_CASE("locale matching falls back to the right language or to English") {
    const std::vector<std::string> pack = {"en", "pl", "ro", "lt", "pt", "bn", "ur", "pa", "so", "yo"};
    CHECK(ev::matchLocale(pack, "en-GB", "en") == "en");
    CHECK(ev::matchLocale(pack, "pt-BR", "en") == "pt");
    CHECK(ev::matchLocale(pack, "ur-IN", "en") == "ur");
    CHECK(ev::matchLocale(pack, "pa-IN", "en") == "pa");
    CHECK(ev::matchLocale(pack, "pa-Guru", "en") == "pa");
    // Punjabi as written in Pakistan is in Arabic script: a Gurmukhi page cannot serve it.
    CHECK(ev::matchLocale(pack, "pa-PK", "en") != "pa");
    CHECK(ev::matchLocale(pack, "fr", "en") == "en");
    CHECK(ev::matchLocale(pack, "not a tag", "en") == "en");
    CHECK(ev::matchLocale({"en", "pl"}, "bn", "en") == "en");
}

TEST_CASE("languages are named in their own script and capitalised as a label") {
    CHECK(ev::autonym("en") == "English");
    CHECK(ev::autonym("pl") == "Polski");
    CHECK(ev::autonym("ro") == "Română");
    CHECK(ev::autonym("bn") == "বাংলা");
    CHECK(ev::autonym("ur") == "اردو");
    CHECK(ev::autonym("pa") == "ਪੰਜਾਬੀ");
    CHECK(ev::isRightToLeft("ur"));
    CHECK_FALSE(ev::isRightToLeft("pa"));
}

namespace {

// Words that say something was told or heard, per language. After "Was this page helpful?"
// a child who was told to "tell someone" must not read the kiosk's thanks as "we heard you
// and help is coming". Each list is checked against the wording it replaced, so a list that
// would not have caught it fails too.
struct DisclosureWords {
    const char* tag;
    std::vector<std::string> words;
    const char* replaced; // the thanks this test was written against
};
const DisclosureWords kDisclosureWords[] = {
    {"en", {"tell", "told", "heard", "hear", "listen"}, "Thank you for telling us."},
    {"pl", {"powiedział", "znać", "mówi", "słysz", "wysłuch"}, "Dziękujemy, że dajesz nam znać."},
    {"ro", {"spus", "spune", "auzit", "ascult"}, "Vă mulțumim că ne-ați spus."},
    {"lt", {"pasak", "sakė", "girdėj", "išklaus"}, "Ačiū, kad mums pasakėte."},
    {"bn", {"জানানো", "জানিয়ে", "বলা", "বলে", "শুন"}, "আমাদের জানানোর জন্য ধন্যবাদ।"},
    {"so", {"sheeg", "maqal", "dhegeys"}, "Waad ku mahadsan tahay inaad noo sheegtay."},
    {"pt", {"dizer", "disse", "contar", "contou", "ouvi", "escut"}, "Obrigado por nos dizer."},
    {"ur", {"بتا", "سنا", "سن ", "کہا"}, "ہمیں بتانے کا شکریہ۔"},
    {"yo", {"sọ fún", "sọ", "gbọ́"}, "A dúpẹ́ pé o sọ fún wa."},
    {"pa", {"ਦੱਸ", "ਸੁਣ", "ਕਿਹਾ"}, "ਸਾਨੂੰ ਦੱਸਣ ਲਈ ਧੰਨਵਾਦ।"},
};

std::string asciiLower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string disclosureWordIn(const std::string& text, const std::vector<std::string>& words) {
    const std::string lower = asciiLower(text);
    for (const std::string& w : words)
        if (lower.find(w) != std::string::npos) return w;
    return {};
}

} // namespace

TEST_CASE("the thanks after Was this page helpful cannot be read as a disclosure received") {
    const auto files = localeFiles();
    for (const auto& [tag, strings] : files) {
        INFO(tag << ".toml: page.thanks = " << strings.at("page.thanks"));
        const auto list = std::find_if(std::begin(kDisclosureWords), std::end(kDisclosureWords),
                                       [&](const DisclosureWords& d) { return d.tag == tag; });
        REQUIRE(list != std::end(kDisclosureWords)); // a new language needs its list here
        CHECK_FALSE(disclosureWordIn(list->replaced, list->words).empty());
        CHECK(disclosureWordIn(strings.at("page.thanks"), list->words) == "");
    }
}
