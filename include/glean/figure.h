// Figures: what the figures stage says about every quantity of a report, whether a rule names it
// or not, and what every fact carries from it: when the figure happened and whether it did.
#ifndef GLEAN_FIGURE_H_
#define GLEAN_FIGURE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "glean/document.h"
#include "glean/value.h"

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

// Why a figure is a quantity of the report that no analyst would want as data (docs/figures.md,
// "Excepted figures"). Such a figure is found, listed and can be named by a rule like any other;
// `extract coverage` counts it apart when no rule claims it.
enum class FigureExcept {
  kNone,       // data
  kOutline,    // counts the parts of the speech or plan itself: 重点做好9个方面工作
  kSetPhrase,  // a count inside a set phrase: 统筹两个大局, 一方有难、八方支援
  kWebPage,    // the web page's own counters, kept with a copied report: 浏览次数:419次
};
// "", "outline", "set_phrase", "web_page".
const char* FigureExceptName(FigureExcept excepted);
// The inverse of FigureExceptName for the three reasons; false for any other name.
bool ParseFigureExcept(std::string_view name, FigureExcept* excepted);

// A change stated right after a figure and attached to it: 地区生产总值67665亿元，增长5.5%.
struct FigureChange {
  // Signed: 增长5.5% → 5.5 %, 下降2个百分点 → -2 个百分点, 增长1.2倍 → 1.2 倍. For a multiple
  // (翻一番, 翻两番) the factor: 2 or 4, unit 倍, and `multiple` is set. `raw` is the original
  // text of the change's figure (or of 翻一番).
  Field value;
  bool multiple = false;
  std::string verb;  // the word that states it: 增长, 下降, 提高, 翻一番 (normalized)
  size_t begin = 0;  // normalized byte range of the change's figure (or of 翻一番)
  size_t end = 0;
  SourceSpan source;  // the same range in the original input

  // "+5.5%", "-2个百分点", "+1.2倍", "×2".
  std::string ToString() const;
};

// One quantity of a document: a number with a unit, counting word, percent, money or multiplier.
struct Figure {
  size_t begin = 0;   // normalized byte range: from the number (its sign included) to the end of
  size_t end = 0;     // its unit; approximation words around it (约, 以上) are outside
  SourceSpan source;  // the same range in the original input
  std::string text;   // the original text of that range (Traditional, full-width kept)
  // The typed value as a `quantity` (or `percent`) slot reads it, named "value": value (a range's
  // low end), unit without magnitude (户, 元, %, 个百分点, 倍), approx, min/max, canonical; `raw`
  // is `text`. Negative for a decrease stated without a figure before it (下降3% → -3).
  Field value;
  std::string label;   // what is counted, normalized: 改厕, 地区生产总值, 花椒
  std::string action;  // the verb trimmed from before the label: 完成, 新增; may be empty
  std::string clause;  // the normalized clause the label was taken from, up to the figure
  // The bytes at the front of `label` that are the report's own area as the clause writes it
  // (全省 of 全省地区生产总值, 我镇 of 我镇国民生产总值); rules name the figure by the rest.
  size_t own_area_size = 0;
  std::vector<FigureChange> changes;  // changes attached to it, in text order
  Period period;                      // the years it refers to; unknown when nothing says
  FigureStatus status = FigureStatus::kResult;
  FigureExcept excepted = FigureExcept::kNone;  // why no analyst wants it as data, if so
};

// The figures of `document`, in document order, found the first time they are asked for and kept
// with the document (a rule set that never asks pays nothing). Thread-safe; the reference lives
// as long as the document.
const std::vector<Figure>& FiguresOf(const Document& document);

}  // namespace glean

#endif  // GLEAN_FIGURE_H_
