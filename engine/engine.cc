#include "glean/engine.h"

#include <algorithm>
#include <utility>

#include "engine/document_impl.h"
#include "engine/match/matcher.h"
#include "engine/normalize/normalizer.h"
#include "engine/resolve/resolver.h"
#include "engine/rules/compiled_rule_set.h"

namespace glean {

namespace internal {

struct EnginePipeline {
  std::unique_ptr<Matcher> matcher;  // documents use the rule set's own compiled normalizer
};

namespace {

constexpr char kDocumentRule[] = "builtin.document";

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
  if (info.year) {
    Field year;
    year.name = "year";
    year.value = Decimal::FromInt(*info.year);
    year.raw = std::to_string(*info.year);
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
  return fact;
}

int DocumentYear(const DocumentInfo& info) {
  if (info.year) return *info.year;
  if (info.date && info.date->size() >= 4) return std::atoi(info.date->substr(0, 4).c_str());
  return 0;
}

}  // namespace

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

Result<std::vector<Fact>> Engine::Extract(std::string name, std::string bytes) const {
  Result<Document> document = internal::LoadDocument(
      std::move(name), std::move(bytes), *rules_.compiled().normalizer, options_.encoding);
  if (!document.ok()) return Result<std::vector<Fact>>::Failure(std::move(document.diagnostics()));
  return Result<std::vector<Fact>>(Extract(document.value()), std::move(document.diagnostics()));
}

std::vector<Fact> Engine::Extract(const Document& document) const {
  const internal::CompiledRuleSet& rules = rules_.compiled();
  const ValueContext context{internal::DocumentYear(document.info())};
  std::vector<internal::ResolvedMatch> matches =
      internal::Resolve(rules, document, pipeline_->matcher->Find(document.normalized()), context);

  std::vector<Fact> facts;
  facts.reserve(matches.size() + 1);
  if (options_.document_fact) {
    if (std::optional<Fact> fact = internal::DocumentFact(document)) facts.push_back(*fact);
  }
  Document::Cursor cursor;  // matches come in document order
  for (internal::ResolvedMatch& match : matches) {
    const internal::CompiledRule& rule = rules.rules[match.rule];
    Fact fact;
    fact.doc = document.name();
    fact.rule = rule.id;
    fact.fact = rule.fact;
    const SourceSpan span = document.ToSource(match.span.begin, match.span.end, &cursor);
    fact.text = std::string(document.OriginalText(match.span.begin, match.span.end));
    fact.start = span.start;
    fact.end = span.end;
    fact.line = span.line;
    fact.column = span.column;
    for (size_t i = 0; i < match.fields.size(); ++i) {
      const internal::Span field_span = match.field_spans[i];
      match.fields[i].raw = std::string(document.OriginalText(field_span.begin, field_span.end));
    }
    fact.fields = std::move(match.fields);
    for (const Heading* heading : document.SectionAt(match.span.begin)) {
      fact.section.push_back(heading->text);
    }
    if (options_.sentence) {
      auto [begin, end] = document.SentenceAt(match.span.begin, match.span.end);
      fact.sentence = std::string(document.OriginalText(begin, end));
    }
    facts.push_back(std::move(fact));
  }
  // Resolve returns document order; the document fact and ties by end keep a stable order.
  std::stable_sort(facts.begin(), facts.end(), [](const Fact& a, const Fact& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.end < b.end;
  });
  return facts;
}

}  // namespace glean
