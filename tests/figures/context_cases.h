// What the period and status cases of the figures stage share: a figure's context in a sentence,
// a document from its text, where a figure is in it, and the years of the reports they are from.
#ifndef GLEAN_TESTS_FIGURES_CONTEXT_CASES_H_
#define GLEAN_TESTS_FIGURES_CONTEXT_CASES_H_

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/figures/figure_context.h"
#include "glean/document.h"
#include "glean/figure.h"

namespace glean::figures {

// The context of the first occurrence of `figure` in `sentence`, in a section that says `plans`.
inline FigureContext At(std::string_view sentence, std::string_view figure, ReportYears years,
                        bool plans = false) {
  const size_t at = sentence.find(figure);
  REQUIRE(at != std::string_view::npos);
  SectionContext section;
  section.years = years;
  section.plans = plans;
  return ContextOf(sentence, section, at, at + figure.size());
}

inline Document Load(const std::string& text) {
  Result<Document> document = Document::Load("doc.txt", text, NormalizeOptions{});
  REQUIRE(document.ok());
  return std::move(document).value();
}

// The range of the first occurrence of `figure` in the document's normalized text.
inline std::pair<size_t, size_t> Find(const Document& document, std::string_view figure) {
  const size_t at = document.normalized().find(figure);
  REQUIRE(at != std::string_view::npos);
  return {at, at + figure.size()};
}

// Each figure's text and status, and its period when `with_period`, one figure a line.
inline std::string StatusLines(const std::vector<Figure>& figures, bool with_period) {
  std::string lines;
  for (const Figure& figure : figures) {
    lines += figure.text + " " + (with_period ? figure.period.ToString() + " " : "") +
             FigureStatusName(figure.status) + "\n";
  }
  return lines;
}

inline constexpr ReportYears kTown2021{2021, 2021};      // a township summary of 2021
inline constexpr ReportYears kProvince2026{2025, 2026};  // a 2026 work report reviewing 2025
inline constexpr ReportYears kDistrict2015{2014, 2015};  // a 2015 work report reviewing 2014

}  // namespace glean::figures

#endif  // GLEAN_TESTS_FIGURES_CONTEXT_CASES_H_
