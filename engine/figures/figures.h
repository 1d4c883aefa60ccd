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

// The periods and statuses of one document's figures, worked out when first asked for. A rule set
// names some of the figures found, and only those need them: reading every figure's sentence and
// headings for a period and a status is a good part of the stage's work. Gives each figure the
// period and status Find gives it, whatever figures are asked and in whatever order. Not
// thread-safe: one per thread and document.
class DeferredContexts {
 public:
  // The sentences read and what the headings say are kept in `sentences` and `sections`, for the
  // rule facts' to take. REQUIRES: `document`, `sentences` and `sections` outlive it.
  DeferredContexts(const Document& document, SentenceReadings* sentences, SectionNotes* sections);

  // Sets the period and status of figures[k], one of the figures FindDeferred gave with this.
  void Complete(size_t k, std::vector<Figure>* figures);
  // Complete for every figure, in order.
  void CompleteAll(std::vector<Figure>* figures);

 private:
  friend std::vector<Figure> FindFigures(const Document& document, DeferredContexts* contexts);
  enum class Stage : uint8_t {
    kNone,     // not asked yet
    kRead,     // read from its sentence and headings, and from the words after it
    kComplete  // and dated by the plan before it, where it takes that one's year
  };
  // Reads the period and status of figures[k] from its sentence, its headings and the words
  // after it (ReadStatusAfter), unless done already.
  void Read(size_t k, std::vector<Figure>* figures);

  const Document& document_;
  ReportYears years_;
  SectionNotes* sections_;
  ContextReader reader_;
  SectionContext section_;
  int innermost_ = -2;  // the heading section_ was made for
  std::vector<Stage> stages_;
};

// Every figure of `document`, in document order. Prefer glean::FiguresOf, which finds them once
// per document. With `sentences` and `sections`, the sentences read for the figures' periods and
// statuses and what the headings say are kept there, for the rule facts' to take.
std::vector<Figure> Find(const Document& document, SentenceReadings* sentences = nullptr,
                         SectionNotes* sections = nullptr);

// Find, leaving the period and status of each figure to `contexts` (DeferredContexts::Complete);
// until then they are unknown and kResult.
std::vector<Figure> FindDeferred(const Document& document, DeferredContexts* contexts);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_FIGURES_H_
