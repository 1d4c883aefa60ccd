#include "glean/trace.h"

#include "engine/match/near_miss.h"
#include "engine/rules/compiled_rule_set.h"

namespace glean {

const char* DropReasonName(DropReason reason) {
  switch (reason) {
    case DropReason::kNoMatch:
      return "no_match";
    case DropReason::kField:
      return "field";
    case DropReason::kUnit:
      return "unit";
    case DropReason::kWhere:
      return "where";
    case DropReason::kUnless:
      return "unless";
    case DropReason::kWithin:
      return "within";
    case DropReason::kNotWithin:
      return "not_within";
    case DropReason::kOverlap:
      return "overlap";
  }
  return "?";
}

std::vector<std::string_view> PatternRuleIds(const RuleSet& rules) {
  std::vector<std::string_view> ids;
  for (const internal::CompiledRule& rule : rules.compiled().rules) ids.push_back(rule.id);
  return ids;
}

std::optional<PartialMatch> LongestPartialMatch(const RuleSet& rules, std::string_view rule,
                                                const Document& document, size_t at) {
  for (const internal::CompiledRule& compiled : rules.compiled().rules) {
    if (compiled.id != rule) continue;
    const std::string& pattern = compiled.pattern->pattern();
    const internal::PatternProgress progress =
        internal::LongestPrefixMatch(*compiled.pattern, document.normalized(), at);
    PartialMatch partial;
    partial.end = progress.end;
    partial.matched = pattern.substr(0, progress.cut);
    partial.stopped_at = pattern.substr(progress.cut, progress.next_cut - progress.cut);
    partial.rest = pattern.substr(progress.cut);
    return partial;
  }
  return std::nullopt;
}

}  // namespace glean
