#include "core/pack/pack_hash.h"

#include <sodium.h>

#include <stdexcept>

#include "core/pack/content.h"

namespace ev {

namespace {

std::string digestHex(const std::string& input) {
    // Picks the fastest BLAKE2b code for this CPU; later calls return at once.
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                       nullptr, 0);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

} // namespace

std::string pageSourceHash(std::string_view title, std::string_view summary, std::string_view markdown) {
    std::string body;
    body.reserve(markdown.size());
    for (std::size_t i = 0; i < markdown.size(); ++i)
        if (!(markdown[i] == '\r' && i + 1 < markdown.size() && markdown[i + 1] == '\n')) body += markdown[i];
    const auto space = " \t\r\n";
    const auto first = body.find_first_not_of(space);
    body = first == std::string::npos ? std::string() : body.substr(first, body.find_last_not_of(space) - first + 1);

    return digestHex(std::string(title) + "\n" + std::string(summary) + "\n" + body);
}

std::string signpostSourceHash(const SignpostText& english) {
    std::string input = english.name + "\n" + english.forWhom + "\n" + english.description + "\n" + english.hours;
    for (const std::string& label : english.phoneLabels) input += "\n" + label;
    return digestHex(input);
}

std::string stringsSourceHash(const std::map<std::string, std::string>& english) {
    std::string input;
    for (const auto& [key, value] : english) input += key + "=" + value + "\n";
    return digestHex(input);
}

} // namespace ev
