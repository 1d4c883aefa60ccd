// Resolve stage: candidates → the matches that stand, with typed fields.
//
// Input: the matcher's candidates over a document. Output: ResolvedMatches in document order.
// Steps: scope filters (`unless` on the match's sentence, `within`/`not_within` on its section
// path), typed values (a match whose field does not parse as its slot type, has a unit the rule
// does not allow, or fails the rule's `where`, is dropped), then overlaps. Design decision: filters
// and value checks run before overlap resolution, so a match that would be dropped never hides
// another one. Each drop has its reason (glean/trace.h), told to an observer when one is given.
#ifndef GLEAN_ENGINE_RESOLVE_RESOLVER_H_
#define GLEAN_ENGINE_RESOLVE_RESOLVER_H_

#include <vector>

#include "engine/match/matcher.h"
#include "engine/rules/compiled_rule_set.h"
#include "glean/document.h"
#include "glean/trace.h"
#include "glean/value.h"

namespace glean::internal {

struct ResolvedMatch {
  int rule = 0;
  Span span;
  size_t first_field = 0;  // its fields: ResolvedMatches::fields[first_field, + field_count)
  size_t field_count = 0;
};

// The matches that stand, in document order, with their fields in one array (a match allocates
// nothing of its own).
struct ResolvedMatches {
  std::vector<ResolvedMatch> list;
  std::vector<Field> fields;      // set fields only, each match's in its rule's order; raw empty
  std::vector<Span> field_spans;  // parallel to `fields`: normalized capture ranges
};

// Among overlapping matches of one fact type the higher priority wins, then the longer match, then
// the earlier one; matches of different fact types are all kept.
// With an observer, each candidate's fate is reported to it (see glean/trace.h); without, nothing
// is recorded.
// With `across_rules` false, a match competes only with matches of its own rule.
ResolvedMatches Resolve(const CompiledRuleSet& rules, const Document& document,
                        const Candidates& candidates, const ValueContext& context,
                        MatchObserver* observer = nullptr, bool across_rules = true);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RESOLVE_RESOLVER_H_
