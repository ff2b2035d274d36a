#pragma once
// The facts rule, enforced: content may state a phone number or web address only if the
// project's facts list (content/facts.toml) holds it, or if it is marked verify = true.
// Lint finds every phone-number-like and web-address-like string in every page, signpost,
// neutral item and UI string of every language, and reports each unlisted one.
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "source.h"

namespace evpack {

struct Facts {
    std::filesystem::path file;      // as named in messages: content/facts.toml
    bool found = false;              // the file was there and read
    std::set<std::string> phones;    // digits only: "08001111"
    std::set<std::string> web;       // lower case, no scheme, no www., no trailing /
};

// Reads the list; problems in it go to diag at their line.
Facts readFacts(const std::filesystem::path& file, Diagnostics& diag);

// One phone-number-like or web-address-like string in a text.
struct Contact {
    enum class Kind { Phone, Web } kind;
    std::string text;  // as written: "০৮০০ ১১১১", "www.example.org.uk"
    std::string key;   // as listed: digits only (any script's digits as 0-9), or the normalised address
};

// Phone numbers: runs of digits in any script (Bengali, Gurmukhi, Arabic-Indic and the rest)
// joined by single spaces, hyphens, dots or brackets, with 5 or more digits, or 3 or more
// starting with 0, or after + or tel:. Web addresses: http(s)://..., www...., and bare
// domains ending in a common top-level domain (childline.org.uk).
std::vector<Contact> findContacts(std::string_view text);

// release: an unlisted phone number or web address is an error, else a warning.
void checkFacts(const Source& src, const Facts& facts, bool release, Diagnostics& diag);

} // namespace evpack
