// Figures: what the figures stage says about every quantity of a report, whether a rule names it
// or not, and what every fact carries from it: when the figure happened and whether it did.
#ifndef GLEAN_FIGURE_H_
#define GLEAN_FIGURE_H_

#include <string>
#include <string_view>

namespace glean {

// The years a figure refers to: one year (first == last), or a span ("十四五"时期: 2021–2025).
struct Period {
  int first = 0;  // 0: unknown
  int last = 0;   // == first for one year

  bool known() const { return first != 0; }
  // "2025", "2021-2025", or "" when unknown.
  std::string ToString() const;
  friend bool operator==(const Period&, const Period&) = default;
};

// Whether a figure is something that happened or something meant to happen.
enum class FigureStatus {
  kResult,    // done: 完成改厕650余户
  kPlan,      // meant to happen: 计划, 力争, 确保, a plans section
  kExpected,  // a preliminary result: 预计
  kTarget,    // a quota or task set for someone: 任务, 指标
};
const char* FigureStatusName(FigureStatus status);  // "result", "plan", "expected", "target"
// The inverse of FigureStatusName; false for any other name.
bool ParseFigureStatus(std::string_view name, FigureStatus* status);

}  // namespace glean

#endif  // GLEAN_FIGURE_H_
