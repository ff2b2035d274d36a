#include "ui/icons.h"

#include <algorithm>

namespace ev::ui {

namespace {

// A head and shoulders; scale < 1 draws a smaller (younger) figure.
void person(ImDrawList* dl, ImVec2 c, float s, ImU32 col, float t, float scale) {
    const float r = s * 0.15f * scale;
    const ImVec2 head{c.x, c.y + s * 0.42f - s * 0.62f * scale};
    dl->AddCircle(head, r, col, 24, t);
    dl->PathArcTo({c.x, c.y + s * 0.45f}, s * 0.27f * scale, 3.14159f, 2.0f * 3.14159f, 20);
    dl->PathStroke(col, 0, t);
}

} // namespace

void drawIcon(ImDrawList* dl, Icon icon, ImVec2 c, float s, ImU32 col, bool mirrored) {
    const float t = std::max(2.0f, s * 0.085f); // stroke thickness
    const float d = mirrored ? -1.0f : 1.0f;    // arrows point the other way in RTL
    const float h = s * 0.5f;
    switch (icon) {
    case Icon::None:
        break;
    case Icon::Back:
    case Icon::Next: {
        const float k = icon == Icon::Back ? d : -d; // +1: arrow points left
        const ImVec2 tip{c.x - k * h * 0.75f, c.y};
        dl->AddLine(tip, {c.x + k * h * 0.75f, c.y}, col, t);
        dl->AddLine(tip, {tip.x + k * h * 0.6f, c.y - h * 0.6f}, col, t);
        dl->AddLine(tip, {tip.x + k * h * 0.6f, c.y + h * 0.6f}, col, t);
        break;
    }
    case Icon::Home:
        dl->PathLineTo({c.x - h * 0.9f, c.y - h * 0.05f});
        dl->PathLineTo({c.x, c.y - h * 0.85f});
        dl->PathLineTo({c.x + h * 0.9f, c.y - h * 0.05f});
        dl->PathStroke(col, 0, t);
        dl->AddRect({c.x - h * 0.6f, c.y - h * 0.2f}, {c.x + h * 0.6f, c.y + h * 0.8f}, col, 0, 0, t);
        break;
    case Icon::Globe: {
        const float r = h * 0.85f;
        dl->AddCircle(c, r, col, 36, t);
        dl->AddLine({c.x - r, c.y}, {c.x + r, c.y}, col, t * 0.7f);
        // Two meridians as cubic curves bulging either side of the axis.
        for (float side : {-1.0f, 1.0f})
            dl->AddBezierCubic({c.x, c.y - r}, {c.x + side * r * 0.65f, c.y - r * 0.6f},
                               {c.x + side * r * 0.65f, c.y + r * 0.6f}, {c.x, c.y + r}, col, t * 0.7f);
        break;
    }
    case Icon::Display: {
        // Half a disc filled: the usual sign for contrast and display settings.
        const float r = h * 0.85f;
        dl->AddCircle(c, r, col, 36, t);
        dl->PathArcTo(c, r, 3.14159265f * 0.5f, 3.14159265f * 1.5f, 24);
        dl->PathFillConvex(col);
        break;
    }
    case Icon::Speaker: {
        // A loudspeaker and two sound waves.
        const float r = h * 0.85f;
        dl->AddRectFilled({c.x - r, c.y - r * 0.35f}, {c.x - r * 0.45f, c.y + r * 0.35f}, col);
        dl->AddTriangleFilled({c.x - r * 0.45f, c.y - r * 0.35f}, {c.x, c.y - r * 0.8f}, {c.x, c.y + r * 0.8f}, col);
        dl->AddTriangleFilled({c.x - r * 0.45f, c.y - r * 0.35f}, {c.x, c.y + r * 0.8f}, {c.x - r * 0.45f, c.y + r * 0.35f}, col);
        for (float k : {0.55f, 0.9f}) {
            dl->PathArcTo(c, r * k, -0.8f, 0.8f, 12);
            dl->PathStroke(col, 0, t);
        }
        break;
    }
    // The media controls keep their direction in right-to-left languages, as players do.
    case Icon::Play:
        dl->AddTriangleFilled({c.x - h * 0.55f, c.y - h * 0.75f}, {c.x + h * 0.75f, c.y}, {c.x - h * 0.55f, c.y + h * 0.75f}, col);
        break;
    case Icon::Pause:
        for (float x : {-0.55f, 0.2f}) dl->AddRectFilled({c.x + h * x, c.y - h * 0.7f}, {c.x + h * (x + 0.35f), c.y + h * 0.7f}, col);
        break;
    case Icon::Stop:
        dl->AddRectFilled({c.x - h * 0.6f, c.y - h * 0.6f}, {c.x + h * 0.6f, c.y + h * 0.6f}, col);
        break;
    case Icon::Quieter:
    case Icon::Louder:
        dl->AddLine({c.x - h * 0.7f, c.y}, {c.x + h * 0.7f, c.y}, col, t * 1.2f);
        if (icon == Icon::Louder) dl->AddLine({c.x, c.y - h * 0.7f}, {c.x, c.y + h * 0.7f}, col, t * 1.2f);
        break;
    case Icon::Help:
        dl->AddCircle(c, h * 0.85f, col, 36, t);
        dl->AddLine({c.x, c.y - h * 0.45f}, {c.x, c.y + h * 0.15f}, col, t * 1.2f);
        dl->AddCircleFilled({c.x, c.y + h * 0.45f}, t * 0.8f, col, 12);
        break;
    case Icon::Exit:
        dl->AddLine({c.x - h * 0.55f, c.y - h * 0.55f}, {c.x + h * 0.55f, c.y + h * 0.55f}, col, t * 1.2f);
        dl->AddLine({c.x + h * 0.55f, c.y - h * 0.55f}, {c.x - h * 0.55f, c.y + h * 0.55f}, col, t * 1.2f);
        break;
    case Icon::Child:
        person(dl, c, s, col, t, 0.75f);
        break;
    case Icon::Teen: // taller than the child, shorter than the parent
        person(dl, c, s, col, t, 0.9f);
        break;
    case Icon::Parent:
        person(dl, {c.x - h * 0.35f, c.y}, s, col, t, 1.0f);
        person(dl, {c.x + h * 0.5f, c.y}, s, col, t, 0.6f);
        break;
    case Icon::Community:
        person(dl, {c.x - h * 0.55f, c.y}, s, col, t, 0.8f);
        person(dl, {c.x + h * 0.55f, c.y}, s, col, t, 0.8f);
        person(dl, c, s, col, t, 1.0f);
        break;
    case Icon::Phone: {
        const ImVec2 a{c.x - h * 0.4f, c.y - h * 0.8f}, b{c.x + h * 0.4f, c.y + h * 0.8f};
        dl->AddRect(a, b, col, h * 0.15f, 0, t);
        dl->AddLine({c.x - h * 0.12f, b.y - h * 0.22f}, {c.x + h * 0.12f, b.y - h * 0.22f}, col, t);
        break;
    }
    case Icon::Web:
        dl->AddRect({c.x - h * 0.85f, c.y - h * 0.65f}, {c.x + h * 0.85f, c.y + h * 0.65f}, col, h * 0.1f, 0, t);
        dl->AddLine({c.x - h * 0.85f, c.y - h * 0.3f}, {c.x + h * 0.85f, c.y - h * 0.3f}, col, t);
        break;
    }
}

} // namespace ev::ui
