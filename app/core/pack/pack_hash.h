#pragma once
// The source hash that ties a translation to the English text it was made from. A translator
// stamps it into the translation's front matter as translated_from; when the English changes
// the stamp no longer matches and the translation is stale.
#include <map>
#include <string>
#include <string_view>

namespace ev {

struct SignpostText;

// BLAKE2b with a 16-byte digest, as 32 lowercase hex digits, over
//   title + "\n" + summary + "\n" + body
// where body is the page's Markdown with CR LF turned into LF and leading and trailing
// whitespace removed, so saving the file with another editor does not make translations stale.
// It equals `b2sum -l 128` of those bytes.
std::string pageSourceHash(std::string_view title, std::string_view summary, std::string_view markdown);

// The stamp of a help card's translation (translated_from in [signposts.text.<tag>]): the same
// digest over the default locale's card, its fields one per line in the order name, for,
// description, hours, then each phone label. A translation whose stamp differs is stale, and
// the pack carries the card's default-locale text in its place: a service's hours or
// description must never be shown out of date.
std::string signpostSourceHash(const SignpostText& english);

// The stamp of a locale file's section of UI strings ([translated_from] in locales/<tag>.toml,
// one entry per section such as nav or page): the same digest over the default locale's
// strings of that section, one "key=value" line each (dotted keys, in byte order), so a
// changed button label makes only its own section's translations stale.
std::string stringsSourceHash(const std::map<std::string, std::string>& english);

} // namespace ev
