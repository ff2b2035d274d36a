#pragma once
// Checks across a content folder once it is read: links and topics that name missing pages,
// audiences that disagree, drafts, details to verify, stale and missing translations, and
// the images and narration in assets/ (asset_check.h).
#include "diagnostics.h"
#include "source.h"

namespace evpack {

// release: verify = true becomes an error instead of a listed detail.
void checkSource(const Source& src, bool release, Diagnostics& diag);

} // namespace evpack
