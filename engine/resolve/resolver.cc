#include "engine/resolve/resolver.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <unordered_map>

namespace glean::internal {

namespace {

re2::StringPiece Piece(std::string_view text) { return re2::StringPiece(text.data(), text.size()); }

bool InScope(const CompiledRule& rule, const Document& document, const Candidate& candidate) {
  if (rule.unless != nullptr) {
    auto [begin, end] = document.SentenceAt(candidate.span.begin, candidate.span.end);
    if (RE2::PartialMatch(Piece(document.normalized().substr(begin, end - begin)), *rule.unless)) {
      return false;
    }
  }
  if (rule.within == nullptr && rule.not_within == nullptr) return true;
  bool within = rule.within == nullptr;
  for (const Heading* heading : document.SectionAt(candidate.span.begin)) {
    if (rule.not_within != nullptr && RE2::PartialMatch(heading->text, *rule.not_within)) {
      return false;
    }
    if (rule.within != nullptr && RE2::PartialMatch(heading->text, *rule.within)) within = true;
  }
  return within;
}

// Fills `match` with typed fields; false when a field is not a value of its type or unit.
bool ParseFields(const CompiledRule& rule, std::string_view text, const Candidate& candidate,
                 const ValueContext& context, ResolvedMatch* match) {
  for (size_t i = 0; i < rule.fields.size(); ++i) {
    const FieldSpec& spec = rule.fields[i];
    const Span capture = candidate.captures[i];
    // An optional group that did not take part, or an optional text that is empty, gives no field.
    if (capture.begin == std::string_view::npos) continue;
    if (capture.begin == capture.end && spec.type == SlotType::kText) continue;
    std::string_view value_text = text.substr(capture.begin, capture.end - capture.begin);
    std::string_view following = text.substr(capture.end, candidate.span.end - capture.end);
    std::optional<Field> field = ParseValue(spec.type, value_text, context, following);
    if (!field) return false;
    if (!spec.units.empty() &&
        std::find(spec.units.begin(), spec.units.end(), field->unit) == spec.units.end()) {
      return false;
    }
    field->name = spec.name;
    match->fields.push_back(std::move(*field));
    match->field_spans.push_back(capture);
  }
  return true;
}

}  // namespace

std::vector<ResolvedMatch> Resolve(const CompiledRuleSet& rules, const Document& document,
                                   std::vector<Candidate> candidates, const ValueContext& context) {
  std::vector<ResolvedMatch> standing;
  for (const Candidate& candidate : candidates) {
    const CompiledRule& rule = rules.rules[candidate.rule];
    if (!InScope(rule, document, candidate)) continue;
    ResolvedMatch match;
    match.rule = candidate.rule;
    match.span = candidate.span;
    if (!ParseFields(rule, document.normalized(), candidate, context, &match)) continue;
    standing.push_back(std::move(match));
  }

  std::vector<size_t> order(standing.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const ResolvedMatch& x = standing[a];
    const ResolvedMatch& y = standing[b];
    const int px = rules.rules[x.rule].priority, py = rules.rules[y.rule].priority;
    if (px != py) return px > py;
    const size_t lx = x.span.end - x.span.begin, ly = y.span.end - y.span.begin;
    if (lx != ly) return lx > ly;
    if (x.span.begin != y.span.begin) return x.span.begin < y.span.begin;
    return x.rule < y.rule;
  });
  // Accepted spans per fact type, keyed by begin; accepted spans never overlap each other.
  std::unordered_map<std::string_view, std::map<size_t, size_t>> accepted;
  std::vector<bool> keep(standing.size(), false);
  for (size_t index : order) {
    const ResolvedMatch& match = standing[index];
    std::map<size_t, size_t>& spans = accepted[rules.rules[match.rule].fact];
    auto next = spans.lower_bound(match.span.begin);
    if (next != spans.end() && next->first < match.span.end) continue;
    if (next != spans.begin() && std::prev(next)->second > match.span.begin) continue;
    spans.emplace(match.span.begin, match.span.end);
    keep[index] = true;
  }
  std::vector<ResolvedMatch> resolved;
  for (size_t i = 0; i < standing.size(); ++i) {
    if (keep[i]) resolved.push_back(std::move(standing[i]));
  }
  return resolved;
}

}  // namespace glean::internal
