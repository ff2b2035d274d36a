#pragma once
#include "../ui_context.h"

namespace ev::ui {

// Staff information: which pack is showing. Reached only with --goto admin for now; the
// PIN-guarded entry from the attract screen belongs to the admin issue.
class AdminView {
public:
    void draw(Ui& ui);
};

} // namespace ev::ui
