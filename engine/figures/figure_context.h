// FigureContext: the period and the status of a place in a report, worked out together (the
// status depends on the period), with what enclosing headings say kept per section so that a run
// over many facts of one section reads its headings once.
#ifndef GLEAN_ENGINE_FIGURES_FIGURE_CONTEXT_H_
#define GLEAN_ENGINE_FIGURES_FIGURE_CONTEXT_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/figures/period.h"
#include "engine/figures/status.h"
#include "glean/document.h"
#include "glean/figure.h"

namespace glean::figures {

// What the headings enclosing a place say about time and status, and the report's years.
struct SectionContext {
  ReportYears years;
  Period period;  // the innermost heading's time mention; unknown if none names one
  // A second period the same heading names (`2025年和“十四五”时期工作回顾`): a figure whose own
  // words name neither takes the one its sentence points to.
  Period also;
  // Where the text under that heading turns to one of its two periods (a paragraph that opens
  // with 过去一年, 2025年, 五年来, 这是…的五年), in order: a figure takes the last turn before it.
  std::vector<std::pair<size_t, Period>> turns;
  bool plans = false;         // the innermost heading that says either says plans
  bool period_plans = false;  // `period` lies after the reviewed year
};

// What one heading says, for a caller that asks about many sections of one document.
struct HeadingNote {
  bool read = false;
  Period period;                                 // its first time mention
  Period also;                                   // a later mention of another period, if any
  std::vector<std::pair<size_t, Period>> turns;  // as SectionContext::turns
  SectionKind kind = SectionKind::kNone;
};

// What a caller that asks about many sections of one document keeps between them: what each
// heading says (indexed like document.headings()) and where each appendix mark is, each read
// once for the document instead of again for each section.
struct SectionNotes {
  std::vector<HeadingNote> headings;
  std::vector<size_t> appendix_marks;  // the offset of each `\n附件`, in order
  bool marks_found = false;
};

// The headings enclosing `offset`, with the report's years `years` (a part of a report read in
// parts has them from its first part). Equal for two offsets with the same section path. With
// `notes`, what each heading says and where the appendices are is read once and kept there for
// the sections asked about later.
SectionContext SectionContextAt(const Document& document, size_t offset, const ReportYears& years,
                                SectionNotes* notes = nullptr);

struct FigureContext {
  Period period;
  FigureStatus status = FigureStatus::kResult;
};

// One sentence as a ContextReader read it: where its clauses end, its time mentions and status
// words, and the status and time of the 预计 or 目前 list it is an item of, if any.
struct SentenceReading {
  size_t begin = 0;  // [begin, end): `end` is the sentence's end mark
  size_t end = 0;
  std::vector<std::pair<size_t, size_t>> clause_marks;  // where each clause end is, its length
  TimeMentions mentions;
  StatusWords words;
  std::optional<FigureStatus> list_status;  // of the list it is an item of (ListHeadOf)
  std::optional<TimeMention> list_time;
};

// The sentences one reader of a document read, kept so that a second reader of the same text (the
// rule facts' after the figures stage's) takes them instead of reading them again, and whether
// the text is a council's review of a budget, once asked. Kept are the
// sentences read for a range inside them that end at a mark within the reader's reach: what a
// reader finds from such a sentence's start is the same whatever range it was asked about, so a
// reader takes one only under those conditions and its answers are those of its own reading.
class SentenceReadings {
 public:
  // The sentence kept that starts at `begin`, read against `years`; null if none.
  const SentenceReading* Find(const ReportYears& years, size_t begin) const;
  // Keeps `sentence`, read against `years` (a reading against other years than the first kept's
  // is not kept).
  void Keep(const ReportYears& years, SentenceReading sentence);

 private:
  friend class ContextReader;  // keeps and takes budget_review_

  std::optional<ReportYears> years_;
  std::vector<SentenceReading> sentences_;  // by begin
  std::optional<bool> budget_review_;
};

// Reads the period and status of places in one text, in any order; the time and status words
// of a sentence are found once and asked about for each figure in it, so a run over a document's
// facts in order reads each sentence once. Not thread-safe: one reader per thread and document.
class ContextReader {
 public:
  // REQUIRES: `text` outlives the reader, and `shared` and `keep`, if given, which hold the
  // sentences of this same text. A sentence `shared` holds is taken from it rather than read;
  // the sentences this reader reads are kept in `keep`.
  explicit ContextReader(std::string_view text, const SentenceReadings* shared = nullptr,
                         SentenceReadings* keep = nullptr)
      : text_(text), shared_(shared), keep_(keep) {}

  // The period and status of [begin, end), given the SectionContext of `begin`. A rule's match
  // that opens with words before its figure (医保参保率超98%) passes where the figure begins as
  // `figure_begin`: whether the figure states a level reached is asked of the words before it.
  FigureContext Read(const SectionContext& section, size_t begin, size_t end,
                     size_t figure_begin = std::string_view::npos);

 private:
  // Finds the sentence around [begin, end) and its words, unless it is the one read last.
  void ReadSentence(const ReportYears& years, size_t begin, size_t end);
  // The span the last note "the same below" before `at` sets (五年(下同), SpanSameBelow), or
  // nullopt when none is before it.
  std::optional<Period> SpanOfLastSameBelow(size_t at, const ReportYears& years);

  // Takes the sentence starting at `sentence_begin` from shared_ when what it holds is what
  // reading [begin, end) up to `ceiling` would find; false if it does not hold it.
  bool TakeShared(const ReportYears& years, size_t sentence_begin, size_t begin, size_t end,
                  size_t ceiling);
  // Whether the text is a council's review of a budget (IsBudgetReview), asked once of the text.
  bool BudgetReview();

  std::string_view text_;
  const SentenceReadings* shared_;
  SentenceReadings* keep_;
  // The sentence read last, [sentence_begin_, sentence_end_); reusable_ unless there is none yet
  // or the range it was read for crossed a sentence end.
  size_t sentence_begin_ = 0;
  size_t sentence_end_ = 0;
  bool reusable_ = false;
  ReportYears years_;
  TimeMentions mentions_;
  StatusWords words_;
  std::vector<std::pair<size_t, size_t>> clause_marks_;  // where each clause end is, its length
  // The status the head of the list the sentence read last is an item of gives (预计…, 目前…;
  // ListHeadOf), and that head's time.
  std::optional<FigureStatus> list_status_;
  ForecastWords forecasts_;  // where the text's 预计 and 预测 are, as far as asked
  std::optional<TimeMention> list_time_;
  // The time the paragraph of the sentence starting at paragraph_time_for_ opens with, kept for
  // the other figures of that sentence (ParagraphTime looks back to the paragraph's start).
  size_t paragraph_time_for_ = std::string_view::npos;
  ReportYears paragraph_time_years_;
  std::optional<TimeMention> paragraph_time_;
  // The same for the paragraph starting at opening_time_for_, kept for its other sentences.
  size_t opening_time_for_ = std::string_view::npos;
  std::optional<TimeMention> opening_time_;
  // Where each note "the same below" (下同) of the text ends, in order; found the first time a
  // figure dated by a span of the review asks.
  std::optional<std::vector<size_t>> same_below_ends_;
  // Whether the text is a council's review of a budget (IsBudgetReview), asked once, at its
  // first figure that reads as a result.
  std::optional<bool> budget_review_;
};

// The period and status of [begin, end), given the SectionContext of `begin`.
FigureContext ContextOf(std::string_view text, const SectionContext& section, size_t begin,
                        size_t end);
FigureContext ContextOf(const Document& document, size_t begin, size_t end);

}  // namespace glean::figures

#endif  // GLEAN_ENGINE_FIGURES_FIGURE_CONTEXT_H_
