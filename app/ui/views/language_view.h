#pragma once
#include "ui/scroll_area.h"
#include "ui/views/view.h"

namespace ev::ui {

// "Choose your language": one large button per language of the pack, each named in itself.
class LanguageView final : public View {
public:
    void draw(Ui& ui) override;

private:
    ScrollArea scroll_;
};

} // namespace ev::ui
