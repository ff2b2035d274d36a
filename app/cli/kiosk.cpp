#include "cli/kiosk.h"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/counts/counts.h"
#include "core/counts/kiosk_identity.h"
#include "core/durable_file.h"
#include "core/i18n/i18n.h"
#include "core/pack/pack_reader.h"
#include "core/pack/pack_store.h"
#include "core/pack/update_settings.h"
#include "core/session/admin_pin.h"
#include "core/session/script.h"
#include "core/session/session.h"
#include "platform/display_environment.h"
#include "platform/host.h"
#include "platform/kiosk_loop.h"
#include "platform/monkey_driver.h"
#include "platform/script_driver.h"
#include "platform/sdl_narrator.h"
#include "platform/self_check.h"
#include "shell/pack_updates.h"
#include "shell/shown_pack.h"
#include "text/engine.h"
#include "ui/app.h"

namespace ev::cli {

namespace fs = std::filesystem;

namespace {

// STATE-DIR/updates.toml, with --inbox over its inbox. Throws UsageError.
PackStoreSettings packStoreSettings(const Options& o, const Places& places) {
    try {
        PackStoreSettings settings = readUpdateSettings(places.stateDir);
        if (o.inbox) settings.inbox = *o.inbox;
        settings.trustedKeys = places.trustedKeys;
        return settings;
    } catch (const std::exception& e) { // ConfigError: one line
        throw UsageError(e.what(), 1);
    }
}

// Null when the state folder cannot be written: that costs pack updates, never the content.
std::unique_ptr<PackStore> openPackStore(const Places& places, const Clock& clock, const PackStoreSettings& settings) {
    try {
        return std::make_unique<PackStore>(places.stateDir, clock, settings);
    } catch (const FileError& e) {
        std::fprintf(stderr, "everyvoice-kiosk: %s; no pack updates this run\n", e.what());
        return nullptr;
    }
}

using Target = std::pair<Location, std::optional<Audience>>;

// --goto (or present mode's --plan and --topics), checked against the pack before any window
// opens; errors name the option typed. Throws UsageError.
std::optional<Target> gotoTarget(const Options& o, const Pack& pack) {
    if (!o.gotoTarget) return std::nullopt;
    const auto target = parseTarget(*o.gotoTarget);
    if (!target) usageError("unknown " + o.gotoOption + " target '" + *o.gotoTarget + "'");
    if (const std::string missing = missingIn(pack, target->first); !missing.empty())
        throw UsageError(o.gotoOption + ": " + missing + " in pack " + pack.id, 2);
    if (target->first.screen == Screen::Topics && !target->second)
        usageError("--goto topics needs an audience: topics:child, topics:teen, topics:parent or topics:community");
    return target;
}

// --locale: the closest language the pack has (said when it is not the one asked for).
std::optional<std::string> startLocale(const Options& o, const Pack& pack) {
    if (!o.locale) return std::nullopt;
    std::vector<std::string> tags;
    for (const auto& l : pack.locales) tags.push_back(l.tag);
    const std::string tag = matchLocale(tags, *o.locale, pack.defaultLocale);
    if (tag != *o.locale)
        std::fprintf(stderr, "everyvoice-kiosk: --locale %s: showing %s, the closest this pack has\n", o.locale->c_str(), tag.c_str());
    return tag;
}

// The first screen, as after a reset (in the shown pack's default language), then --locale
// and --goto; a kiosk with no pack at all starts on its help numbers.
void goToStart(Session& session, const std::optional<std::string>& locale, const std::optional<Target>& target,
               bool builtIn) {
    session.goTo({Screen::Attract, {}});
    if (locale) session.chooseLanguage(*locale);
    if (target) session.goTo(target->first, target->second);
    else if (builtIn) session.goTo({Screen::Help, {}});
}

// What the start's second thread makes while the first opens the window: the counter, its
// database open; the pack to show, checked (core/pack/pack_store.h choosePackToStart); and the
// text engine, its fonts found (fontconfig); each with the milliseconds it took.
struct Prepared {
    std::unique_ptr<Counter> counter;
    double countsMs = 0;
    StartPack start;
    double packMs = 0;
    std::unique_ptr<text::Engine> engine;
    double fontsMs = 0;
};

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Throws UsageError when the pack named with --pack cannot be shown.
Prepared prepare(PackStore* store, const Options& o, const Places& places, const Clock& clock) {
    Prepared p;
    auto t0 = std::chrono::steady_clock::now();
    // It cannot stop the kiosk: the counter keeps counts in memory when it cannot store them
    // (and says so on the admin screen).
    p.counter = std::make_unique<Counter>(places.stateDir, clock);
    p.countsMs = msSince(t0);
    t0 = std::chrono::steady_clock::now();
    try {
        p.start = choosePackToStart(store, o.pack, places.defaultPack);
    } catch (const PackError& e) {
        throw UsageError(e.what(), 1);
    }
    p.packMs = msSince(t0);
    t0 = std::chrono::steady_clock::now();
    p.engine = std::make_unique<text::Engine>();
    // The first screen's fonts found (fontconfig) and read here, not in the first frame, where
    // they were a fifth of its layout: its language's script, regular and bold, whose chain
    // holds every core family (text/fonts.cpp). Every language's took 5 ms more of this thread
    // for no less in the first frame. Laid out at a size the UI need not use: the fonts stay.
    const std::string& language = p.start.pack.defaultLocale;
    for (const text::Weight w : {text::Weight::Regular, text::Weight::Bold})
        p.engine->layout(p.start.pack.string("attract.touch", language), text::Style{.weight = w},
                         text::ParagraphSpec{.language = language});
    p.fontsMs = msSince(t0);
    return p;
}

} // namespace

int runKiosk(const Options& o, const Places& places, platform::StartTimes& times) {
    const fs::path shaderCache = platform::setDisplayEnvironment(places.stateDir);
    // Scripts and the monkey move time themselves ("wait N"); a person's kiosk uses real time.
    OffsetClock clock(/*frozen=*/o.script.has_value() || o.monkey.has_value());
    const PackStoreSettings storeSettings = packStoreSettings(o, places);
    const std::unique_ptr<PackStore> store = openPackStore(places, clock, storeSettings);
    times.mark("pack_store");
    // Opening the counts, checking the pack (a stored pack's signature, quick_check, every row
    // read) and finding fonts take under half as long as opening the window and GL context
    // (mostly Mesa loading and starting its driver): a second thread does them meanwhile, on
    // the second core. The store is used only by that thread until get() returns, and nothing
    // of the pack is shown before then: the App is made from it.
    auto prepared =
        std::async(std::launch::async, prepare, store.get(), std::cref(o), std::cref(places), std::cref(clock));

    std::optional<std::vector<ScriptCommand>> script;
    if (o.script) {
        try {
            script = parseScriptFile(*o.script);
        } catch (const ScriptError& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return 2;
        }
    }

    // It cannot stop the kiosk: without an identity only the export is refused.
    try {
        // Made on first run, so that this kiosk's exports can be told from others' when merged.
        KioskIdentity identity = KioskIdentity::loadOrCreate(places.stateDir);
        if (o.venue && *o.venue != identity.venue()) identity.setVenue(*o.venue);
    } catch (const KioskIdentityError& e) {
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", e.what());
    }
    AdminPin adminPin(places.stateDir, clock);
    // Said once, to staff starting a kiosk; scripted runs and previews are not one.
    if (!adminPin.isSet() && !o.script && !o.monkey && !o.screenshot && !o.benchFirstFrame)
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", adminPin.whyNotSet().c_str());
    times.mark("identity_pin");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // a kiosk keeps no window layout between runs
    std::unique_ptr<platform::Host> host = o.platform == "glfw" ? platform::makeGlfwHost() : platform::makeSdlHost();
    platform::WindowOptions window = o.window;
    window.programCache = shaderCache / "ui-program.bin";
    if (const std::string error = host->open(window); !error.empty()) {
        std::fprintf(stderr, "everyvoice-kiosk: %s\n", error.c_str());
        ImGui::DestroyContext();
        return 1;
    }

    times.mark("window_gl_context");
    Prepared ready;
    std::optional<Target> target;
    std::optional<std::string> locale;
    try {
        ready = prepared.get();
        // Options that name what is in the pack: checked now that it is known.
        target = gotoTarget(o, ready.start.pack);
        locale = startLocale(o, ready.start.pack);
    } catch (const UsageError&) {
        host->close();
        ImGui::DestroyContext();
        throw;
    }
    times.mark("waiting_for_pack_fonts");
    times.alongside("counts_open", ready.countsMs);
    times.alongside("pack_open_verify", ready.packMs);
    times.alongside("fonts_thread", ready.fontsMs);
    Counter& counter = *ready.counter;
    Session session(clock, counter, o.session);
    StartPack& start = ready.start;
    if (start.builtIn)
        std::fprintf(stderr, "everyvoice-kiosk: %s; showing the help numbers built into the kiosk\n", start.whyBuiltIn.c_str());
    // Which pack a kiosk with a pack store started with is worth a line in its log; a pack named
    // with --pack and no inbox is not news.
    if (!o.pack || storeSettings.inbox || start.builtIn)
        std::fprintf(stderr, "everyvoice-kiosk: showing pack %s version %lld from %s\n", start.pack.id.c_str(),
                     static_cast<long long>(start.pack.version), start.source.c_str());
    shell::ShownPack shown(std::move(start.pack), std::move(start.origin));
    const std::unique_ptr<text::Engine>& engine = ready.engine;
    int code = 0;
    {
        ui::App app(shown.pack(), session, clock, *engine, o.app);
        shown.attach(app, session, counter);
        goToStart(session, locale, target, start.builtIn);
        times.mark("app");
        platform::SdlNarrator narrator;
        app.setNarrator(&narrator);
        times.mark("audio");
        std::optional<shell::PackUpdates> updates;
        if (store) updates.emplace(*store, clock, storeSettings.pollEvery, shown, app, session);
        // The admin screen's Health list: --check's lines, with this run's GL context and fonts.
        const auto health = [&] {
            SelfCheckSettings settings = selfCheckSettings(o, places);
            settings.shown = &shown.pack();
            CoreChecks core = runCoreChecks(settings, clock);
            std::vector<CheckResult> results{platform::checkGlContext(), platform::checkFonts(*engine, shown.pack())};
            results.insert(results.end(), core.results.begin(), core.results.end());
            results.push_back(platform::checkAudio());
            return results;
        };
        app.setStaff({&adminPin, &counter, places.stateDir, o.exportDir ? *o.exportDir : places.stateDir / "exports",
                      updates ? &*updates : nullptr, health});
        platform::KioskLoop loop(*host, app, session, clock, *engine);
        platform::LoopOptions loopOptions;
        loopOptions.updates = updates ? &*updates : nullptr;
        platform::ServiceNotifier service;
        loopOptions.service = &service;
        loopOptions.screenshot = o.screenshot;
        loopOptions.benchFirstFrame = o.benchFirstFrame;
        loopOptions.startTimes = &times;
        std::unique_ptr<platform::Driver> driver;
        int w = 0, h = 0;
        host->framebufferSize(w, h);
        if (script) driver = std::make_unique<platform::ScriptDriver>(std::move(*script));
        else if (o.monkey) driver = std::make_unique<platform::MonkeyDriver>(*o.monkey, o.seed, ImVec2(float(w), float(h)));
        loopOptions.driver = driver.get();
        // Present mode's presenter view: asked for, or a second display found.
        const bool presenting = o.gotoTarget && o.gotoTarget->starts_with("present:");
        if (presenting && (o.presenterWindow || host->displays() >= 2)) {
            const std::string error = host->openPresenter(o.presenterWindow.value_or(platform::WindowOptions{}),
                                                          o.presenterWindow ? -1 : 0);
            if (error.empty()) loopOptions.presenter = true;
            else std::fprintf(stderr, "everyvoice-kiosk: %s; the notes stay one key away (N)\n", error.c_str());
        }
        code = loop.run(loopOptions);
    }
    host->close();
    ImGui::DestroyContext();
    counter.flush();
    return code;
}

} // namespace ev::cli
