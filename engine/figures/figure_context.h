// FigureContext: the period and the status of a place in a report, worked out together (the
// status depends on the period), with what enclosing headings say kept per section so that a run
// over many facts of one section reads its headings once.
#ifndef GLEAN_ENGINE_FIGURES_FIGURE_CONTEXT_H_
#define GLEAN_ENGINE_FIGURES_FIGURE_CONTEXT_H_

#include <cstddef>
#include <string_view>

#include "engine/figures/period.h"
#include "engine/figures/status.h"
#include "glean/document.h"
#include "glean/figure.h"

namespace glean::figures {

// What the headings enclosing a place say about time and status, and the report's years.
struct SectionContext {
  ReportYears years;
  Period period;              // the innermost heading's time mention; unknown if none names one
  bool plans = false;         // the innermost heading that says either says plans
  bool period_plans = false;  // `period` lies after the reviewed year
};

// The headings enclosing `offset`, with the report's years `years` (a part of a report read in
// parts has them from its first part). Equal for two offsets with the same section path.
SectionContext SectionContextAt(const Document& document, size_t offset, const ReportYears& years);

struct FigureContext {
  Period period;
  FigureStatus status = FigureStatus::kResult;
};

// The period and status of [begin, end), given the SectionContext of `begin`.
FigureContext ContextOf(std::string_view text, const SectionContext& section, size_t begin,
                        size_t end);
FigureContext ContextOf(const Document& document, size_t begin, size_t end);

// The clause and sentence around [begin, end) of normalized text: clauses end at , : and at
// sentence ends, sentences at 。 ! ? ; and line ends (as DocumentStructure splits them; reports
// list unrelated items between semicolons). Looked for at most a few kilobytes away.
struct TextScope {
  size_t sentence_begin = 0;
  size_t clause_begin = 0;
  size_t clause_end = 0;
};
TextScope TextScopeOf(std::string_view text, size_t begin, size_t end);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_FIGURE_CONTEXT_H_
