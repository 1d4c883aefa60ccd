// Figures stage: a structured document → every quantity it states, labelled, with its changes,
// period and status.
//
// Input: a loaded Document (normalized text, headings). Output: Figures in document order. A figure
// is a number with a unit, counting word, percent, money or multiplier, read by the value
// library's own parsers, so a figure says exactly what a typed slot would. Design decision: one
// hand-written pass finds where numbers start and reads each once; everything else (label,
// changes, lists) works from the figures it found, a few characters around each, so the cost
// grows with the figures, not with a vocabulary. Period and status come from the context
// functions (period.h, status.h), asked once per figure.
#ifndef GLEAN_ENGINE_FIGURES_FIGURES_H_
#define GLEAN_ENGINE_FIGURES_FIGURES_H_

#include <vector>

#include "engine/figures/figure_context.h"
#include "glean/document.h"
#include "glean/figure.h"

namespace glean::figures {

// Every figure of `document`, in document order. Prefer glean::FiguresOf, which finds them once
// per document. With `sentences` and `sections`, the sentences read for the figures' periods and
// statuses and what the headings say are kept there, for the rule facts' to take.
std::vector<Figure> Find(const Document& document, SentenceReadings* sentences = nullptr,
                         SectionNotes* sections = nullptr);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_FIGURES_H_
