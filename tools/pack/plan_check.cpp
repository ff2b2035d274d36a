#include "plan_check.h"

#include <algorithm>

namespace evpack {

namespace {

std::string partName(const ev::PagePart& part) {
    if (part.kind == ev::PagePart::Kind::Heading) return "heading " + std::to_string(part.first);
    return "blocks " + std::to_string(part.first) + " to " + std::to_string(part.last);
}

void checkSteps(const Source& src, const ev::Plan& plan, const PlanSource& where, Diagnostics& diag) {
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const ev::PlanStep& step = plan.steps[i];
        const int line = where.stepLines[i];
        const ev::Page* page = src.pack.page(step.page);
        if (!page) {
            diag.error(where.file, line, "step " + std::to_string(i + 1) + " shows page '" + step.page + "', which does not exist");
            continue;
        }
        // A part is counted in the default locale; a translation must have it too, or the step
        // would show another part of the page in that language.
        for (const auto& [tag, text] : page->text)
            if (!ev::partBlocks(text.body, step.part))
                diag.error(where.file, line, "step " + std::to_string(i + 1) + " shows " + partName(step.part) + " of page '" + step.page +
                                                 "', which " + src.files.at(page->id).at(tag).file.string() + " does not have (" +
                                                 std::to_string(text.body.blocks.size()) + " blocks)");
    }
}

void checkSignposts(const Source& src, const ev::Plan& plan, const PlanSource& where, Diagnostics& diag) {
    if (plan.signposts.empty()) diag.warning(where.file, 1, "signposts is empty: a plan should end with where to get help");
    for (std::size_t i = 0; i < plan.signposts.size(); ++i)
        if (!src.pack.signpost(plan.signposts[i]))
            diag.error(where.file, where.signpostLines[i], "signpost '" + plan.signposts[i] + "' is not a [[signposts]] id in pack.toml");
}

void checkTranslations(const Source& src, const ev::Plan& plan, const PlanSource& where, Diagnostics& diag) {
    const std::string& def = src.pack.defaultLocale;
    std::vector<std::string> missing;
    for (const ev::LocaleInfo& l : src.pack.locales)
        if (!plan.text.contains(l.tag)) missing.push_back(l.tag);
    if (!missing.empty()) {
        std::string list;
        for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
        diag.warning(where.file, 1, "plan '" + plan.id + "' has no translation in " + list);
    }
    for (const auto& [tag, text] : plan.text) {
        const PlanFile& pf = src.planFiles.at(plan.id).at(tag);
        if (text.status == "draft") diag.warning(pf.file, pf.line("status"), "draft: not reviewed yet");
        if (tag == def) {
            if (!pf.translatedFrom.empty()) diag.warning(pf.file, pf.line("translated_from"), "translated_from is ignored in the default locale");
            continue;
        }
        if (pf.translatedFrom.empty())
            diag.warning(pf.file, 1, "no translated_from, so the kiosk and handouts use " + def + "; once it matches the " + def +
                                         " text, stamp it with: everyvoice-pack hash SRC plan:" + plan.id);
        else if (text.stale)
            diag.warning(pf.file, pf.line("translated_from"),
                         "stale: the " + def + " plan changed since this translation (translated_from " + pf.translatedFrom + ", now " +
                             src.planHash.at(plan.id) + "); " + def + " is used until it is updated");
    }
}

} // namespace

void checkPlans(const Source& src, Diagnostics& diag) {
    for (const ev::Plan& plan : src.pack.plans) {
        const PlanSource& where = src.plans.at(plan.id);
        checkSteps(src, plan, where, diag);
        checkSignposts(src, plan, where, diag);
        checkTranslations(src, plan, where, diag);
    }
}

} // namespace evpack
