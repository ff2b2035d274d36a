#include "ui/views/listen_controls.h"

#include <memory>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace ev::ui {

std::vector<std::string> phoneNumbers(const Pack& pack) {
    std::vector<std::string> numbers;
    for (const Signpost& s : pack.signposts) numbers.insert(numbers.end(), s.phones.begin(), s.phones.end());
    return numbers;
}

float listen(Ui& ui, const std::string& tag, const std::vector<std::uint8_t>* recording,
             const std::function<std::string()>& spoken, float y) {
    // A recording of the text shown, in its language; else espeak-ng's voice for it; else a line
    // that says why there is no button, so that a visitor who needs it is not left wondering.
    if (!ui.narrator) return 0;
    const Rect& col = ui.column;
    const bool recorded = recording && ui.narrator->canPlay();
    if (!recorded && !ui.narrator->canRead(tag)) {
        const std::string why = ui.str(ui.narrator->canPlay() ? "page.listen_no_voice" : "page.listen_no_audio");
        const auto laid = ui.text.layout(why, ui.fs(theme::kTextSmall), col.width());
        ui.text.draw(ui.dl, *laid, {col.min.x, y}, ui.c.inkSoft);
        const text::Ink ink = ui.text.engine().ink(*laid);
        ui.widgets.addText({"page:listen-unavailable", {col.min.x + ink.x0, y + ink.y0}, {col.min.x + ink.x1, y + ink.y1},
                            col.min, col.max, ui.dl->GetClipRectMin(), ui.dl->GetClipRectMax(), why});
        return TextPainter::size(*laid).y + ui.px(28);
    }
    const Narrator::State state = ui.narrator->state();
    const bool active = state != Narrator::State::Idle;
    // The controls sit in a grid of three columns, counted from the reading-start side.
    const float gap = ui.px(theme::kGap), h = ui.px(theme::kButton), w = (col.width() - 2 * gap) / 3;
    const auto cell = [&](int n, float top) {
        const float x = ui.rtl ? col.max.x - (n + 1) * w - n * gap : col.min.x + n * (w + gap);
        return Rect{{x, top}, {x + w, top + h}};
    };
    // One id for Listen and Stop, and one for Pause and Resume: the focus stays on the control
    // a keyboard or switch user just took.
    if (button(ui, "page:listen", ui.str(active ? "page.stop_listening" : "page.listen"), cell(0, y),
               active ? Look::Primary : Look::Secondary, active ? Icon::Stop : Icon::Speaker)) {
        if (active) {
            ui.narrator->stop();
        } else if (recorded && ui.narrator->play(std::make_shared<const std::vector<std::uint8_t>>(*recording))) {
            ui.session.playAudio(Narration::Recording);
        } else if (ui.narrator->canRead(tag)) { // no recording, or one that does not decode
            ui.narrator->read(spoken(), tag);
            ui.session.playAudio(Narration::Speech);
        }
    }
    if (!active) return h + ui.px(28);

    const bool paused = state == Narrator::State::Paused;
    if (button(ui, "page:pause", ui.str(paused ? "page.resume" : "page.pause"), cell(1, y), Look::Secondary,
               paused ? Icon::Play : Icon::Pause)) {
        if (paused) ui.narrator->resume();
        else ui.narrator->pause();
    }
    // Volume: quieter, the level in words, louder. A level that wraps (large text, a long
    // translation) makes the row taller rather than spill over the page.
    const int volume = ui.session.volume();
    const long steps = Narrator::kVolumeMax / Narrator::kVolumeStep;
    const std::string level = ui.message("page.volume", {{"level", volume / Narrator::kVolumeStep}, {"levels", steps}});
    const auto laid = ui.text.layout(level, ui.fs(theme::kTextSmall), w, text::Align::Center);
    const float levelH = TextPainter::size(*laid).y, rowH = std::max(h, levelH);
    const float y2 = y + h + gap, buttonsY = y2 + (rowH - h) * 0.5f;
    if (button(ui, "page:quieter", ui.str("page.quieter"), cell(0, buttonsY), Look::Secondary, Icon::Quieter))
        ui.session.setVolume(volume - Narrator::kVolumeStep);
    ui.text.draw(ui.dl, *laid, {cell(1, y2).min.x, y2 + (rowH - levelH) * 0.5f}, ui.c.ink);
    if (button(ui, "page:louder", ui.str("page.louder"), cell(2, buttonsY), Look::Secondary, Icon::Louder))
        ui.session.setVolume(volume + Narrator::kVolumeStep);
    return h + gap + rowH + ui.px(28);
}

} // namespace ev::ui
