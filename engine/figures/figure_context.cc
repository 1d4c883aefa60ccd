#include "engine/figures/figure_context.h"

#include <vector>

namespace glean::figures {

namespace {

// How far from a figure its clause and sentence are looked for: report sentences run to a few
// hundred characters; a longer one is cut here rather than read to its start for every figure.
constexpr size_t kReach = 4096;

bool StartsWithAt(std::string_view text, size_t at, std::string_view word) {
  return at <= text.size() && text.substr(at, word.size()) == word;
}

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

TextScope TextScopeOf(std::string_view text, size_t begin, size_t end) {
  TextScope scope;
  begin = std::min(begin, text.size());
  end = std::min(std::max(begin, end), text.size());
  const size_t floor = begin > kReach ? begin - kReach : 0;
  scope.clause_begin = floor;
  scope.sentence_begin = floor;
  bool clause_found = false;
  for (size_t at = begin; at > floor;) {
    --at;
    const unsigned char byte = static_cast<unsigned char>(text[at]);
    if (byte >= 0x80 && byte < 0xC0) continue;  // inside a character
    size_t length = 0;
    const End mark = EndAt(text, at, &length);
    if (mark == End::kNone) continue;
    if (!clause_found) {
      scope.clause_begin = at + length;
      clause_found = true;
    }
    if (mark == End::kSentence) {
      scope.sentence_begin = at + length;
      break;
    }
  }
  if (scope.clause_begin < floor) scope.clause_begin = floor;
  const size_t ceiling = std::min(text.size(), end + kReach);
  scope.clause_end = ceiling;
  for (size_t at = end; at < ceiling; ++at) {
    size_t length = 0;
    if (EndAt(text, at, &length) != End::kNone) {
      scope.clause_end = at;
      break;
    }
  }
  return scope;
}

SectionContext SectionContextAt(const Document& document, size_t offset, const ReportYears& years) {
  SectionContext section;
  section.years = years;
  const std::vector<const Heading*> path = document.SectionAt(offset);
  bool kind_found = false;
  for (size_t i = path.size(); i-- > 0;) {
    const std::string_view heading = path[i]->text;
    if (!section.period.known()) {
      if (std::optional<TimeMention> mention =
              FirstTimeMention(heading, 0, heading.size(), section.years)) {
        section.period = mention->period;
      }
    }
    if (!kind_found) {
      const SectionKind kind = KindOfHeading(heading);
      if (kind != SectionKind::kNone) {
        section.plans = kind == SectionKind::kPlans;
        kind_found = true;
      }
    }
  }
  section.period_plans = section.period.known() && section.years.reviewed != 0 &&
                         section.period.first > section.years.reviewed;
  return section;
}

FigureContext ContextOf(std::string_view text, const SectionContext& section, size_t begin,
                        size_t end) {
  const ReportYears& years = section.years;
  const TextScope scope = TextScopeOf(text, begin, end);
  // Period: the figure's clause (up to the end of the range: a rule's match may hold its year),
  // then the clause after it, then the sentence before.
  std::optional<TimeMention> mention = LastTimeMention(text, scope.clause_begin, end, years);
  if (!mention) mention = FirstTimeMention(text, end, scope.clause_end, years);
  if (!mention) mention = LastTimeMention(text, scope.sentence_begin, scope.clause_begin, years);

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

  if (std::optional<FigureStatus> stated = StatusFromWords(
          text, scope.sentence_begin, scope.clause_begin, begin, end, scope.clause_end)) {
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

FigureContext ContextOf(const Document& document, size_t begin, size_t end) {
  return ContextOf(document.normalized(),
                   SectionContextAt(document, begin, YearsOf(document.info())), begin, end);
}

}  // namespace glean::figures
