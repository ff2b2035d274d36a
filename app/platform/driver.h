#pragma once
// Something that plays input into the kiosk in place of a person: a --script file or the
// --monkey. The loop asks for one action at a time and carries it out over a few frames.
// An action is a script command (core/session/script.h), whatever made it; the monkey's carry
// "monkey step N" where a script's carry FILE:LINE.
#include <optional>

#include "core/session/script.h"
#include "ui/widget_registry.h"

namespace ev::platform {

using Action = ScriptCommand;

class Driver {
public:
    virtual ~Driver() = default;
    // The next action given what is on screen now, or nullopt when finished.
    virtual std::optional<Action> next(const ui::WidgetRegistry& onScreen) = 0;
};

} // namespace ev::platform
