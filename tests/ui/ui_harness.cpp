#include "ui_harness.h"

#include <catch2/catch.hpp>

#include <optional>

#include "core/pack/pack_reader.h"

namespace ev::test {

Pack samplePack() {
    Pack p;
    p.id = "sample";
    p.version = 3;
    p.title = "Sample";
    p.defaultLocale = "en";
    p.locales = {{"en", "reviewed"}, {"ur", "draft"}};
    std::string longBody = "## Start\n\nSee [the other page](page:second).\n\n";
    for (int i = 0; i < 40; ++i) longBody += "A calm paragraph that fills the page so that it has to scroll.\n\n";
    longBody += "- one\n- two\n\nEnd of the page.\n";
    Page first{"first", {Audience::Parent}, {}};
    first.text["en"] = PageText{"First page", "The first one", "reviewed", "", false, parseMarkdown(longBody), ""};
    first.text["ur"] = PageText{"پہلا صفحہ", "", "draft", "x", false, parseMarkdown("ایک صفحہ۔ 0800 1111\n"), ""};
    Page second{"second", {Audience::Parent, Audience::Child}, {}};
    second.text["en"] = PageText{"Second page", "The second one", "reviewed", "", false, parseMarkdown("Short.\n"), ""};
    second.text["ur"] = PageText{"دوسرا صفحہ", "", "draft", "old", true, parseMarkdown("پرانا\n"), ""};
    // Urdu lines that start with the tall strokes of kaf and gaf, whose ink crosses the column's edge.
    Page tall{"tall", {Audience::Parent}, {}};
    tall.text["en"] = PageText{"Tall letters", "", "reviewed", "", false, parseMarkdown("Short.\n"), ""};
    tall.text["ur"] = PageText{"کسی سے بات کریں", "", "draft", "", false,
                               parseMarkdown("کسی بچے سے بات کریں۔\n\nگھر میں کوئی ہے۔\n\nکبھی بھی۔\n"), ""};
    // Numbered and bulleted items long enough to wrap at every text size.
    Page list{"list", {Audience::Parent}, {}};
    std::string en, ur;
    for (const char* m : {"1. ", "2. ", "- "}) {
        en += m;
        ur += m;
        for (int i = 0; i < 4; ++i) {
            en += "Listen calmly and say you believe them. ";
            ur += "کسی بچے سے بات کریں۔ ";
        }
        en += "\n";
        ur += "\n";
    }
    list.text["en"] = PageText{"A list", "", "reviewed", "", false, parseMarkdown(en), ""};
    list.text["ur"] = PageText{"فہرست", "", "draft", "", false, parseMarkdown(ur), ""};
    p.pages = {first, second, tall, list};
    p.topics[Audience::Parent] = {"first", "second"};
    p.topics[Audience::Child] = {"second"};
    Signpost childline;
    childline.id = "childline";
    childline.phones = {"0800 1111"};
    childline.web = "childline.org.uk";
    childline.text["en"] = SignpostText{"Childline", "For children", "Talk to someone.", "", {"Call free"}};
    p.signposts = {childline};
    p.neutral["en"] = {NeutralScreen{"Did you know?", "The Moon is slowly moving away from the Earth."},
                       NeutralScreen{"Fact of the day", "A day on Venus is longer than its year."},
                       NeutralScreen{"At the library", "Board games can be borrowed like books."}};
    p.strings["en"] = {{"nav.help", "Get help now"}, {"nav.exit", "Exit"}, {"nav.back", "Back"},
                       {"nav.home", "Home"}, {"nav.language", "Language"}, {"attract.touch", "Touch to start"},
                       {"idle.continue", "I'm still here"}};
    p.strings["ur"] = {{"nav.help", "ابھی مدد حاصل کریں"}, {"nav.exit", "باہر نکلیں"}};
    return p;
}

UiHarness::UiHarness(ImVec2 display)
    : pack(samplePack()), session(clock, sink, SessionSettings{}), app(pack, session, clock, engine),
      context_(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h); // a backend would upload it; here it only has to exist
    frames(2);
}

UiHarness::~UiHarness() { ImGui::DestroyContext(context_); }

void UiHarness::frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    session.tick();
    app.frame();
    ImGui::Render();
}

void UiHarness::frames(int n) {
    for (int i = 0; i < n; ++i) frame();
}

ui::WidgetInfo UiHarness::widget(const std::string& idOrLabel) const {
    const auto w = app.widgets().find(idOrLabel);
    INFO("widget " << idOrLabel);
    REQUIRE(w.has_value());
    return *w;
}

void UiHarness::tap(const std::string& idOrLabel) {
    const ImVec2 at = widget(idOrLabel).centre();
    ImGuiIO& io = ImGui::GetIO();
    session.activity();
    io.MousePos = at;
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frames(2);
}

void UiHarness::show(const Variant& v, const Location& where) {
    session.chooseLanguage(v.locale);
    session.goTo(where, Audience::Parent);
    session.setDisplay({v.textSize, false, v.low});
    frames(3);
}

void forEachVariant(const Matrix& m, const std::function<void(UiHarness&, const Variant&)>& each) {
    const Pack pack = readPack(EV_BINARY_DIR "/content/default.evpack");
    REQUIRE(pack.locales.size() >= 10);
    for (const ImVec2 display : m.displays) {
        std::optional<UiHarness> h;
        for (const auto& [locale, status] : pack.locales)
            for (int size = 0; size < (m.textSizes ? Display::kTextSizes : 1); ++size)
                for (const bool low : m.lowToo ? std::vector{false, true} : std::vector{false}) {
                    INFO(locale << ", text size " << size << (low ? ", buttons lower down, " : ", ") << display.x << "x"
                                << display.y);
                    if (!h || m.newHarnessEach) {
                        h.emplace(display);
                        h->pack = pack;
                    }
                    each(*h, {display, locale, size, low});
                }
    }
}

void UiHarness::drag(ImVec2 from, ImVec2 to) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = from;
    io.MouseDown[0] = true;
    frame();
    for (int i = 1; i <= 8; ++i) {
        io.MousePos = {from.x + (to.x - from.x) * i / 8.0f, from.y + (to.y - from.y) * i / 8.0f};
        frame();
    }
    io.MouseDown[0] = false;
    frames(2);
}

} // namespace ev::test
