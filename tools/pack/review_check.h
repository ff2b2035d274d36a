#pragma once
// Who reviewed a translation, and when: reviewed_by (a role or organisation, such as "Council
// translation service") and reviewed_on (a date) in a page's front matter.
#include <iosfwd>

#include "diagnostics.h"
#include "source.h"

namespace evpack {

// Errors: reviewed_by holds a person's contact (an email address, phone number or web
// address), or a review is dated in the future. Warnings: a reviewed translation that does not
// say who reviewed it and when (packs made before these keys), and a review on a draft.
void checkReviews(const Source& src, Diagnostics& diag);

// One line for lint: how many translated pages are still unreviewed drafts, by language.
void printReviewCounts(const Source& src, std::ostream& out);

} // namespace evpack
