#pragma once
#include "ui/scroll_area.h"

namespace ev::ui {

// "Choose your language": one large button per language of the pack, each named in itself.
class LanguageView {
public:
    void draw(Ui& ui);

private:
    ScrollArea scroll_;
};

} // namespace ev::ui
