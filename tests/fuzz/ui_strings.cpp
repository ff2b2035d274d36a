// Fuzz target: a UI-string file (locales/<tag>.toml) read by the pack tool with its
// [translated_from] stamps, and each string checked and formatted as ICU MessageFormat the way
// lint does.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/i18n/i18n.h"
#include "diagnostics.h"
#include "source.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    evpack::Diagnostics diag;
    std::map<std::string, std::string> strings;
    std::map<std::string, int> lines;
    std::map<std::string, evpack::StringStamp> stamps;
    evpack::parseStrings(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.toml", diag, strings, lines, &stamps);
    for (const auto& [key, pattern] : strings) {
        const ev::MessageCheck check = ev::checkMessage(pattern, "pl");
        if (check.error.empty()) {
            std::map<std::string, long> args;
            for (const std::string& a : check.arguments) args[a] = 3;
            (void)ev::formatMessage(pattern, "pl", args);
        }
    }
    return 0;
}
