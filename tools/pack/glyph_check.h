#pragma once
// Renders every resident-facing string of a content folder with the kiosk's own text engine
// and reports each character no installed font covers: on a kiosk it would be a .notdef box.
#include "diagnostics.h"
#include "source.h"

namespace evpack {

void checkGlyphs(const Source& src, Diagnostics& diag);

} // namespace evpack
