#include "glean/engine.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <variant>

#include "engine/document_impl.h"
#include "engine/figures/figure_context.h"
#include "engine/figures/figures.h"
#include "engine/match/matcher.h"
#include "engine/match/near_miss.h"
#include "engine/normalize/normalizer.h"
#include "engine/resolve/figure_rules.h"
#include "engine/resolve/resolver.h"
#include "engine/rules/compiled_rule_set.h"
#include "engine/structure/report_header.h"
#include "glean/trace.h"

namespace glean {

namespace internal {

struct EnginePipeline {
  std::unique_ptr<Matcher> matcher;  // documents use the rule set's own compiled normalizer
};

namespace {

constexpr char kDocumentRule[] = "builtin.document";
constexpr char kFigureRule[] = "builtin.figure";

// A metadata field: its value normalized (as rules see it), its raw text the original.
Field TextField(const Document& document, std::string name, std::string value,
                std::pair<size_t, size_t> span) {
  Field field;
  field.name = std::move(name);
  field.raw = std::string(document.OriginalText(span.first, span.second));
  field.value = std::move(value);
  return field;
}

// The report's own metadata as a fact, when it states any.
std::optional<Fact> DocumentFact(const Document& document) {
  const DocumentInfo& info = document.info();
  Fact fact;
  if (info.title) fact.fields.push_back(TextField(document, "title", *info.title, info.title_span));
  if (info.issuer) {
    fact.fields.push_back(TextField(document, "issuer", *info.issuer, info.issuer_span));
  }
  if (info.date) fact.fields.push_back(TextField(document, "date", *info.date, info.date_span));
  // Neither year is read from one place of the text: each is worked out from the header.
  for (const auto& [name, value] :
       {std::pair{"year", info.year}, {"report_year", info.report_year}}) {
    if (!value) continue;
    Field year;
    year.name = name;
    year.value = Decimal::FromInt(*value);
    year.raw = std::to_string(*value);
    fact.fields.push_back(std::move(year));
  }
  if (fact.fields.empty()) return std::nullopt;
  fact.doc = document.name();
  fact.rule = kDocumentRule;
  fact.fact = "document";
  const SourceSpan span = document.ToSource(info.begin, info.end);
  fact.text = std::string(document.OriginalText(info.begin, info.end));
  fact.start = span.start;
  fact.end = span.end;
  fact.line = span.line;
  fact.column = span.column;
  // The document's own period is the one it reviews.
  if (const int reviewed = figures::YearsOf(info).reviewed; reviewed != 0) {
    fact.period = {reviewed, reviewed};
  }
  return fact;
}

// In a report written in New Taiwan dollars (EmitFacts says which) the values stage's
// 元, canonical in renminbi, is the Taiwan dollar: the amount is kept, only its currency is
// named, as no exchange rate is known for the report's year.
void InTaiwanDollars(Fact* fact) {
  for (Field& field : fact->fields) {
    if (field.canonical && field.canonical->unit == "CNY") field.canonical->unit = "TWD";
  }
}

}  // namespace

// Tells `observer` of each place a rule's literal occurs without a candidate of the rule.
void ReportNearMisses(const CompiledRuleSet& rules, const Document& document,
                      const Candidates& candidates, MatchObserver* observer) {
  for (const NearMiss& miss : NearMisses(rules, document.normalized(), candidates)) {
    CandidateTrace trace;
    trace.document = &document;
    trace.rule = rules.rules[static_cast<size_t>(miss.rule)].id;
    trace.begin = miss.literal.begin;
    trace.end = miss.literal.end;
    trace.reason = DropReason::kNoMatch;
    observer->OnCandidate(trace);
  }
}

// A figure as a fact of `rule` (a figure rule, or builtin.figure for one no rule claimed): its
// label, value and changes as fields, its period and status.
void FigureFact(const Figure& figure, std::string_view rule, std::string_view fact_type,
                const Placement& placement, const SourceSpan& span, Fact* fact) {
  fact->rule.assign(rule);
  fact->fact.assign(fact_type);
  fact->text.assign(figure.text);
  fact->start = placement.offset + span.start;
  fact->end = placement.offset + span.end;
  fact->line = placement.lines + span.line;
  fact->column = span.column;
  fact->fields.resize(2 + figure.changes.size());
  Field& label = fact->fields[0];
  label = Field();
  label.name = "label";
  label.value = figure.label;
  label.raw = figure.label;
  fact->fields[1] = figure.value;
  for (size_t i = 0; i < figure.changes.size(); ++i) {
    fact->fields[2 + i] = figure.changes[i].value;
    fact->fields[2 + i].name = i == 0 ? "change" : "change" + std::to_string(i + 1);
  }
  fact->period = figure.period;
  fact->status = figure.status;
  fact->excepted = FigureExcept::kNone;  // a rule that names a figure wants it
}

}  // namespace internal

Engine::Engine(RuleSet rules, ExtractOptions options,
               std::unique_ptr<internal::EnginePipeline> pipeline)
    : rules_(std::move(rules)), options_(options), pipeline_(std::move(pipeline)) {}

Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
Engine::~Engine() = default;

Result<Engine> Engine::Create(RuleSet rules, ExtractOptions options) {
  Result<std::unique_ptr<internal::Matcher>> matcher = internal::Matcher::Create(rules.compiled());
  if (!matcher.ok()) return Result<Engine>::Failure(std::move(matcher.diagnostics()));
  auto pipeline = std::unique_ptr<internal::EnginePipeline>(
      new internal::EnginePipeline{std::move(matcher).value()});
  return Result<Engine>(Engine(std::move(rules), options, std::move(pipeline)));
}

Result<Document> Engine::Load(std::string name, std::string bytes) const {
  return internal::LoadDocument(std::move(name), std::move(bytes), *rules_.compiled().normalizer,
                                options_.encoding);
}

Result<std::vector<Fact>> Engine::Extract(std::string name, std::string bytes) const {
  Result<Document> document = Load(std::move(name), std::move(bytes));
  if (!document.ok()) return Result<std::vector<Fact>>::Failure(std::move(document.diagnostics()));
  return Result<std::vector<Fact>>(Extract(document.value()), std::move(document.diagnostics()));
}

std::vector<Fact> Engine::Extract(const Document& document) const {
  std::vector<Fact> facts;
  ForEachFact(document, [&](const Fact& fact) { facts.push_back(fact); });
  return facts;
}

void Engine::ForEachFact(const Document& document,
                         const std::function<void(const Fact&)>& visit) const {
  EmitFacts(document, internal::Placement{}, visit);
}

void Engine::EmitFacts(const Document& document, const internal::Placement& placement,
                       const std::function<void(const Fact&)>& visit) const {
  const internal::CompiledRuleSet& rules = rules_.compiled();
  const ValueContext context{
      placement.year ? *placement.year : internal::ReportYear(document.info()),
      rules.declared_units.empty() ? nullptr : &rules.declared_units};
  const internal::Candidates candidates = pipeline_->matcher->Find(document.normalized());
  MatchObserver* const observer = options_.observer;
  // A pattern match Resolve keeps may still lose to a figure fact: its trace waits for that.
  std::optional<internal::HeldBackKept> held_back;
  if (observer != nullptr && !rules.figure_rules.empty()) held_back.emplace(observer);
  internal::ResolvedMatches matches =
      internal::Resolve(rules, document, candidates, context, held_back ? &*held_back : observer,
                        options_.overlaps_across_rules);
  // The figures, complete, when each may become a fact (`figures`) or is traced, or when the
  // document holds them already; otherwise found here, with the period and status worked out only
  // for those a rule names or asks the status of (under half of them in the stock rules' runs).
  internal::FigureCache& figure_cache = *internal::DocumentAccess::Impl(document).figures;
  const std::vector<Figure>* figures = nullptr;
  std::vector<Figure> figures_found_here;
  figures::SentenceReadings sentences_read_here;
  figures::SectionNotes headings_read_here;
  std::optional<figures::DeferredContexts> deferred;
  std::function<void(size_t)> complete;
  if (options_.figures || observer != nullptr ||
      figure_cache.found.load(std::memory_order_acquire)) {
    figures = &FiguresOf(document);
  } else if (!rules.figure_rules.empty()) {
    deferred.emplace(document, &sentences_read_here, &headings_read_here);
    figures_found_here = figures::FindDeferred(document, &*deferred);
    figures = &figures_found_here;
    complete = [&](size_t f) { deferred->Complete(f, &figures_found_here); };
  }
  std::vector<internal::FigureMatch> figure_matches;
  if (!rules.figure_rules.empty()) {
    figure_matches = internal::MatchFigureRules(rules, document, *figures, observer, complete);
    // Facts of either form that cover the same text resolve by one policy.
    std::vector<internal::OverlapLoss> losses;
    internal::ResolveFigureOverlaps(rules, *figures, &matches, &figure_matches,
                                    options_.overlaps_across_rules,
                                    observer != nullptr ? &losses : nullptr);
    // In document order, as the rule facts' after them read their sentences.
    if (complete) {
      for (const internal::FigureMatch& match : figure_matches) complete(match.figure);
    }
    if (observer != nullptr) {
      internal::ReportFigureOutcomes(rules, document, *figures, figure_matches, held_back->kept(),
                                     losses, observer);
    }
  }
  if (observer != nullptr) internal::ReportNearMisses(rules, document, candidates, observer);

  // Source spans first (in document order, as the cursor wants), then the order facts go out in:
  // by start, then end; the document fact, numbered -1, before a match fact it ties with.
  std::vector<SourceSpan> spans(matches.list.size());
  Document::Cursor cursor;
  for (size_t i = 0; i < spans.size(); ++i) {
    spans[i] = document.ToSource(matches.list[i].span.begin, matches.list[i].span.end, &cursor);
  }
  std::optional<Fact> document_fact;
  if (options_.document_fact && placement.document_fact) {
    document_fact = internal::DocumentFact(document);
  }
  // Figure rules' facts, numbered after the matches; then the figures no rule fact claimed
  // (overlaps), so nothing is lost.
  const size_t match_count = spans.size();
  std::vector<bool> named;  // by figure: a figure rule gave a fact of it
  if (!rules.figure_rules.empty()) {
    named.assign(figures->size(), false);
    for (const internal::FigureMatch& match : figure_matches) {
      spans.push_back((*figures)[match.figure].source);
      named[match.figure] = true;
    }
  }
  const size_t named_end = spans.size();
  std::vector<const Figure*> unclaimed;
  if (options_.figures) {
    std::vector<std::pair<size_t, size_t>> claimed;  // match spans by begin, ends running max
    claimed.reserve(match_count);
    for (const internal::ResolvedMatch& match : matches.list) {
      claimed.emplace_back(match.span.begin, match.span.end);
    }
    std::sort(claimed.begin(), claimed.end());
    for (size_t i = 1; i < claimed.size(); ++i) {
      claimed[i].second = std::max(claimed[i].second, claimed[i - 1].second);
    }
    for (const Figure& figure : *figures) {
      if (!named.empty() && named[static_cast<size_t>(&figure - figures->data())]) continue;
      // The last match that begins before the figure ends reaches furthest of all such.
      auto after = std::lower_bound(claimed.begin(), claimed.end(),
                                    std::pair<size_t, size_t>(figure.end, 0));
      if (after != claimed.begin() && std::prev(after)->second > figure.begin) continue;
      unclaimed.push_back(&figure);
      spans.push_back(figure.source);
    }
  }
  std::vector<long> order;
  order.reserve(spans.size() + 1);
  if (document_fact) order.push_back(-1);
  for (size_t i = 0; i < spans.size(); ++i) order.push_back(static_cast<long>(i));
  const auto start_end = [&](long index) {
    if (index < 0) return std::pair<uint64_t, uint64_t>(document_fact->start, document_fact->end);
    return std::pair<uint64_t, uint64_t>(spans[index].start, spans[index].end);
  };
  const auto by_place = [&](long a, long b) { return start_end(a) < start_end(b); };
  // Source order is normalized order but where normalization moved text (rarely).
  if (!std::is_sorted(order.begin(), order.end(), by_place)) {
    std::stable_sort(order.begin(), order.end(), by_place);
  }

  const structure::DocumentStructure& structure =
      internal::DocumentAccess::Impl(document).structure;
  // Whether a bare 元 is a New Taiwan dollar: the text names 新台币 (or is dated by the years of
  // the Republic) and never 人民币, as the reports of Taiwan's counties and townships (Kinmen,
  // Lienchiang) do. One look through the text per document. Caveat: a part of a text read in parts
  // is judged on its own.
  const structure::NamedCurrencies currencies = structure::CurrenciesNamed(document.normalized());
  const bool taiwan_dollars = currencies.new_taiwan_dollar && !currencies.renminbi;
  Fact fact;
  fact.doc = document.name();
  int section = -2;  // the innermost heading `fact.section` was made for
  // What the headings say of time and status, for the period and status of rule facts (a figure
  // has its own): made only when a rule fact asks, so a run of figures in sections with no rule
  // fact reads none of their headings.
  figures::SectionContext figure_section;
  int context_section = -2;  // the innermost heading `figure_section` was made for
  // The sentences the figures stage read are taken from it, not read again.
  figures::ContextReader figure_reader(document.normalized(), deferred ? &sentences_read_here
                                                              : figures != nullptr
                                                                  ? &figure_cache.sentences
                                                                  : nullptr);
  const figures::ReportYears years =
      placement.figure_years ? *placement.figure_years : figures::YearsOf(document.info());
  // What the headings say, as the figures stage read it against the same years.
  figures::SectionNotes heading_notes;
  if (figures != nullptr) {
    const internal::DocumentImpl& impl = internal::DocumentAccess::Impl(document);
    const figures::ReportYears figure_years =
        impl.years.value_or(figures::YearsOf(document.info()));
    if (figure_years.reviewed == years.reviewed && figure_years.present == years.present) {
      heading_notes = deferred ? headings_read_here : impl.figures->sections;
    }
  }
  for (long index : order) {
    if (index < 0) {
      visit(*document_fact);
      continue;
    }
    if (static_cast<size_t>(index) >= match_count) {
      const size_t at = static_cast<size_t>(index);
      const internal::FigureMatch* named_by =
          at < named_end ? &figure_matches[at - match_count] : nullptr;
      const Figure& figure =
          named_by != nullptr ? (*figures)[named_by->figure] : *unclaimed[at - named_end];
      const SourceSpan& span = spans[static_cast<size_t>(index)];
      if (const int innermost = structure.InnermostAt(figure.begin); innermost != section) {
        const std::vector<const Heading*> path = document.SectionAt(figure.begin);
        fact.section.resize(path.size());
        for (size_t i = 0; i < path.size(); ++i) fact.section[i].assign(path[i]->text);
        section = innermost;
      }
      if (named_by != nullptr) {
        const internal::FigureRule& rule = rules.figure_rules[static_cast<size_t>(named_by->rule)];
        internal::FigureFact(figure, rule.id, rule.fact, placement, span, &fact);
      } else {
        internal::FigureFact(figure, internal::kFigureRule, "figure", placement, span, &fact);
        fact.excepted = figure.excepted;
      }
      if (taiwan_dollars) internal::InTaiwanDollars(&fact);
      if (options_.sentence) {
        auto [begin, end] = document.SentenceAt(figure.begin, figure.end);
        fact.sentence.assign(document.OriginalText(begin, end));
      }
      visit(fact);
      continue;
    }
    const internal::ResolvedMatch& match = matches.list[static_cast<size_t>(index)];
    const internal::CompiledRule& rule = rules.rules[match.rule];
    const SourceSpan& span = spans[static_cast<size_t>(index)];
    fact.rule.assign(rule.id);
    fact.fact.assign(rule.fact);
    fact.text.assign(document.OriginalText(match.span.begin, match.span.end));
    fact.start = placement.offset + span.start;
    fact.end = placement.offset + span.end;
    fact.line = placement.lines + span.line;
    fact.column = span.column;
    fact.fields.resize(match.field_count);
    for (size_t i = 0; i < match.field_count; ++i) {
      Field& field = fact.fields[i];
      field = std::move(matches.fields[match.first_field + i]);  // each is emitted once
      const internal::Span field_span = matches.field_spans[match.first_field + i];
      field.raw.assign(document.OriginalText(field_span.begin, field_span.end));
    }
    if (const int innermost = structure.InnermostAt(match.span.begin); innermost != section) {
      const std::vector<const Heading*> path = document.SectionAt(match.span.begin);
      fact.section.resize(path.size());
      for (size_t i = 0; i < path.size(); ++i) fact.section[i].assign(path[i]->text);
      section = innermost;
    }
    if (context_section != section) {
      figure_section = figures::SectionContextAt(document, match.span.begin, years, &heading_notes);
      context_section = section;
    }
    // Where the match's first quantity begins (医保参保率超98%: at 98), for the words before it.
    size_t figure_begin = std::string_view::npos;
    for (size_t i = 0; i < match.field_count && figure_begin == std::string_view::npos; ++i) {
      const Field& field = fact.fields[i];
      if (!std::holds_alternative<Decimal>(field.value) || field.unit.empty() ||
          field.unit == "年") {
        continue;
      }
      const internal::Span field_span = matches.field_spans[match.first_field + i];
      for (size_t at = field_span.begin; at < field_span.end; ++at) {
        if (document.normalized()[at] >= '0' && document.normalized()[at] <= '9') {
          figure_begin = at;
          break;
        }
      }
    }
    const figures::FigureContext figure =
        figure_reader.Read(figure_section, match.span.begin, match.span.end, figure_begin);
    fact.period = figure.period;
    fact.status = figure.status;
    fact.excepted = FigureExcept::kNone;
    if (taiwan_dollars) internal::InTaiwanDollars(&fact);
    if (options_.sentence) {
      auto [begin, end] = document.SentenceAt(match.span.begin, match.span.end);
      fact.sentence.assign(document.OriginalText(begin, end));
    }
    visit(fact);
  }
}

}  // namespace glean
