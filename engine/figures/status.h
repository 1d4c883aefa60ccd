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
#include <utility>
#include <vector>

#include "engine/figures/text_at.h"
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

// What a status word says.
enum class MarkerKind {
  kPlan,      // a modal that makes what follows a plan: 力争, 确保, 计划, 决定 …
  kExpected,  // 预计
  kTarget,    // a quota handed down: 下达, 分配, 安排我镇
  kPlanGoal,  // a goal noun: 目标, 计划, 规划 (a result after 完成: 完成年度计划的110%)
  kTargetGoal,  // a quota noun: 任务, 指标 (a result after 完成)
  kCompletion,  // a verb that turns a following goal noun into a result: 完成, 实现, 超额, 占
  kResult,      // 已, 目前, 截至
};

// A status word found in the text.
struct StatusMarker {
  size_t at = 0;
  size_t end = 0;
  size_t clause = 0;  // where its clause begins
  MarkerKind kind = MarkerKind::kResult;
  bool introduces = false;  // followed by 是, 为 or a colon: 主要预期目标是:
  bool share = false;       // followed by 的: a share of it may follow (为全年任务的114%)
};

// Every status word's first character.
inline constexpr CharFilter kMarkerFirsts = {"预", "有", "目", "计", "规", "力", "确", "争", "打",
                                             "拟", "即", "将", "要", "任", "指", "下", "分", "完",
                                             "实", "达", "超", "占", "已", "截", "安", "决"};

// Whether a status word may start at `at` (a quick no for most characters). Inline: it is asked
// at every character of a sentence that holds a fact.
inline bool MayStartStatusWord(std::string_view text, size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  return lead >= 0xE0 && lead < 0xF0 && kMarkerFirsts.MayStart(text, at);
}

// The status words of a stretch of text (a sentence), found once and asked about for each figure
// in it. Not thread-safe; cheap to reuse (its memory is kept).
class StatusWords {
 public:
  // Finds the words in [from, to) of `text`, in place of those found before.
  void Find(std::string_view text, size_t from, size_t to);
  // For a reader that walks the text itself (ContextReader): Clear, then TryAt each position
  // outside 《…》 where MayStartStatusWord, in order, with the start of its clause; returns the
  // end of the word found there, or `at`, and the walk goes on from there.
  void Clear();
  size_t TryAt(std::string_view text, size_t at, size_t clause);
  // As StatusFromWords, for a figure whose sentence lies within what Find read. When `met` is
  // given, sets it to whether the result returned rests on a completion verb before a goal word
  // alone (完成年度计划的110%, 完成…总任务的70%): a goal met in a review, but in a plans section
  // the share of the goal to be met.
  std::optional<FigureStatus> StatusAt(size_t sentence_begin, size_t clause_begin, size_t begin,
                                       size_t end, size_t clause_end, bool* met = nullptr) const;
  // Where the last 预计 (or 预测, 有望) found in [from, to) begins, or npos.
  size_t LastExpectedIn(size_t from, size_t to) const;
  // Whether the words found say "now" with 目前 (截至目前, 到目前为止, 目前) in [from, to) of
  // `text`, the text they were found in.
  bool SaysNow(std::string_view text, size_t from, size_t to) const;

 private:
  std::vector<StatusMarker> markers_;  // in text order
};

// The status the words around the figure or match [begin, end) state, nullopt when they state
// none. First the markers of its clause up to `end` (a rule's match may hold its own, as in
// 计划投资5000万元), the nearest winning: 力争, 计划, 确保 … plan; 预计 expected; 任务, 指标,
// 下达 target; 已, 目前, 截至 result; a goal word after a completion verb, as in
// 完成年度目标的105%, is a result. Then the goal words right after it in its clause
// (增长5%左右的预期目标), then the markers of the sentence before its clause. A quota noun
// counts only right before the figure, a goal or quota word of an earlier clause only when it
// introduces what follows (主要预期目标是:). docs/figures.md lists every word. `sentence_begin` ≤
// `clause_begin` ≤ `begin` ≤ `end` ≤ `clause_end` are normalized offsets in `text`.
std::optional<FigureStatus> StatusFromWords(std::string_view text, size_t sentence_begin,
                                            size_t clause_begin, size_t begin, size_t end,
                                            size_t clause_end);

// Whether a 预计 at `expected_at`, in an earlier clause of the sentence from `sentence_begin` than
// the figure's clause from `clause_begin`, forecasts only its own item: it follows that item's
// subject (农村经济总收入预计达12387万元), and the figure's clause names a subject of its own
// before the figure at `figure_begin` (…,固定资产投资达3523万元), where a clause that goes on
// without one (分别比上年增长15%和35.49%) is still forecast.
bool ForecastsOwnItemOnly(std::string_view text, size_t sentence_begin, size_t expected_at,
                          size_t clause_begin, size_t figure_begin);

// The head of the list of `;` items that the sentence (a list item) at `sentence_begin` continues,
// when that head states the status of every item: its first clause [begin, end) and that status.
// A head that opens with 预计 or 预测 gives every item as a preliminary figure
// (预计全年地区生产总值 完成134.9亿元,增长8.9%;规模以上工业增加值43.8亿元…); one that opens with
// "now" (目前, 截至目前, 截止目前, 到目前为止) gives every item as the present state, a result,
// even in a plans section (目前,以覃团村为试点…;金星村…实施土地流转2000多亩). Up to the full stop.
// nullopt for the list's first item itself (its words are its own), when the head states some other
// status first, and when an earlier item states one of its own.
// A sentence opened by a forecast alone, its head clause nothing but the forecast word
// (經初步預測,1-12月,全鎮完成生產總值3428萬元…。; 预计,…。), heads the sentences that go on in its
// paragraph after its full stop too, up to a few, while none states a status of its own;
// `carried_from` is then where the first of them begins (the caller ends the tally at a time
// they name), else it is `begin`.
struct ListHead {
  size_t begin = 0;
  size_t end = 0;
  FigureStatus status = FigureStatus::kExpected;
  size_t carried_from = 0;
};
//
// `forecasts` says where the text's forecast words are, so that a sentence with none before it in
// its paragraph is not walked back over (the walk over its last sentences is asked for every
// sentence read).
class ForecastWords;
std::optional<ListHead> ListHeadOf(std::string_view text, size_t sentence_begin,
                                   ForecastWords* forecasts);

// Where a text's forecast words (预计, 预测) are, found as far as they are asked for: one pass
// over the text at most, a look for 预's lead byte at a time, rather than a walk back over each
// paragraph's sentences for them.
class ForecastWords {
 public:
  // Whether one starts in [from, to) of `text` (the same text at every call).
  bool AnyIn(std::string_view text, size_t from, size_t to);

 private:
  std::vector<size_t> found_;  // ascending
  size_t scanned_to_ = 0;      // every word starting before it is in found_
};

// Whether `text`, a report, is a council's review of a budget: a news report of a Taiwanese
// township council adopting its 总预算 or 预算案 (审查, 审议, 三读), whose amounts are what the
// budget plans for the fiscal year, not money raised or spent. Read from its first kilobytes.
bool IsBudgetReview(std::string_view text);

// Whether the money figure [begin, end) of a budget review is a line of the budget, a plan, rather
// than a cut the council made to it, a result: its clause before it, from `clause_begin`, holds
// no cut (删减, 删除, 减列, 核减); a cut to a new amount (删减为78万元) states the budget again.
bool IsBudgetLine(std::string_view text, size_t clause_begin, size_t begin, size_t end);

// The status of the figure or match at the normalized range [begin, end) of `document`.
// Thread-safe.
FigureStatus StatusOf(const Document& document, size_t begin, size_t end);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_STATUS_H_
