#include "engine/figures/figure_context.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <utility>
#include <vector>

#include "engine/document_impl.h"
#include "engine/figures/span_role.h"
#include "engine/figures/text_at.h"
#include "engine/source/byte_search.h"
#include "engine/source/utf8.h"

namespace glean::figures {

using namespace std::string_view_literals;

namespace {

// How far from a figure its clause and sentence are looked for: report sentences run to a few
// hundred characters; a longer one is cut here rather than read to its start for every figure.
constexpr size_t kReach = 4096;

enum class End { kNone, kClause, kSentence };

// The end mark that begins at `at`, and its length.
End EndAt(std::string_view text, size_t at, size_t* length) {
  const char c = text[at];
  *length = 1;
  if (c == '\n' || c == '!' || c == '?' || c == ';') return End::kSentence;
  if (c == ',' || c == ':') return End::kClause;
  if (static_cast<unsigned char>(c) != 0xE3 && static_cast<unsigned char>(c) != 0xEF) {
    return End::kNone;
  }
  *length = 3;
  if (StartsWithAt(text, at, "。") || StartsWithAt(text, at, "！") ||
      StartsWithAt(text, at, "？") || StartsWithAt(text, at, "；")) {
    return End::kSentence;
  }
  if (StartsWithAt(text, at, "，") || StartsWithAt(text, at, "：")) {
    return End::kClause;
  }
  return End::kNone;
}

// The period a paragraph under a heading that names two opens with, if it is one of the two: its
// first sentence's first time mention (过去一年, 刚刚过去的2025年, “十四五”时期), else words of the
// five years that are no mention (这是…的五年, 过去的五年, 经过五年).
std::optional<Period> OpeningPeriod(std::string_view text, size_t paragraph, const Period& named,
                                    const Period& also, const ReportYears& years) {
  constexpr size_t kOpeningBytes = 600;
  const size_t limit = std::min(text.size(), paragraph + kOpeningBytes);
  size_t at = paragraph;
  // An address to the audience (各位代表！) goes before the opening sentence.
  // (normalized text may hold its mark as ASCII).
  if (StartsWithAt(text, at, "各位代表")) {
    size_t length = 0;
    const size_t mark = at + std::string_view("各位代表").size();
    if (mark < limit && EndAt(text, mark, &length) == End::kSentence) at = mark + length;
  }
  const size_t sentence = at;
  size_t length = 0;
  while (at < limit && EndAt(text, at, &length) != End::kSentence) {
    at += source::Utf8LengthOfLead(static_cast<unsigned char>(text[at]));
  }
  const Period& span = named.last > named.first ? named : also;
  const Period& year = named.last > named.first ? also : named;
  // 刚刚过去的一年，是“十四五”收官之年: the year, though the plan is named first.
  for (std::string_view words : {"过去的一年"sv, "一年来"sv}) {
    const size_t found = text.substr(sentence, at - sentence).find(words);
    if (found != std::string_view::npos && found <= std::string_view("刚刚").size()) return year;
  }
  if (std::optional<TimeMention> mention = FirstTimeMention(text, sentence, at, years)) {
    if (mention->period == named || mention->period == also) return mention->period;
    return std::nullopt;
  }
  const std::string_view opening = text.substr(sentence, at - sentence);
  for (std::string_view words : {"的五年"sv, "经过五年"sv, "五年间"sv}) {
    if (opening.find(words) != std::string_view::npos) return span;
  }
  return std::nullopt;
}

// The period a sentence inside a paragraph turns to: a short first clause that is a time of the
// two (回望过去五年，五年来，一年来，), as a paragraph on the year ends and the five years begin.
std::optional<Period> SentenceTopicPeriod(std::string_view text, size_t sentence, size_t limit,
                                          const Period& named, const Period& also,
                                          const ReportYears& years) {
  constexpr size_t kTopicBytes = 24;
  size_t at = sentence;
  size_t length = 0;
  const size_t topic_limit = std::min(limit, sentence + kTopicBytes);
  while (at < topic_limit && EndAt(text, at, &length) == End::kNone) {
    at += source::Utf8LengthOfLead(static_cast<unsigned char>(text[at]));
  }
  if (at >= topic_limit || EndAt(text, at, &length) != End::kClause) return std::nullopt;
  const std::optional<TimeMention> mention = FirstTimeMention(text, sentence, at, years);
  if (!mention || (mention->period != named && mention->period != also)) return std::nullopt;
  return mention->period;
}

// A review of the year that closes a five-year plan also reviews the plan, and the other way
// round (`一、2025年工作回顾` may hold a paragraph on “十四五”时期, `一、“十四五”时期工作回顾` one
// on 刚刚过去的2025年): for a heading that names one of the two, the other; else unknown.
Period ClosedPlanOrYear(const Period& named, const ReportYears& years) {
  const int year = years.reviewed;
  constexpr int kPlanYears = 5;
  if (year == 0 || (year - 2000) % kPlanYears != 0) return {};
  const Period plan{year - kPlanYears + 1, year};
  if (named == plan) return {year, year};
  if (named == Period{year, year}) return plan;
  return {};
}

// The turns of the text under `heading` (see SectionContext::turns), up to the next heading of
// its level or above.
std::vector<std::pair<size_t, Period>> TurnsUnder(const Document& document, const Heading* heading,
                                                  const Period& named, const Period& also,
                                                  const ReportYears& years) {
  const std::string_view text = document.normalized();
  const std::vector<Heading>& headings = document.headings();
  size_t body_end = text.size();
  for (const Heading* next = heading + 1; next < headings.data() + headings.size(); ++next) {
    if (next->level <= heading->level) {
      body_end = next->begin;
      break;
    }
  }
  std::vector<std::pair<size_t, Period>> turns;
  const auto turn = [&](size_t at, const Period& opened) {
    if (turns.empty() || turns.back().second != opened) turns.emplace_back(at, opened);
  };
  for (size_t paragraph = heading->end; paragraph < body_end;) {
    size_t line_end = text.find('\n', paragraph);
    if (line_end == std::string_view::npos || line_end > body_end) line_end = body_end;
    if (paragraph < line_end) {
      if (std::optional<Period> opened = OpeningPeriod(text, paragraph, named, also, years)) {
        turn(paragraph, *opened);
      }
      for (size_t at = paragraph; at < line_end;) {
        // A sentence end inside a line is !, ?, ; or a full-width mark led by E3 or EF: every
        // other character is passed over without a call.
        const auto lead = static_cast<unsigned char>(text[at]);
        size_t length = 0;
        if ((lead == '!' || lead == '?' || lead == ';' || lead == 0xE3 || lead == 0xEF) &&
            EndAt(text, at, &length) == End::kSentence) {
          at += length;
          if (std::optional<Period> opened =
                  SentenceTopicPeriod(text, at, line_end, named, also, years)) {
            turn(at, *opened);
          }
          continue;
        }
        at += source::Utf8LengthOfLead(static_cast<unsigned char>(text[at]));
      }
    }
    paragraph = line_end + 1;
  }
  return turns;
}

// Whether `clause` states a yearly average change: 年均增长, not 年均浓度 (a yearly mean is of
// its own year).
bool IsYearlyAverage(std::string_view clause) {
  // Asked twice for most figures: 年 is found by its last byte (B4), which few characters end
  // with, through memchr, rather than by a test at every byte.
  constexpr std::string_view kYear = "年";
  static_assert(kYear.size() == 3 && kYear[2] == '\xB4');
  for (size_t from = 2; from + 7 <= clause.size();) {
    const void* hit = std::memchr(clause.data() + from, 0xB4, clause.size() - 6 - from);
    if (hit == nullptr) break;
    const size_t last = static_cast<size_t>(static_cast<const char*>(hit) - clause.data());
    from = last + 1;
    const size_t at = last - 2;
    if (!StartsWithAt(clause, at, kYear)) continue;
    if (AnyStartsAt(clause, at + kYear.size(),
                    {"均增"sv, "均分别"sv, "均提高"sv, "均下降"sv, "平均增"sv})) {
      return true;
    }
  }
  return false;
}

// Of the two periods a heading names (a year and the plan it closes), the one a figure that names
// neither is about: that of the last paragraph before it that turned to one, else the one the
// heading names first; a yearly average (年均 in its clause) is of the span whatever the paragraph.
Period SectionPeriodFor(std::string_view clause, size_t at, const SectionContext& section) {
  if (!section.also.known()) return section.period;
  Period period = section.period;
  for (const auto& [turn, opened] : section.turns) {
    if (turn > at) break;
    period = opened;
  }
  const Period& span = section.period.last > section.period.first ? section.period : section.also;
  // A part about two spans (“十四五”时期发展成就和“十五五”时期主要目标任务): a yearly average is of
  // the span the text turned to, a target of the plan's years where it states the plan's.
  return IsYearlyAverage(clause) && period.first == period.last ? span : period;
}

// The period an appendix's head names: `head` starts at the line break before its mark (附件1,
// alone on its line), and its title follows on the next line that holds text (a wrapped copy
// may have blank lines or spaces between); an appendix titled for a time (2026年省十件民生实事)
// lists what is promised for it, and its own headings (一、提高低保…) name none.
Period AppendixHeadPeriod(std::string_view head, const ReportYears& years) {
  constexpr std::string_view kMark = "\n附件";
  if (!StartsWithAt(head, 0, kMark)) return {};
  size_t at = kMark.size();
  while (at < head.size() && IsDigit(head[at])) ++at;
  if (at >= head.size() || (head[at] != '\n' && head[at] != ' ')) return {};
  while (at < head.size() && (head[at] == '\n' || head[at] == ' ')) ++at;
  const size_t title = at;
  const size_t title_end = std::min(head.size(), head.find('\n', title));
  const std::optional<TimeMention> mention = FirstTimeMention(head, title, title_end, years);
  if (!mention || mention->begin != title) return {};
  return mention->period;
}

// The period of the appendix that holds `offset` (see AppendixHeadPeriod), its mark in this
// text or, for a part of a report read in parts, in a part before.
// With `notes`, the marks are found once for the document, not searched back for at each call.
Period AppendixPeriod(const Document& document, size_t offset, const ReportYears& years,
                      SectionNotes* notes) {
  constexpr std::string_view kMark = "\n附件";
  const std::string_view text = document.normalized();
  size_t mark = std::string_view::npos;
  if (notes == nullptr) {
    mark = text.substr(0, offset).rfind(kMark);
  } else {
    if (!notes->marks_found) {
      notes->appendix_marks.clear();
      for (size_t at = text.find(kMark); at != std::string_view::npos;
           at = text.find(kMark, at + 1)) {
        notes->appendix_marks.push_back(at);
      }
      notes->marks_found = true;
    }
    // The last mark that ends by `offset`.
    const std::vector<size_t>& marks = notes->appendix_marks;
    const auto after =
        std::upper_bound(marks.begin(), marks.end(), offset,
                         [&](size_t limit, size_t at) { return at + kMark.size() > limit; });
    if (after != marks.begin()) mark = *std::prev(after);
  }
  if (mark != std::string_view::npos) {
    return AppendixHeadPeriod(text.substr(mark, offset - mark), years);
  }
  return AppendixHeadPeriod(internal::DocumentAccess::Impl(document).structure.appendix_before(),
                            years);
}

// Whether the words [from, to) before a figure name nothing of their own, so that its clause goes
// on with the one before: none at all (脱贫56户,220人) or a verb of the level reached
// (增加18%,达到9170元).
bool GoesOnWithClauseBefore(std::string_view text, size_t from, size_t to) {
  const std::string_view words = text.substr(from, to - from);
  return words.empty() || words == "达到" || words == "达" || words == "达到了" ||
         words == "增至" || words == "增加到" || words == "提高到" || words == "提高至";
}

// Whether `mention` is a span counted back from now that a change follows at once (近3年提升21个
// 百分点): it dates that change, not a level or gap the clauses after it state (超过全国平均水平
// 0.28个百分点 is of now).
bool DatesOwnChange(std::string_view text, const TimeMention& mention) {
  return mention.period.first < mention.period.last && StartsWithAt(text, mention.begin, "近") &&
         AnyStartsAt(
             text, mention.end,
             {"提升"sv, "提高"sv, "增长"sv, "增加"sv, "下降"sv, "减少"sv, "降低"sv, "上升"sv});
}

// Whether a bracket opens right before `at`.
bool OpensBracket(std::string_view text, size_t at) {
  return EndsWithAt(text, at, "(") || EndsWithAt(text, at, "（");
}

// Whether the clause [from, to) before a figure opens with 现有 ("there are now"), after blanks.
bool OpensWithNow(std::string_view text, size_t from, size_t to) {
  while (from < to && text[from] == ' ') ++from;
  return StartsWithAt(text.substr(0, to), from, "现有");
}

}  // namespace

SectionContext SectionContextAt(const Document& document, size_t offset, const ReportYears& years,
                                SectionNotes* notes) {
  SectionContext section;
  section.years = years;
  const std::vector<const Heading*> path = document.SectionAt(offset);
  if (notes != nullptr && notes->headings.size() != document.headings().size()) {
    notes->headings.assign(document.headings().size(), HeadingNote{});
  }
  bool kind_found = false;
  bool any_plans = false;  // some heading around it says it plans
  for (size_t i = path.size(); i-- > 0 && !(kind_found && section.period.known());) {
    HeadingNote own;
    HeadingNote* note = &own;
    if (notes != nullptr)
      note = &notes->headings[static_cast<size_t>(path[i] - document.headings().data())];
    if (!note->read) {
      const std::string_view heading = path[i]->text;
      note->kind = KindOfHeading(heading);
      const Period reviewed{section.years.reviewed, section.years.reviewed};
      if (std::optional<TimeMention> mention =
              FirstTimeMention(heading, 0, heading.size(), section.years)) {
        note->period = mention->period;
        for (std::optional<TimeMention> next = mention; next && !note->also.known();) {
          next = FirstTimeMention(heading, next->end, heading.size(), section.years);
          if (next && next->period != note->period) note->also = next->period;
        }
        if (!note->also.known()) note->also = ClosedPlanOrYear(note->period, section.years);
        if (note->also.known()) {
          note->turns = TurnsUnder(document, path[i], note->period, note->also, section.years);
        }
      } else if (i == 0 && note->kind != SectionKind::kPlans && reviewed.known()) {
        // A part that names no time (一、工作回顾) reviews the year, and may turn to the plan
        // that year closes (“十四五”时期是…的五年): its turns, kept with no period of its own.
        note->also = ClosedPlanOrYear(reviewed, section.years);
        if (note->also.known()) {
          note->turns = TurnsUnder(document, path[i], reviewed, note->also, section.years);
          // Turns only to the year it reviews anyway change nothing.
          if (std::none_of(note->turns.begin(), note->turns.end(),
                           [&](const auto& turn) { return turn.second == note->also; })) {
            note->turns.clear();
          }
        }
      }
      note->read = true;
    }
    if (!section.period.known()) {
      section.period = note->period;
      section.also = note->also;
      section.turns = note->turns;
    }
    any_plans = any_plans || note->kind == SectionKind::kPlans;
    if (!kind_found && note->kind != SectionKind::kNone) {
      section.plans = note->kind == SectionKind::kPlans;
      kind_found = true;
    }
  }
  if (!section.period.known()) {
    section.period = AppendixPeriod(document, offset, section.years, notes);
    if (section.period.known()) {
      section.also = {};
      section.turns.clear();
    }
  }
  if (!section.period.known() && !section.plans && !section.turns.empty()) {
    section.period = {years.reviewed, years.reviewed};
  }
  // A heading that says it reviews (2020年主要工作措施、亮点及成效) reviews, whatever year it
  // names, unless one around it says it plans (二、“十五五”时期…目标任务 ›
  // (七)美丽山西建设取得重大成效).
  const bool says_review = kind_found && !section.plans && !any_plans;
  section.period_plans = section.period.known() && section.years.reviewed != 0 &&
                         section.period.first > section.years.reviewed && !says_review;
  return section;
}

void ContextReader::ReadSentence(const ReportYears& years, size_t begin, size_t end) {
  if (reusable_ && sentence_begin_ <= begin && end <= sentence_end_ && begin < sentence_end_ &&
      years.reviewed == years_.reviewed && years.present == years_.present) {
    return;
  }
  const std::string_view text = text_;
  // Back to the sentence's start: the end mark before `begin`, found a byte at a time (every end
  // mark's last byte is one no other character of its length ends with).
  const size_t floor = begin > kReach ? begin - kReach : 0;
  // Those bytes are looked for 16 at a time (source::FindLastByte), and only they are tested.
  size_t sentence_begin = floor;
  for (size_t to = begin; to > floor;) {
    const size_t at =
        source::FindLastByte<'\n', '!', '?', ';', 0x82, 0x81, 0x9F, 0x9B>(text, floor, to);
    if (at == std::string_view::npos) break;
    size_t length = 0;
    if (static_cast<unsigned char>(text[at]) < 0x80 ||
        (at >= floor + 2 && EndAt(text, at - 2, &length) == End::kSentence)) {
      sentence_begin = at + 1;
      break;
    }
    to = at;
  }
  // On to its end: the first sentence end from `begin`, or past `end` for a range that crosses
  // one (such a range's sentence is not kept for the next). One pass finds the clause ends, the
  // time mentions and the status words: most characters are none, and are passed over after a
  // byte test and a filter lookup.
  const size_t ceiling = std::min(text.size(), std::max(begin, end) + kReach);
  if (shared_ != nullptr && TakeShared(years, sentence_begin, begin, end, ceiling)) return;
  size_t sentence_end = ceiling;
  bool crosses = false;
  bool at_mark = false;  // the pass stopped at the sentence's end mark, within the reach
  clause_marks_.clear();
  mentions_.Clear();
  words_.Clear();
  int title_depth = 0;
  size_t clause = sentence_begin;
  size_t mention_from = sentence_begin;  // where the next mention may start
  size_t word_from = sentence_begin;     // where the next status word may start
  // A Han character that is no mark and starts no mention or status word (most of them) is
  // passed over after one filter lookup for both.
  static constexpr CharFilter kWordFirsts = kMentionFirsts | kMarkerFirsts;
  for (size_t at = sentence_begin; at < ceiling;) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead >= 0xE0 && lead < 0xF0 && lead != 0xE3 && lead != 0xEF &&
        !kWordFirsts.MayStart(text, at)) {
      at += 3;
      continue;
    }
    const size_t length = source::Utf8LengthOfLead(lead);
    if (lead < 0x80 || lead == 0xE3 || lead == 0xEF) {
      size_t mark_length = 0;
      const End mark = EndAt(text, at, &mark_length);
      if (mark != End::kNone) {
        clause_marks_.emplace_back(at, mark_length);
        if (mark == End::kSentence && at >= begin) {
          if (at >= end) {
            sentence_end = at;
            at_mark = true;
            break;
          }
          crosses = true;
        }
        clause = at + mark_length;
        at += mark_length;
        continue;
      }
      if (StartsWithAt(text, at, "《")) {
        ++title_depth;
      } else if (StartsWithAt(text, at, "》")) {
        title_depth = std::max(0, title_depth - 1);
      }
    }
    if (at >= mention_from && MayStartTimeMention(text, at)) {
      size_t skip = at + length;
      mentions_.TryAt(text, at, years, title_depth > 0, &skip);
      mention_from = skip;
    }
    if (title_depth == 0 && at >= word_from && lead >= 0x80 && MayStartStatusWord(text, at)) {
      word_from = words_.TryAt(text, at, clause);
    }
    at += length;
  }
  list_status_.reset();
  list_time_.reset();
  if (std::optional<ListHead> head = ListHeadOf(text, sentence_begin, &forecasts_)) {
    // A forecast's tally ends at a sentence that names a time of its own: a new year's figures.
    if (head->carried_from == head->begin ||
        !FirstTimeMention(text, head->carried_from, sentence_end, years)) {
      list_status_ = head->status;
      list_time_ = FirstTimeMention(text, head->begin, head->end, years);
    }
  }
  years_ = years;
  sentence_begin_ = sentence_begin;
  sentence_end_ = sentence_end;
  reusable_ = !crosses;
  if (keep_ != nullptr && !crosses && at_mark) {
    keep_->Keep(years, {sentence_begin, sentence_end, clause_marks_, mentions_, words_,
                        list_status_, list_time_});
  }
}

bool ContextReader::TakeShared(const ReportYears& years, size_t sentence_begin, size_t begin,
                               size_t end, size_t ceiling) {
  // The pass from `sentence_begin` would meet no sentence end before `end` and stop at the kept
  // one's: it would find what the kept one holds.
  const SentenceReading* kept = shared_->Find(years, sentence_begin);
  if (kept == nullptr || begin >= kept->end || end > kept->end || kept->end >= ceiling) {
    return false;
  }
  clause_marks_ = kept->clause_marks;
  mentions_ = kept->mentions;
  words_ = kept->words;
  list_status_ = kept->list_status;
  list_time_ = kept->list_time;
  years_ = years;
  sentence_begin_ = sentence_begin;
  sentence_end_ = kept->end;
  reusable_ = true;
  return true;
}

bool ContextReader::BudgetReview() {
  if (!budget_review_) {
    budget_review_ = shared_ != nullptr && shared_->budget_review_ ? *shared_->budget_review_
                                                                   : IsBudgetReview(text_);
    if (keep_ != nullptr) keep_->budget_review_ = budget_review_;
  }
  return *budget_review_;
}

const SentenceReading* SentenceReadings::Find(const ReportYears& years, size_t begin) const {
  if (!years_ || years_->reviewed != years.reviewed || years_->present != years.present) {
    return nullptr;
  }
  const auto at = std::lower_bound(
      sentences_.begin(), sentences_.end(), begin,
      [](const SentenceReading& sentence, size_t offset) { return sentence.begin < offset; });
  return at != sentences_.end() && at->begin == begin ? &*at : nullptr;
}

void SentenceReadings::Keep(const ReportYears& years, SentenceReading sentence) {
  if (!years_) years_ = years;
  if (years_->reviewed != years.reviewed || years_->present != years.present) return;
  // A reader in document order adds at the end; one sentence start is kept once (a second
  // reading from it finds the same).
  const auto at = std::lower_bound(
      sentences_.begin(), sentences_.end(), sentence.begin,
      [](const SentenceReading& kept, size_t offset) { return kept.begin < offset; });
  if (at != sentences_.end() && at->begin == sentence.begin) return;
  sentences_.insert(at, std::move(sentence));
}

std::optional<Period> ContextReader::SpanOfLastSameBelow(size_t at, const ReportYears& years) {
  constexpr std::string_view kSameBelow = "下同)";
  if (!same_below_ends_) {
    same_below_ends_.emplace();
    for (size_t found = text_.find(kSameBelow); found != std::string_view::npos;
         found = text_.find(kSameBelow, found + kSameBelow.size())) {
      same_below_ends_->push_back(found + kSameBelow.size());
    }
  }
  const auto after = std::upper_bound(same_below_ends_->begin(), same_below_ends_->end(), at);
  if (after == same_below_ends_->begin()) return std::nullopt;
  return SpanSameBelow(text_, *std::prev(after), years);
}

FigureContext ContextReader::Read(const SectionContext& section, size_t begin, size_t end,
                                  size_t figure_begin) {
  const ReportYears& years = section.years;
  begin = std::min(begin, text_.size());
  end = std::min(std::max(begin, end), text_.size());
  ReadSentence(years, begin, end);
  const size_t sentence_begin = std::min(sentence_begin_, begin);
  // The figure's clause: from the last clause end before it to the first at or after its end.
  const auto mark_at = [](const std::pair<size_t, size_t>& mark, size_t at) {
    return mark.first < at;
  };
  const auto after = std::lower_bound(clause_marks_.begin(), clause_marks_.end(), end, mark_at);
  const size_t clause_end =
      after == clause_marks_.end() ? std::max(end, sentence_end_) : after->first;
  const auto before = std::lower_bound(clause_marks_.begin(), clause_marks_.end(), begin, mark_at);
  const size_t clause_begin = before == clause_marks_.begin()
                                  ? sentence_begin
                                  : std::prev(before)->first + std::prev(before)->second;

  // 计划农民人均纯收入增加18%,达到9170元; 计划脱贫56户,220人: a clause with no words of its own
  // but a level verb goes on with the clause before, and so does what that clause's words state.
  size_t status_clause_begin = clause_begin;
  if (before != clause_marks_.begin() && GoesOnWithClauseBefore(text_, clause_begin, begin)) {
    const auto previous = std::prev(before);
    status_clause_begin = previous == clause_marks_.begin()
                              ? sentence_begin
                              : std::prev(previous)->first + std::prev(previous)->second;
  }

  // Period: the figure's clause (up to the end of the range: a rule's match may hold its year),
  // then the clause after it, then the sentence before, then the time its paragraph opens with.
  // A figure of a from-to pair has only its own words (从2020年的…) and the wider scopes.
  size_t own_from = clause_begin;
  const PairRole pair = PairRoleOf(text_, clause_begin, begin, end, clause_end, &own_from);
  std::optional<TimeMention> mention = mentions_.LastIn(own_from, end);
  // 加快建设“十四五”批复的6个沙戈荒大基地 in the plans of 2026: the plan period says when the
  // bases were approved, not when they are built.
  while (mention && ModifiesNounAfter(text_, *mention)) {
    mention = mentions_.LastIn(own_from, mention->begin);
  }
  const bool own_time = mention.has_value();
  if (!mention && pair == PairRole::kNone) {
    mention = mentions_.FirstIn(end, clause_end);
    // 30758元(2020年29293元): a time in brackets after a figure dates the figure it brackets.
    if (mention && (OpensBracket(text_, mention->begin) || DatesNounAfter(text_, *mention))) {
      mention.reset();
    }
  }
  if (!mention) {
    mention = mentions_.LastIn(sentence_begin, clause_begin);
    // 可达23.92亿元(2020年22.15亿元),比上年增长8%: a time in brackets dates only the figure in
    // them, not the clauses after.
    while (mention && (BindsNextFigure(text_, *mention) || OpensBracket(text_, mention->begin) ||
                       DatesOwnChange(text_, *mention) || ModifiesNounAfter(text_, *mention))) {
      mention = mentions_.LastIn(sentence_begin, mention->begin);
    }
    // 2017年至2023年共实施改厕3790户,摸排期间…: after words that set a time frame of their own
    // that no year states, the sentence is no longer of the span an earlier clause names.
    if (mention && mention->period.first < mention->period.last &&
        NamesOwnFrame(text_, mention->end, begin)) {
      mention.reset();
    }
    // 2014年全乡已脱贫60户,226人,现有建档立卡贫困户239户: what the register holds now is of the
    // report's present, not of the year an earlier clause names for what was done.
    if (mention && OpensWithNow(text_, status_clause_begin, begin)) mention.reset();
  }
  // An item of a list headed by 预计2011年… is of the head's time.
  if (!mention && list_status_) mention = list_time_;
  if (!mention) {
    if (sentence_begin != paragraph_time_for_ || years.reviewed != paragraph_time_years_.reviewed ||
        years.present != paragraph_time_years_.present) {
      const bool same_years = years.reviewed == paragraph_time_years_.reviewed &&
                              years.present == paragraph_time_years_.present;
      paragraph_time_.reset();
      if (const std::optional<size_t> paragraph = ParagraphStartBefore(text_, sentence_begin)) {
        if (*paragraph != opening_time_for_ || !same_years) {
          opening_time_ = ParagraphOpeningTime(text_, *paragraph, years);
          opening_time_for_ = *paragraph;
        }
        paragraph_time_ = opening_time_;
      }
      paragraph_time_for_ = sentence_begin;
      paragraph_time_years_ = years;
    }
    mention = paragraph_time_;
  }

  const bool plans = section.plans || section.period_plans;
  FigureContext context;
  if (mention) {
    context.period = mention->period;
  } else if (section.period.known()) {
    context.period =
        SectionPeriodFor(text_.substr(clause_begin, clause_end - clause_begin), begin, section);
  } else if (years.reviewed != 0) {
    const int year = plans ? years.reviewed + 1 : years.reviewed;
    context.period = {year, year};
  }
  if (!own_time && IsYearlyAverage(text_.substr(clause_begin, clause_end - clause_begin))) {
    // 2015年…,五年(下同)年均增长9.3%: the span the paragraph set for its yearly averages.
    if (std::optional<Period> span = SpanSameBelow(text_, begin, years)) {
      context.period = *span;
    } else if (years.reviewed != 0 && context.period.first == context.period.last &&
               context.period.first > years.reviewed + 1) {
      // 到2030年,…全社会研发经费投入年均增长9%以上: an average over the years up to the target
      // year, the plan's span where the heading names one that ends then (“十五五”: 2026–2030).
      const Period& named = section.period;
      context.period = named.first < named.last && named.last == context.period.last
                           ? named
                           : Period{years.reviewed + 1, context.period.last};
    }
  }
  // 过去五年工作回顾 in a report of 2016 that opens its review with 2015年…,五年(下同): the span
  // of the review the text names (2011–2015), not the five years to the reviewed year.
  if (!own_time && context.period.first < context.period.last && years.reviewed != 0 &&
      context.period.last == years.reviewed) {
    if (std::optional<Period> span = SpanOfLastSameBelow(begin, years);
        span && span->last < context.period.last &&
        span->last - span->first == context.period.last - context.period.first) {
      context.period = *span;
    }
  }
  if (!own_time && context.period.first < context.period.last &&
      words_.SaysNow(text_, mention && mention->end <= begin ? mention->end : clause_begin,
                     begin)) {
    // “十二五”期间…,截止目前,全县城镇化率达到52.5%: a level now, at the span's end.
    context.period.first = context.period.last;
  }
  if (!own_time) {
    context.period = PairPeriod(pair, context.period, mention && mention->from_first_year);
  }
  // A part about the span reviewed and the plan after it (“十四五”时期发展成就和“十五五”时期主要
  // 目标任务) says plans, but the figures of its review are of a span already over.
  if (pair == PairRole::kNone && context.period.first < context.period.last &&
      (years.reviewed == 0 ? !plans : context.period.last <= years.reviewed)) {
    // 五年来…城市轨道交通运营线路增至14条: a level reached is of the span's last year.
    const auto previous = before == clause_marks_.begin() ? before : std::prev(before);
    const size_t previous_begin = before == clause_marks_.begin() ? clause_begin
                                  : previous == clause_marks_.begin()
                                      ? sentence_begin
                                      : std::prev(previous)->first + std::prev(previous)->second;
    // The figure of a rule's match, when no clause ends between the match's start and it.
    const size_t level_at = figure_begin > begin && figure_begin < end &&
                                    std::lower_bound(clause_marks_.begin(), clause_marks_.end(),
                                                     figure_begin, mark_at) == before
                                ? figure_begin
                                : begin;
    if (StatesLevelReached(text_, previous_begin, clause_begin, level_at, end)) {
      context.period.first = context.period.last;
    } else if (const int run = YearsInARow(text_, clause_begin, level_at); run > 0) {
      // 五年来…国控断面水质优良比例连续3年保持100%: of the last three years, not of the five.
      context.period.first = context.period.last - run + 1;
    }
  }

  bool met = false;
  std::optional<FigureStatus> stated =
      words_.StatusAt(sentence_begin, status_clause_begin, begin, end, clause_end, &met);
  // 完成基础教育优化布局总任务的70% in the plans of 2026: a share of a goal to be met, not one met.
  // A time of the figure's own already reviewed still makes it a result (below).
  // 农村经济总收入预计达12387万元,…,固定资产投资达3523万元: a forecast of another item's.
  const bool forecast_of_another_item =
      stated && *stated == FigureStatus::kExpected &&
      ForecastsOwnItemOnly(text_, sentence_begin, words_.LastExpectedIn(sentence_begin, end),
                           status_clause_begin, begin);
  if ((met && plans) || forecast_of_another_item) stated.reset();
  // A figure with a time of its own other than the list's (2020年29293元) is not the list's.
  if (!stated && list_status_ &&
      (!own_time || (list_time_ && mention->period == list_time_->period))) {
    stated = *list_status_;
  }
  if (stated) {
    context.status = *stated;
    // 预计 of a year still to come is a forecast, not a preliminary result (预计2022年1月建成投产后
    // …). Not a 预计 nearer the figure than that year: `2020年,预计全镇全年实现生产总值…` in a copy
    // that swapped its years states the year's preliminary result.
    if (context.status == FigureStatus::kExpected && mention && years.reviewed != 0 &&
        mention->period.first > years.reviewed) {
      const size_t expected_at = words_.LastExpectedIn(sentence_begin, end);
      // Nor a 预计 of the sentence's verb, with words between it and the year
      // (农民人均纯收入预计增长12%左右,由…提高到2020年的16403元): it foresees the figure, not the
      // year; a 预计 of the year comes right before it (预计2022年, 预计于2022年).
      constexpr size_t kYearAfterExpected = std::string_view("预计于").size();
      if (expected_at == std::string_view::npos ||
          (expected_at < mention->begin && mention->begin - expected_at <= kYearAfterExpected)) {
        context.status = FigureStatus::kPlan;
      }
    }
    // 预计…可达23.92亿元(2020年22.15亿元): a past year's value in brackets, the base the
    // preliminary figure is compared with, is known, not preliminary.
    if (context.status == FigureStatus::kExpected && own_time &&
        OpensBracket(text_, mention->begin) &&
        (years.reviewed == 0 || mention->period.last < years.reviewed)) {
      context.status = FigureStatus::kResult;
    }
  } else if (mention && years.reviewed != 0 && mention->period.first > years.reviewed) {
    context.status = FigureStatus::kPlan;
  } else if (mention && years.reviewed != 0 && mention->period.last <= years.reviewed) {
    context.status = FigureStatus::kResult;
  } else if (plans && pair == PairRole::kFrom && !own_time && years.reviewed != 0 &&
             context.period.known() && context.period.last <= years.reviewed) {
    // 从77%提高到80%以上 in a plan: where the plan starts from is a level already reached.
    context.status = FigureStatus::kResult;
  } else {
    context.status = plans ? FigureStatus::kPlan : FigureStatus::kResult;
  }
  // 计划…由2020年的14646元提高到…, 预计…从77%提高到80%: where a change starts from is a level
  // already reached when the sentence is written, whatever the sentence plans or foresees.
  if (pair == PairRole::kFrom &&
      (context.status == FigureStatus::kPlan || context.status == FigureStatus::kExpected)) {
    context.status = FigureStatus::kResult;
  }
  // 102年度总预算,岁入6千4百54万元: a line of a budget under review is what it plans.
  if (context.status == FigureStatus::kResult) {
    if (BudgetReview() && IsBudgetLine(text_, clause_begin, begin, end)) {
      context.status = FigureStatus::kPlan;
    }
  }
  // A result stated in a plans section without a year (目前已完成…) is as of the reviewed year,
  // not of the year planned.
  if (!mention && !section.period.known() && plans && years.reviewed != 0 &&
      context.status == FigureStatus::kResult) {
    context.period = {years.reviewed, years.reviewed};
  }
  return context;
}

FigureContext ContextOf(std::string_view text, const SectionContext& section, size_t begin,
                        size_t end) {
  ContextReader reader(text);
  return reader.Read(section, begin, end);
}

FigureContext ContextOf(const Document& document, size_t begin, size_t end) {
  return ContextOf(document.normalized(),
                   SectionContextAt(document, begin, YearsOf(document.info())), begin, end);
}

}  // namespace glean::figures
