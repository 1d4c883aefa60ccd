#include "engine/figures/plan_year.h"

#include <string_view>
#include <vector>

#include "engine/figures/text_at.h"

namespace glean::figures {

namespace {

constexpr std::string_view kSentenceEnds[] = {"。", "；", ";", "！", "？", "!", "?"};

// Where the sentence holding `at` begins, and whether a paragraph (a line) starts there.
size_t SentenceBegin(std::string_view text, size_t at, bool* paragraph) {
  *paragraph = false;
  for (size_t p = at; p > 0; --p) {
    if (text[p - 1] == '\n') {
      *paragraph = true;
      return p;
    }
    for (std::string_view end : kSentenceEnds) {
      if (EndsWithAt(text, p, end)) return p;
    }
  }
  *paragraph = true;
  return 0;
}

size_t SentenceEnd(std::string_view text, size_t at) {
  for (size_t p = at; p < text.size(); ++p) {
    if (text[p] == '\n') return p;
    for (std::string_view end : kSentenceEnds) {
      if (StartsWithAt(text, p, end)) return p;
    }
  }
  return text.size();
}

}  // namespace

void CarryPlanYear(std::string_view text, const ReportYears& years, size_t k,
                   const std::function<void(size_t)>& ready, std::vector<Figure>* figures) {
  if (years.reviewed == 0 || k == 0) return;
  const Period reviewed{years.reviewed, years.reviewed};
  Figure& figure = (*figures)[k];
  if (figure.status != FigureStatus::kPlan || figure.period != reviewed) return;
  bool paragraph = false;
  const size_t begin = SentenceBegin(text, figure.begin, &paragraph);
  if (paragraph || begin == 0) return;
  const size_t end = SentenceEnd(text, figure.end);
  if (FirstTimeMention(text, begin, end, years)) return;
  // The last figure of the sentence before, when it is a plan dated by a year of its own.
  bool before_paragraph = false;
  const size_t before_begin = SentenceBegin(text, begin - 1, &before_paragraph);
  for (size_t j = k; j-- > 0;) {
    const Figure& before = (*figures)[j];
    if (before.end > begin) continue;
    if (before.begin < before_begin) break;
    ready(j);
    const std::optional<TimeMention> named = FirstTimeMention(text, before_begin, begin, years);
    if (before.status == FigureStatus::kPlan && named && named->period == before.period &&
        before.period.first > years.reviewed) {
      figure.period = before.period;
    }
    break;
  }
}

}  // namespace glean::figures
