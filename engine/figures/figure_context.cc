#include "engine/figures/figure_context.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "engine/figures/text_at.h"
#include "engine/source/utf8.h"

namespace glean::figures {

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

}  // namespace

SectionContext SectionContextAt(const Document& document, size_t offset, const ReportYears& years,
                                std::vector<HeadingNote>* notes) {
  SectionContext section;
  section.years = years;
  const std::vector<const Heading*> path = document.SectionAt(offset);
  if (notes != nullptr && notes->size() != document.headings().size()) {
    notes->assign(document.headings().size(), HeadingNote{});
  }
  bool kind_found = false;
  for (size_t i = path.size(); i-- > 0 && !(kind_found && section.period.known());) {
    HeadingNote own;
    HeadingNote* note = &own;
    if (notes != nullptr)
      note = &(*notes)[static_cast<size_t>(path[i] - document.headings().data())];
    if (!note->read) {
      const std::string_view heading = path[i]->text;
      if (std::optional<TimeMention> mention =
              FirstTimeMention(heading, 0, heading.size(), section.years)) {
        note->period = mention->period;
      }
      note->kind = KindOfHeading(heading);
      note->read = true;
    }
    if (!section.period.known()) section.period = note->period;
    if (!kind_found && note->kind != SectionKind::kNone) {
      section.plans = note->kind == SectionKind::kPlans;
      kind_found = true;
    }
  }
  section.period_plans = section.period.known() && section.years.reviewed != 0 &&
                         section.period.first > section.years.reviewed;
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
  size_t sentence_begin = floor;
  for (size_t at = begin; at > floor;) {
    --at;
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte == '\n' || byte == '!' || byte == '?' || byte == ';') {
      sentence_begin = at + 1;
      break;
    }
    if (byte >= 0x80 && byte < 0xC0 && at >= floor + 2) {
      size_t length = 0;
      if ((byte == 0x82 || byte == 0x81 || byte == 0x9F || byte == 0x9B) &&
          EndAt(text, at - 2, &length) == End::kSentence) {
        sentence_begin = at + 1;
        break;
      }
    }
  }
  // On to its end: the first sentence end from `begin`, or past `end` for a range that crosses
  // one (such a range's sentence is not kept for the next). One pass finds the clause ends, the
  // time mentions and the status words: most characters are none, and are passed over after a
  // byte test and a filter lookup.
  const size_t ceiling = std::min(text.size(), std::max(begin, end) + kReach);
  size_t sentence_end = ceiling;
  bool crosses = false;
  clause_marks_.clear();
  mentions_.Clear();
  words_.Clear();
  int title_depth = 0;
  size_t clause = sentence_begin;
  size_t mention_from = sentence_begin;  // where the next mention may start
  size_t word_from = sentence_begin;     // where the next status word may start
  for (size_t at = sentence_begin; at < ceiling;) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const size_t length = source::Utf8LengthOfLead(lead);
    if (lead < 0x80 || lead == 0xE3 || lead == 0xEF) {
      size_t mark_length = 0;
      const End mark = EndAt(text, at, &mark_length);
      if (mark != End::kNone) {
        clause_marks_.emplace_back(at, mark_length);
        if (mark == End::kSentence && at >= begin) {
          if (at >= end) {
            sentence_end = at;
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
  expected_list_ = false;
  list_time_.reset();
  if (std::optional<std::pair<size_t, size_t>> head = ExpectedListHead(text, sentence_begin)) {
    expected_list_ = true;
    list_time_ = FirstTimeMention(text, head->first, head->second, years);
  }
  years_ = years;
  sentence_begin_ = sentence_begin;
  sentence_end_ = sentence_end;
  reusable_ = !crosses;
}

FigureContext ContextReader::Read(const SectionContext& section, size_t begin, size_t end) {
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

  // Period: the figure's clause (up to the end of the range: a rule's match may hold its year),
  // then the clause after it, then the sentence before, then the time its paragraph opens with.
  // A figure of a from-to pair has only its own words (从2020年的…) and the wider scopes.
  size_t own_from = clause_begin;
  const PairRole pair = PairRoleOf(text_, clause_begin, begin, end, clause_end, &own_from);
  std::optional<TimeMention> mention = mentions_.LastIn(own_from, end);
  const bool own_time = mention.has_value();
  if (!mention && pair == PairRole::kNone) {
    mention = mentions_.FirstIn(end, clause_end);
    // 30758元(2020年29293元): a time in brackets after a figure dates the figure it brackets.
    if (mention &&
        (EndsWithAt(text_, mention->begin, "(") || EndsWithAt(text_, mention->begin, "（"))) {
      mention.reset();
    }
  }
  if (!mention) {
    mention = mentions_.LastIn(sentence_begin, clause_begin);
    while (mention && BindsNextFigure(text_, *mention)) {
      mention = mentions_.LastIn(sentence_begin, mention->begin);
    }
  }
  // An item of a list headed by 预计2011年… is of the head's time.
  if (!mention && expected_list_) mention = list_time_;
  if (!mention) mention = ParagraphTime(text_, sentence_begin, years);

  const bool plans = section.plans || section.period_plans;
  FigureContext context;
  if (mention) {
    context.period = mention->period;
  } else if (section.period.known()) {
    context.period = section.period;
  } else if (years.reviewed != 0) {
    const int year = plans ? years.reviewed + 1 : years.reviewed;
    context.period = {year, year};
  }
  if (!own_time) context.period = PairPeriod(pair, context.period);

  std::optional<FigureStatus> stated =
      words_.StatusAt(sentence_begin, clause_begin, begin, end, clause_end);
  // A figure with a time of its own other than the list's (2020年29293元) is not the list's.
  if (!stated && expected_list_ &&
      (!own_time || (list_time_ && mention->period == list_time_->period))) {
    stated = FigureStatus::kExpected;
  }
  if (stated) {
    context.status = *stated;
    // 预计 of a year still to come is a forecast, not a preliminary result.
    if (context.status == FigureStatus::kExpected && mention && years.reviewed != 0 &&
        mention->period.first > years.reviewed) {
      context.status = FigureStatus::kPlan;
    }
  } else if (mention && years.reviewed != 0 && mention->period.first > years.reviewed) {
    context.status = FigureStatus::kPlan;
  } else if (mention && years.reviewed != 0 && mention->period.last <= years.reviewed) {
    context.status = FigureStatus::kResult;
  } else {
    context.status = plans ? FigureStatus::kPlan : FigureStatus::kResult;
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
