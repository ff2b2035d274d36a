#pragma once
// Lint's checks of the session plans (plans/<plan>/): every step names a page and a part of it
// that exists, every end signpost exists, and each language's text is there and up to date.
// The facts rule covers plans in facts.h, like every other text.
#include "diagnostics.h"
#include "source.h"

namespace evpack {

void checkPlans(const Source& src, Diagnostics& diag);

} // namespace evpack
