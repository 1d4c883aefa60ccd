// Match stage: every rule of a compiled rule set against a normalized text, in one pass where the
// rule set allows it.
//
// Input: normalized text. Output: Candidates (rule, span, capture spans), unfiltered. Design
// decision: most rules begin with literal context; those literals are found at once, either from
// the figures that follow them (a scan for runs of digits and a reversed trie, FigureAnchors) or
// by one multi-literal scan (Hyperscan), and each rule runs anchored only where its literal
// occurs; the common figure-and-unit rest of a rule is matched by hand (FigureTail), and other
// rests' capture groups are placed by a plan read off the pattern (CapturePlan) once RE2's DFA has
// found where the match lies. Rules without a literal prefix are gated by words every match holds,
// found by the same scan, or else go through a prefilter over all of them at once (RE2::Set); only
// those that may hit are run. The text is never scanned once per rule.
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
  int rule = 0;  // index into CompiledRuleSet::rules
  Span span;     // normalized byte range of the whole match
  // Where its capture spans begin in Candidates::captures: one per FieldSpec of the rule, in their
  // order; {npos, npos} for a group that did not take part.
  size_t first_capture = 0;
};

// A text's candidates, their capture spans kept in one array so a candidate allocates nothing.
struct Candidates {
  std::vector<Candidate> list;
  std::vector<Span> captures;

  const Span* CapturesOf(const Candidate& candidate) const {
    return captures.data() + candidate.first_capture;
  }
};

// Immutable after Create; Find is thread-safe.
class Matcher {
 public:
  // REQUIRES: `rules` outlives the matcher.
  static Result<std::unique_ptr<Matcher>> Create(const CompiledRuleSet& rules);
  // The straightforward matcher (set prefilter, then each hit rule over the whole text), kept as
  // the reference the fast one is tested against.
  static Result<std::unique_ptr<Matcher>> CreateReference(const CompiledRuleSet& rules);
  virtual ~Matcher() = default;

  // All non-overlapping leftmost-first matches of each rule, ordered by begin, end, then rule.
  virtual Candidates Find(std::string_view text) const = 0;
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_MATCH_MATCHER_H_
