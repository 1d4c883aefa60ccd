// Near misses: the places where a rule's literal prefix occurs and its pattern does not match, and
// how far the pattern gets there. Asked only by the instruments (a trace, `extract explain`),
// never on the way to facts.
#ifndef GLEAN_ENGINE_MATCH_NEAR_MISS_H_
#define GLEAN_ENGINE_MATCH_NEAR_MISS_H_

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/match/matcher.h"
#include "engine/rules/compiled_rule_set.h"

namespace glean::internal {

struct NearMiss {
  int rule = 0;  // index into CompiledRuleSet::rules
  Span literal;  // the literal's normalized range
};

// Each occurrence of a literal some rule begins with (PrefixLiterals) that no candidate of that
// rule covers, by rule, then place. Rules without a literal prefix have none.
std::vector<NearMiss> NearMisses(const CompiledRuleSet& rules, std::string_view text,
                                 const Candidates& candidates);

// The longest prefix of `pattern`'s text, cut between top-level pieces (never inside a group, a
// class or a repeat count, nor before a quantifier), that compiles and matches anchored at `at`.
struct PatternProgress {
  size_t end = 0;       // where the prefix's match ends in `text`
  size_t cut = 0;       // where the prefix ends in the pattern's text; 0 when no prefix matches
  size_t next_cut = 0;  // where the piece after it, the one that did not match, ends
};
PatternProgress LongestPrefixMatch(const RE2& pattern, std::string_view text, size_t at);

// The prefixes of a pattern LongestPrefixMatch tries, compiled once, for asking at many places.
class PatternPrefixes {
 public:
  PatternPrefixes(std::string_view pattern, const RE2::Options& options);
  PatternProgress LongestAt(std::string_view text, size_t at) const;

 private:
  struct Prefix {
    size_t cut;
    size_t next_cut;  // the end of the piece after it
    std::unique_ptr<RE2> regex;
  };
  std::vector<Prefix> prefixes_;  // those that compile, longest first
  size_t first_piece_end_;        // next_cut when no prefix matches
};

// The top-level alternatives of `pattern`: `a|b(?:c|d)` → `a`, `b(?:c|d)`; the whole pattern
// when it has none.
std::vector<std::string_view> TopLevelAlternatives(std::string_view pattern);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_MATCH_NEAR_MISS_H_
