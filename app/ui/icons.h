#pragma once
// Simple line icons drawn with ImDrawList, so no image files or icon fonts are needed.
#include <imgui.h>

namespace ev::ui {

enum class Icon { None, Back, Home, Globe, Help, Exit, Child, Teen, Parent, Community, Phone, Web, Next, Display, Speaker,
                  Play, Pause, Stop, Quieter, Louder };

// Draws icon centred in a square of side size. mirrored flips arrows for right-to-left.
void drawIcon(ImDrawList* dl, Icon icon, ImVec2 centre, float size, ImU32 colour, bool mirrored);

} // namespace ev::ui
