#pragma once
#include <string>

#include "../ui_context.h"

namespace ev::ui {

// Staff information: which pack is showing. Reached only with --goto admin for now; the
// PIN-guarded entry from the attract screen belongs to the admin issue.
class AdminView {
public:
    void draw(Ui& ui);
    void setPackStatus(std::string status) { packStatus_ = std::move(status); }

private:
    std::string packStatus_; // what became of the last pack update, if any
};

} // namespace ev::ui
