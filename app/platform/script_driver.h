#pragma once
// --script FILE: plays a parsed script (core/session/script.h) one command at a time.
#include <cstddef>
#include <utility>
#include <vector>

#include "platform/driver.h"

namespace ev::platform {

class ScriptDriver final : public Driver {
public:
    explicit ScriptDriver(std::vector<ScriptCommand> commands) : commands_(std::move(commands)) {}
    std::optional<Action> next(const ui::WidgetRegistry&) override {
        if (next_ >= commands_.size()) return std::nullopt;
        return commands_[next_++];
    }

private:
    std::vector<ScriptCommand> commands_;
    std::size_t next_ = 0;
};

} // namespace ev::platform
