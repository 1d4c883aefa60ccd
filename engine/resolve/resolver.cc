#include "engine/resolve/resolver.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "engine/resolve/where_filter.h"

namespace glean::internal {

namespace {

re2::StringPiece Piece(std::string_view text) { return re2::StringPiece(text.data(), text.size()); }

// The answers of the rules' filters (`unless` on a sentence, `within` and `not_within` on a
// heading), each asked once per document for each text it is asked about. Filters are compared
// by their pattern (the rule loader compiles them all alike): rules share them through defs
// (`{planned}`, `{plans_section}`), a report has a few dozen headings under thousands of matches,
// and a list (种植花椒2600余亩、黄桃1200余亩) puts several matches in one sentence.
class FilterAnswers {
 public:
  bool SentenceMatches(const RE2& filter, std::string_view text, size_t begin, size_t end) {
    return Answer(&sentences_, {filter.pattern(), begin, end}, filter,
                  text.substr(begin, end - begin));
  }
  bool HeadingMatches(const RE2& filter, const Heading& heading) {
    return Answer(&headings_, {filter.pattern(), &heading}, filter, heading.text);
  }

 private:
  template <typename Key>
  static bool Answer(std::map<Key, bool>* answers, const Key& key, const RE2& filter,
                     std::string_view text) {
    if (auto found = answers->find(key); found != answers->end()) return found->second;
    const bool matches = RE2::PartialMatch(Piece(text), filter);
    answers->emplace(key, matches);
    return matches;
  }

  // By the filter's pattern and the sentence's range, or the heading.
  std::map<std::tuple<std::string_view, size_t, size_t>, bool> sentences_;
  std::map<std::pair<std::string_view, const Heading*>, bool> headings_;
};

bool InScope(const CompiledRule& rule, const Document& document, const Candidate& candidate,
             FilterAnswers* answers) {
  if (rule.unless != nullptr) {
    auto [begin, end] = document.SentenceAt(candidate.span.begin, candidate.span.end);
    if (answers->SentenceMatches(*rule.unless, document.normalized(), begin, end)) return false;
  }
  if (rule.within == nullptr && rule.not_within == nullptr) return true;
  bool within = rule.within == nullptr;
  for (const Heading* heading : document.SectionAt(candidate.span.begin)) {
    if (rule.not_within != nullptr && answers->HeadingMatches(*rule.not_within, *heading)) {
      return false;
    }
    if (rule.within != nullptr && answers->HeadingMatches(*rule.within, *heading)) within = true;
  }
  return within;
}

// Appends the typed fields of `candidate` to `out`; false when a field is not a value of its
// type or unit (then `out` may hold some of them: the caller drops them).
bool ParseFields(const CompiledRule& rule, std::string_view text, const Candidate& candidate,
                 const Span* captures, const ValueContext& context, ResolvedMatches* out) {
  for (size_t i = 0; i < rule.fields.size(); ++i) {
    const FieldSpec& spec = rule.fields[i];
    const Span capture = captures[i];
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
    out->fields.push_back(std::move(*field));
    out->field_spans.push_back(capture);
  }
  return true;
}

}  // namespace

ResolvedMatches Resolve(const CompiledRuleSet& rules, const Document& document,
                        const Candidates& candidates, const ValueContext& context) {
  ResolvedMatches standing;
  FilterAnswers filter_answers;
  standing.list.reserve(candidates.list.size());
  standing.fields.reserve(candidates.captures.size());
  standing.field_spans.reserve(candidates.captures.size());
  for (const Candidate& candidate : candidates.list) {
    const CompiledRule& rule = rules.rules[candidate.rule];
    // Values first: a unit the rule does not take turns a match away for less than its sentence
    // and sections cost, which a report's first `unless` would split it into.
    const size_t first_field = standing.fields.size();
    if (!ParseFields(rule, document.normalized(), candidate, candidates.CapturesOf(candidate),
                     context, &standing) ||
        !MeetsWhere(rule, std::span(standing.fields).subspan(first_field)) ||
        !InScope(rule, document, candidate, &filter_answers)) {
      standing.fields.resize(first_field);
      standing.field_spans.resize(first_field);
      continue;
    }
    standing.list.push_back(
        {candidate.rule, candidate.span, first_field, standing.fields.size() - first_field});
  }

  // Overlaps matter only within a fact type, and most matches overlap none of their type: those
  // stand at once. The others form clusters (runs of matches of one type that overlap in a chain,
  // in document order); clusters never overlap each other, so each is resolved on its own.
  const size_t count = standing.list.size();
  const auto type_of = [&](size_t i) { return rules.rules[standing.list[i].rule].fact_type; };
  // By type, then document order: a sort over the matches, not a table over every fact type.
  std::vector<std::pair<int, size_t>> typed(count);
  for (size_t i = 0; i < count; ++i) typed[i] = {type_of(i), i};
  std::sort(typed.begin(), typed.end());
  std::vector<size_t> cluster_of(count);
  std::vector<bool> shared(count, false);  // by cluster: more than one match
  size_t reach = 0;
  for (size_t k = 0; k < count; ++k) {
    const auto [type, i] = typed[k];
    const Span span = standing.list[i].span;
    if (k > 0 && typed[k - 1].first == type && span.begin < reach) {
      cluster_of[i] = cluster_of[typed[k - 1].second];
      shared[cluster_of[i]] = true;
      reach = std::max(reach, span.end);
    } else {
      cluster_of[i] = i;
      reach = span.end;
    }
  }
  std::vector<bool> keep(count, false);
  std::vector<size_t> contested;
  for (size_t i = 0; i < count; ++i) {
    if (shared[cluster_of[i]]) {
      contested.push_back(i);
    } else {
      keep[i] = true;
    }
  }
  // Within a cluster: higher priority first, then the longer match, then the earlier one.
  std::stable_sort(contested.begin(), contested.end(), [&](size_t a, size_t b) {
    if (cluster_of[a] != cluster_of[b]) return cluster_of[a] < cluster_of[b];
    const ResolvedMatch& x = standing.list[a];
    const ResolvedMatch& y = standing.list[b];
    const int px = rules.rules[x.rule].priority, py = rules.rules[y.rule].priority;
    if (px != py) return px > py;
    const size_t lx = x.span.end - x.span.begin, ly = y.span.end - y.span.begin;
    if (lx != ly) return lx > ly;
    if (x.span.begin != y.span.begin) return x.span.begin < y.span.begin;
    return x.rule < y.rule;
  });
  std::map<size_t, size_t> accepted;  // the cluster's accepted spans by begin; never overlapping
  for (size_t k = 0; k < contested.size(); ++k) {
    const size_t index = contested[k];
    if (k == 0 || cluster_of[contested[k - 1]] != cluster_of[index]) accepted.clear();
    const ResolvedMatch& match = standing.list[index];
    auto next = accepted.lower_bound(match.span.begin);
    if (next != accepted.end() && next->first < match.span.end) continue;
    if (next != accepted.begin() && std::prev(next)->second > match.span.begin) continue;
    accepted.emplace(match.span.begin, match.span.end);
    keep[index] = true;
  }
  // Dropped matches leave their fields behind in the array; nothing reads them.
  size_t kept = 0;
  for (size_t i = 0; i < standing.list.size(); ++i) {
    if (keep[i]) standing.list[kept++] = standing.list[i];
  }
  standing.list.resize(kept);
  return standing;
}

}  // namespace glean::internal
