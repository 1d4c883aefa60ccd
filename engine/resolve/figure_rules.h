// Figure rules: the figures of a document → the figure rules each satisfies. Part of the resolve
// stage. Design decision: a figure's label is asked of one RE2::Set over every rule's label, so
// hundreds of figure rules cost one set match per figure; only the rules it names (and the rules
// with no label) check the rest: clause, action, unit, status, then `unless` and the headings.
#ifndef GLEAN_ENGINE_RESOLVE_FIGURE_RULES_H_
#define GLEAN_ENGINE_RESOLVE_FIGURE_RULES_H_

#include <cstddef>
#include <vector>

#include "engine/resolve/resolver.h"
#include "engine/rules/compiled_rule_set.h"
#include "glean/document.h"
#include "glean/figure.h"

namespace glean::internal {

struct FigureMatch {
  int rule = 0;       // index into CompiledRuleSet::figure_rules
  size_t figure = 0;  // index into the figures
};

// Every (rule, figure) pair where the figure satisfies the rule, by figure, then rule.
std::vector<FigureMatch> MatchFigureRules(const CompiledRuleSet& rules, const Document& document,
                                          const std::vector<Figure>& figures);

// Resolves overlaps among the facts of both rule forms by the policy pattern matches follow among
// themselves (resolver.h): of facts of one fact type that overlap, the higher priority wins, then
// the longer text, then the earlier one, then the rule loaded first (pattern rules before figure
// rules). A figure fact covers its figure's text. Removes the facts that lose from `matches` (their
// fields stay in its array, unread) and from `figure_matches`.
// Caveat: `matches` are resolved already; a pattern match Resolve dropped for one that loses here
// does not come back.
// Then a fact of a `fallback` rule is removed when its figure is named by a rule that is not a
// fallback or covered by a pattern fact, whatever their fact types; of the fallback facts left on
// one figure, the one of the highest priority stands, then the rule loaded first.
// With `across_rules` false, a fact competes only with facts of its own rule, and fallback rules
// keep theirs.
void ResolveFigureOverlaps(const CompiledRuleSet& rules, const std::vector<Figure>& figures,
                           ResolvedMatches* matches, std::vector<FigureMatch>* figure_matches,
                           bool across_rules = true);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RESOLVE_FIGURE_RULES_H_
