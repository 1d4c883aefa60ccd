// Period: which year or years a figure at some place of a report refers to.
//
// Input: a document and a normalized byte range (a figure, or a rule's match). Output: a Period.
// Design decision: the nearest scope that names a time wins — the figure's clause, then the rest of
// its sentence before it, then its enclosing headings from the innermost out, then the report
// itself (the year it reviews, or the year after inside a plans section). A year that is only a
// comparison base (比2020年增长, 较上年) names no time for the figure, nor does one inside a
// document title (《…（2021—2025年）》).
#ifndef GLEAN_ENGINE_FIGURES_PERIOD_H_
#define GLEAN_ENGINE_FIGURES_PERIOD_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/figures/text_at.h"
#include "glean/document.h"
#include "glean/figure.h"

namespace glean::figures {

// The two years relative words and "the report's period" are read against.
struct ReportYears {
  int reviewed = 0;  // the year the report reviews (DocumentInfo::year); 0 when unknown
  int present = 0;   // the year 今年 means; 0 when unknown
};

// A report's years: `reviewed` is its year; `present` is the year it was issued, except for a
// summary (总结, 汇报), written at the end of the year it reviews whenever it is dated, where it
// is the reviewed year; either falls back to the other.
ReportYears YearsOf(const DocumentInfo& info);

// A time expression in normalized text: 2025年, 二〇二五年, 2021—2025年, 今年, 去年, "十四五",
// 过去五年, 2021年以来 …
struct TimeMention {
  size_t begin = 0;
  size_t end = 0;
  Period period;
  // 2020年到2025年: a span counted from its first year, so a pair's starting figure in it is of
  // that year (a plan's 2021—2025年 or 五年来 starts from the year before).
  bool from_first_year = false;
};

// The first time mention that starts in [from, to) and is not a comparison base or inside 《…》;
// nullopt if none. Mentions against an unknown year are skipped. (TimeMentions finds them all.)
std::optional<TimeMention> FirstTimeMention(std::string_view text, size_t from, size_t to,
                                            const ReportYears& years);

// Whether `mention` qualifies only the figure right after it (2020年的3.68万亿元, 由上年729万人),
// and so dates nothing else in its sentence.
bool BindsNextFigure(std::string_view text, const TimeMention& mention);

// Whether `mention` dates a noun after it inside a phrase of 的 (村、居委会的2020年村级财务,
// 2020年的村级财务), and so not a figure before it in its clause: the villages of
// `对全镇18个村、居委会的2020年村级财务进行清理` are of the report's year, the accounts of 2020.
bool DatesNounAfter(std::string_view text, const TimeMention& mention);

// Whether `mention` names only when a thing after it was decided or what goal it is
// (“十四五”批复的6个沙戈荒大基地, “十四五”规划确定的, 2035年远景目标), not when a figure of its
// sentence is: the bases are built, and the growth reached, in the time the rest of the text says.
bool ModifiesNounAfter(std::string_view text, const TimeMention& mention);

// The time a paragraph opens with as its own clause (刚刚过去的2025年，… ; 2022年，…), which dates
// the sentences of the paragraph that name none; nullopt if its first clause is not one.
// `sentence_begin` is the start of a sentence of the paragraph.
std::optional<TimeMention> ParagraphTime(std::string_view text, size_t sentence_begin,
                                         const ReportYears& years);
// ParagraphTime in two steps, for a reader that asks of many sentences of one paragraph: where
// the paragraph of the sentence at `sentence_begin` starts (nullopt when the sentence starts it,
// or the start lies beyond the reach looked back over), and the time the paragraph starting at
// `paragraph` opens with.
std::optional<size_t> ParagraphStartBefore(std::string_view text, size_t sentence_begin);
std::optional<TimeMention> ParagraphOpeningTime(std::string_view text, size_t paragraph,
                                                const ReportYears& years);

// Whether the words [from, to) name a time frame of their own that no year states: an
// event's 期间 or 其间 (摸排期间, 活动期间), not a named period's (“十四五”期间 is a mention).
bool NamesOwnFrame(std::string_view text, size_t from, size_t to);

// The span a report sets for the yearly averages after it with 下同 ("the same below"): in
// `2015年地区生产总值306.76亿元,五年(下同)年均增长9.3%` the five years to 2015 (2011–2015), for
// every 年均 figure after it in its paragraph. It ends at the last year its sentence names before
// it, else at the reviewed year. nullopt when the paragraph before `at` sets none.
std::optional<Period> SpanSameBelow(std::string_view text, size_t at, const ReportYears& years);

// The N of the last 连续N年 (连续3年, 连续五年) in [from, to) of `text`, or of N年 right before
// a change (3年增长58.6%), or 0: a level held, a thing done in each of the last N years or a
// change over them, which a review of several years states of those years
// (74个国控断面水质优良比例连续3年保持100% in a review of 2021–2025: 2023–2025).
int YearsInARow(std::string_view text, size_t from, size_t to);

// The characters a mention may start with: a Chinese digit (a year, or a count in 五年来), or the
// first character of a word a mention begins with. Most characters are none of these.
inline constexpr CharFilter kMentionFirsts = {"今", "本", "去", "上", "前", "明", "十", "九",
                                              "过", "近", "这", "未", "〇", "一", "二", "三",
                                              "四", "五", "六", "七", "八", "零", "○",  "两"};

// Whether a time mention may start at `at` (a quick no for most characters). Inline: it is asked
// at every character of a sentence that holds a fact.
inline bool MayStartTimeMention(std::string_view text, size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return lead >= '0' && lead <= '9';
  return lead >= 0xE0 && lead < 0xF0 && kMentionFirsts.MayStart(text, at);
}

// The time mentions of a stretch of text (a sentence), found once and asked about for each figure
// in it. Not thread-safe; cheap to reuse (its memory is kept).
class TimeMentions {
 public:
  // Finds the mentions in [from, to) of `text`, in place of those found before.
  void Find(std::string_view text, size_t from, size_t to, const ReportYears& years);
  // For a reader that walks the text itself (ContextReader, with the status words in the same
  // pass): Clear, then TryAt each position where MayStartTimeMention, in order, skipping to
  // `*skip` after each; a mention inside 《…》 (`in_title`) is read past but not kept.
  void Clear();
  void TryAt(std::string_view text, size_t at, const ReportYears& years, bool in_title,
             size_t* skip);
  // The last and the first of them that start in [from, to).
  std::optional<TimeMention> LastIn(size_t from, size_t to) const;
  std::optional<TimeMention> FirstIn(size_t from, size_t to) const;

 private:
  std::vector<TimeMention> mentions_;  // in text order
};

// The period of the figure or match at the normalized range [begin, end) of `document`.
// Unknown only when neither the text nor the report states any year. Thread-safe.
Period PeriodOf(const Document& document, size_t begin, size_t end);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_PERIOD_H_
