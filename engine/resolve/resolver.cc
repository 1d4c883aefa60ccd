#include "engine/resolve/resolver.h"

#include <algorithm>
#include <map>
#include <span>
#include <string>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "engine/resolve/where_filter.h"

namespace glean::internal {

namespace {

constexpr size_t kNoWinner = std::string_view::npos;

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

// The filter that turns `candidate` away (kUnless, kWithin, kNotWithin), or nullopt when it is in
// scope. With a trace, says where: the sentence or the headings.
std::optional<DropReason> OutOfScope(const CompiledRule& rule, const Document& document,
                                     const Candidate& candidate, FilterAnswers* answers,
                                     CandidateTrace* trace) {
  if (rule.unless != nullptr) {
    auto [begin, end] = document.SentenceAt(candidate.span.begin, candidate.span.end);
    if (answers->SentenceMatches(*rule.unless, document.normalized(), begin, end)) {
      if (trace != nullptr) {
        trace->sentence_begin = begin;
        trace->sentence_end = end;
      }
      return DropReason::kUnless;
    }
  }
  if (rule.within == nullptr && rule.not_within == nullptr) return std::nullopt;
  bool within = rule.within == nullptr;
  const std::vector<const Heading*> path = document.SectionAt(candidate.span.begin);
  if (trace != nullptr) trace->headings = path;
  for (const Heading* heading : path) {
    if (rule.not_within != nullptr && answers->HeadingMatches(*rule.not_within, *heading)) {
      if (trace != nullptr) trace->heading = heading;
      return DropReason::kNotWithin;
    }
    if (rule.within != nullptr && answers->HeadingMatches(*rule.within, *heading)) within = true;
  }
  if (within) return std::nullopt;
  return DropReason::kWithin;
}

// Why `text` gives no value of `type`, in words, for a trace.
std::string WhyNoValue(SlotType type, std::string_view text) {
  if (text.empty()) return fmt::format("an empty capture is no {}", SlotTypeName(type));
  const bool has_digit =
      std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!has_digit && type != SlotType::kText) {
    return fmt::format(
        "'{}' holds no figure, so it is no {} (a group is a number unless `fields:` "
        "gives it another type, such as {{type: text}})",
        text, SlotTypeName(type));
  }
  return fmt::format("'{}' does not read as a {}", text, SlotTypeName(type));
}

// Appends the typed fields of `candidate` to `out`. Returns the index of the field that is not a
// value of its type (`*wrong_unit` false) or has a unit the rule does not allow (true), or -1 when
// all are; on failure `out` may hold some of them: the caller drops them.
int ParseFields(const CompiledRule& rule, std::string_view text, const Candidate& candidate,
                const Span* captures, const ValueContext& context, ResolvedMatches* out,
                bool* wrong_unit) {
  for (size_t i = 0; i < rule.fields.size(); ++i) {
    const FieldSpec& spec = rule.fields[i];
    const Span capture = captures[i];
    // An optional group that did not take part, or an optional text that is empty, gives no field.
    if (capture.begin == std::string_view::npos) continue;
    if (capture.begin == capture.end && spec.type == SlotType::kText) continue;
    std::string_view value_text = text.substr(capture.begin, capture.end - capture.begin);
    std::string_view following = text.substr(capture.end, candidate.span.end - capture.end);
    std::optional<Field> field = ParseValue(spec.type, value_text, context, following);
    if (!field) return static_cast<int>(i);
    // (A value condition on the field, `where:`, would turn the match away here, after its unit.)
    if (!spec.units.empty() &&
        std::find(spec.units.begin(), spec.units.end(), field->unit) == spec.units.end()) {
      *wrong_unit = true;
      return static_cast<int>(i);
    }
    field->name = spec.name;
    out->fields.push_back(std::move(*field));
    out->field_spans.push_back(capture);
  }
  return -1;
}

// A candidate's trace as far as the engine read it: its captures, and the values of the fields
// read before `read_end` (those in `parsed`, in order).
CandidateTrace TraceOf(const CompiledRule& rule, const Document& document,
                       const Candidate& candidate, const Span* captures, const Field* parsed,
                       size_t parsed_count, size_t read_end) {
  CandidateTrace trace;
  trace.document = &document;
  trace.rule = rule.id;
  trace.begin = candidate.span.begin;
  trace.end = candidate.span.end;
  const std::string_view text = document.normalized();
  size_t next_parsed = 0;
  for (size_t i = 0; i < rule.fields.size(); ++i) {
    FieldTrace& field = trace.fields.emplace_back();
    field.name = rule.fields[i].name;
    field.taken = captures[i].begin != std::string_view::npos;
    if (field.taken)
      field.text = text.substr(captures[i].begin, captures[i].end - captures[i].begin);
    if (i < read_end && next_parsed < parsed_count && parsed[next_parsed].name == field.name) {
      field.value = parsed[next_parsed++];
    }
  }
  return trace;
}

}  // namespace

ResolvedMatches Resolve(const CompiledRuleSet& rules, const Document& document,
                        const Candidates& candidates, const ValueContext& context,
                        MatchObserver* observer, bool across_rules) {
  ResolvedMatches standing;
  FilterAnswers filter_answers;
  standing.list.reserve(candidates.list.size());
  standing.fields.reserve(candidates.captures.size());
  standing.field_spans.reserve(candidates.captures.size());
  // Kept by the filters, for the trace: by standing match, its candidate.
  std::vector<const Candidate*> traced;
  for (const Candidate& candidate : candidates.list) {
    const CompiledRule& rule = rules.rules[candidate.rule];
    const Span* captures = candidates.CapturesOf(candidate);
    // Values first: a unit the rule does not take turns a match away for less than its sentence
    // and sections cost, which a report's first `unless` would split it into.
    const size_t first_field = standing.fields.size();
    bool wrong_unit = false;
    const int failed = ParseFields(rule, document.normalized(), candidate, captures, context,
                                   &standing, &wrong_unit);
    std::optional<CandidateTrace> trace;
    if (observer != nullptr) {
      trace = TraceOf(rule, document, candidate, captures, standing.fields.data() + first_field,
                      standing.fields.size() - first_field,
                      failed < 0 ? rule.fields.size() : static_cast<size_t>(failed));
    }
    std::optional<DropReason> drop;
    const std::span<const Field> fields = std::span(standing.fields).subspan(first_field);
    const FieldCondition* failed_condition = nullptr;
    if (failed >= 0) {
      drop = wrong_unit ? DropReason::kUnit : DropReason::kField;
    } else if (failed_condition = FailedCondition(rule.where, fields); failed_condition) {
      drop = DropReason::kWhere;
      if (trace) trace->detail = ConditionFailure(*failed_condition, fields);
    } else {
      drop = OutOfScope(rule, document, candidate, &filter_answers, trace ? &*trace : nullptr);
    }
    if (drop) {
      if (trace) {
        trace->reason = *drop;
        if (failed >= 0) {
          const size_t at = static_cast<size_t>(failed);
          trace->failed_field = at;
          const FieldSpec& spec = rule.fields[at];
          std::string_view value_text = trace->fields[at].text;
          if (wrong_unit) {
            const size_t capture_end = captures[at].end;
            const std::optional<Field> value = ParseValue(
                spec.type, value_text, context,
                document.normalized().substr(capture_end, candidate.span.end - capture_end));
            trace->fields[at].value = value;
            trace->detail = value ? value->unit : std::string();
          } else {
            trace->detail = WhyNoValue(spec.type, value_text);
          }
        }
        observer->OnCandidate(*trace);
      }
      standing.fields.resize(first_field);
      standing.field_spans.resize(first_field);
      continue;
    }
    standing.list.push_back(
        {candidate.rule, candidate.span, first_field, standing.fields.size() - first_field});
    if (observer != nullptr) traced.push_back(&candidate);
  }

  // Overlaps matter only within a fact type, and most matches overlap none of their type: those
  // stand at once. The others form clusters (runs of matches of one type that overlap in a chain,
  // in document order); clusters never overlap each other, so each is resolved on its own.
  const size_t count = standing.list.size();
  // The competitors' key: the fact type, or the rule when rules do not compete.
  const auto type_of = [&](size_t i) {
    const ResolvedMatch& match = standing.list[i];
    return across_rules ? rules.rules[match.rule].fact_type : static_cast<int>(match.rule);
  };
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
  // The cluster's accepted spans by begin (never overlapping): their ends, and which match each is.
  std::map<size_t, std::pair<size_t, size_t>> accepted;
  std::vector<size_t> lost_to(observer != nullptr ? count : 0, kNoWinner);
  for (size_t k = 0; k < contested.size(); ++k) {
    const size_t index = contested[k];
    if (k == 0 || cluster_of[contested[k - 1]] != cluster_of[index]) accepted.clear();
    const ResolvedMatch& match = standing.list[index];
    auto next = accepted.lower_bound(match.span.begin);
    if (next != accepted.end() && next->first < match.span.end) {
      if (observer != nullptr) lost_to[index] = next->second.second;
      continue;
    }
    if (next != accepted.begin() && std::prev(next)->second.first > match.span.begin) {
      if (observer != nullptr) lost_to[index] = std::prev(next)->second.second;
      continue;
    }
    accepted.emplace(match.span.begin, std::pair(match.span.end, index));
    keep[index] = true;
  }
  if (observer != nullptr) {
    for (size_t i = 0; i < count; ++i) {
      const ResolvedMatch& match = standing.list[i];
      const CompiledRule& rule = rules.rules[match.rule];
      CandidateTrace trace = TraceOf(rule, document, *traced[i], candidates.CapturesOf(*traced[i]),
                                     standing.fields.data() + match.first_field, match.field_count,
                                     rule.fields.size());
      trace.kept = keep[i];
      if (!keep[i]) {
        const ResolvedMatch& winner = standing.list[lost_to[i]];
        trace.reason = DropReason::kOverlap;
        trace.winner = rules.rules[winner.rule].id;
        trace.winner_begin = winner.span.begin;
        trace.winner_end = winner.span.end;
      }
      observer->OnCandidate(trace);
    }
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
