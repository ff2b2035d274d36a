#pragma once
// export-html: a pack as a static website, for the council's site and for screen-reader
// users (the kiosk's ImGui screens have no accessibility tree). See docs/content-guide.md.
//
//   DIR/index.html                 the languages, each named in itself
//   DIR/neutral.html               where the quick exit goes: the pack's neutral screen
//   DIR/style.css
//   DIR/<locale>/index.html        "who are you?": the three audiences
//   DIR/<locale>/topics-<audience>.html
//   DIR/<locale>/page-<page-id>.html
//   DIR/<locale>/help.html         help cards from the signposts
//   DIR/media/<name>               the pack's images and narration recordings
#include <filesystem>

#include "core/pack/content.h"

namespace evpack {

// Writes (or overwrites) the site's files under dir, creating it. Returns how many HTML
// files were written. Throws std::runtime_error naming the file that could not be written.
int exportHtml(const ev::Pack& pack, const std::filesystem::path& dir);

} // namespace evpack
