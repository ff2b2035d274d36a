#pragma once
// Checks across a content folder once it is read: links and topics that name missing pages,
// audiences that disagree, drafts, details to verify, stale and missing translations, and
// the images and narration in assets/ (asset_check.h).
#include <iosfwd>

#include "diagnostics.h"
#include "source.h"

namespace evpack {

// release: verify = true becomes an error instead of a listed detail.
void checkSource(const Source& src, bool release, Diagnostics& diag);

// How hard each audience's pages are to read, one line an audience: the pages on its topic
// list in the default locale, pooled (words a sentence, and the Flesch-Kincaid grade and
// reading age when that locale is English, the only language the formula is made for).
void printReadability(const Source& src, std::ostream& out);

} // namespace evpack
