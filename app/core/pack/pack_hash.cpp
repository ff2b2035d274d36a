#include "core/pack/pack_hash.h"

#include <sodium.h>

#include <stdexcept>

namespace ev {

std::string pageSourceHash(std::string_view title, std::string_view summary, std::string_view markdown) {
    std::string body;
    body.reserve(markdown.size());
    for (std::size_t i = 0; i < markdown.size(); ++i)
        if (!(markdown[i] == '\r' && i + 1 < markdown.size() && markdown[i + 1] == '\n')) body += markdown[i];
    const auto space = " \t\r\n";
    const auto first = body.find_first_not_of(space);
    body = first == std::string::npos ? std::string() : body.substr(first, body.find_last_not_of(space) - first + 1);

    const std::string input = std::string(title) + "\n" + std::string(summary) + "\n" + body;
    // Picks the fastest BLAKE2b code for this CPU; later calls return at once.
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                       nullptr, 0);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

} // namespace ev
