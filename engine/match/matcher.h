// Match stage: every rule of a compiled rule set against a normalized text, in one pass where the
// rule set allows it.
//
// Input: normalized text. Output: Candidates (rule, span, capture spans), unfiltered. Design
// decision: a prefilter over all rules at once (RE2::Set) says which rules hit a text; only those
// are re-run for captures, so the text is not scanned once per rule.
#ifndef GLEAN_ENGINE_MATCH_MATCHER_H_
#define GLEAN_ENGINE_MATCH_MATCHER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "engine/rules/compiled_rule_set.h"
#include "glean/result.h"

namespace glean::internal {

struct Span {
  size_t begin = 0;
  size_t end = 0;
};

// One match of one rule, before filtering and overlap resolution.
struct Candidate {
  int rule = 0;                 // index into CompiledRuleSet::rules
  Span span;                    // normalized byte range of the whole match
  std::vector<Span> captures;   // parallel to the rule's FieldSpecs; {npos, npos} if unset
};

// Immutable after Create; Find is thread-safe.
class Matcher {
 public:
  static Result<std::unique_ptr<Matcher>> Create(const CompiledRuleSet& rules);
  virtual ~Matcher() = default;

  // All non-overlapping leftmost-first matches of each rule, ordered by begin, then rule.
  virtual std::vector<Candidate> Find(std::string_view text) const = 0;
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_MATCH_MATCHER_H_
