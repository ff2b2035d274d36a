#pragma once
// Who reviewed a translation, and when: reviewed_by (a role or organisation, such as "Council
// translation service") and reviewed_on (a date) in a page's front matter.
#include <iosfwd>

#include "diagnostics.h"
#include "source.h"

namespace evpack {

// reviewed_by never holds a person's contact (an email address, phone number or web
// address); a reviewed translation says who reviewed it and when; a review is not dated in the future.
void checkReviews(const Source& src, Diagnostics& diag);

// One line for lint: how many translated pages are still unreviewed drafts, by language.
void printReviewCounts(const Source& src, std::ostream& out);

} // namespace evpack
