#pragma once
// Every problem in a page's Markdown in one lint run. The kiosk's parser (core/markdown.h)
// stops at the first construct it cannot show; lint then also parses each blank-line-separated
// block on its own, so a page with three problems shows all three, each with its line and column.
#include <string>
#include <string_view>
#include <vector>

#include "core/pack/markdown.h"

namespace evpack {

struct MarkdownProblem {
    int line = 1;
    int column = 1; // in characters, 1-based
    std::string message;
};

struct ParsedMarkdown {
    ev::Document document;                 // empty if there are problems
    std::vector<MarkdownProblem> problems; // empty if the kiosk reads the Markdown
};

// firstLine is the file line of the Markdown's first line.
ParsedMarkdown parseReportingAll(std::string_view markdown, int firstLine);

} // namespace evpack
