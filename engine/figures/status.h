// Status: whether a figure at some place of a report is a result, a plan, a preliminary result
// (expected) or a quota set for someone (target).
//
// Input: a document and a normalized byte range. Output: a FigureStatus. Design decision: words of
// the figure's own clause win over the rest of its sentence, which wins over the section: a plans
// section states past results (目前已完成…) and a review states plans (力争…), and the words
// next to a figure say which. With no such word, a figure whose clause or sentence names a year
// after the reviewed one is a plan, and so is one in a plans section (工作安排, 工作打算 …) unless
// its clause or sentence names a year already reviewed.
#ifndef GLEAN_ENGINE_FIGURES_STATUS_H_
#define GLEAN_ENGINE_FIGURES_STATUS_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "glean/document.h"
#include "glean/figure.h"

namespace glean::figures {

// What a heading says its section holds.
enum class SectionKind {
  kNone,    // says neither
  kReview,  // results: 工作回顾, 工作开展情况, 完成情况 …
  kPlans,  // plans: 工作安排, 工作打算, 工作计划, 工作思路, 主要目标, 重点工作, 总体要求 …
};
SectionKind KindOfHeading(std::string_view heading);

// The status the words around the figure or match [begin, end) state, nullopt when they state
// none. First the markers of its clause up to `end` (a rule's match may hold its own, as in
// 计划投资5000万元), the nearest winning: 力争, 计划, 确保 … plan; 预计 expected; 任务, 指标,
// 下达 target; 已, 目前, 截至 result; a goal word after a completion verb, as in
// 完成年度目标的105%, is a result. Then the goal words after it in its clause
// (增长5%左右的预期目标), then the markers of the sentence before its clause.
// A quota noun counts only right before the figure, a goal noun of an earlier clause only when it
// introduces what follows (主要预期目标是:). `sentence_begin` ≤ `clause_begin` ≤ `begin` ≤ `end`
// ≤ `clause_end` are normalized offsets in `text`.
std::optional<FigureStatus> StatusFromWords(std::string_view text, size_t sentence_begin,
                                            size_t clause_begin, size_t begin, size_t end,
                                            size_t clause_end);

// The status of the figure or match at the normalized range [begin, end) of `document`.
// Thread-safe.
FigureStatus StatusOf(const Document& document, size_t begin, size_t end);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_STATUS_H_
