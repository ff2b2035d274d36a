#pragma once
// From runs to a Paragraph: UTF-16, BiDi, shaping, ICU line breaking, visual reordering per
// line, alignment and tag boxes.
#include "text/paragraph.h"
#include "text/shaper.h"

#include <map>
#include <memory>
#include <span>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/ubidi.h>

namespace ev::text {

class Layouter {
public:
    explicit Layouter(FontLibrary& fonts);
    ~Layouter();
    Layouter(const Layouter&) = delete;
    Layouter& operator=(const Layouter&) = delete;

    std::shared_ptr<Paragraph> layout(std::span<const Run> runs, const ParagraphSpec& spec);

private:
    icu::BreakIterator* breaker(const std::string& language);

    FontLibrary& fonts_;
    Shaper shaper_;
    UBiDi* paragraph_ = nullptr;
    UBiDi* line_ = nullptr;
    std::map<std::string, std::unique_ptr<icu::BreakIterator>> breakers_; // by language
};

} // namespace ev::text
