// Figure rules: the figures of a document → the figure rules each satisfies. Part of the resolve
// stage. Design decision: a figure's label is asked of one RE2::Set over every rule's label, so
// hundreds of figure rules cost one set match per figure; only the rules it names (and the rules
// with no label) check the rest: clause, action, unit, status, then `unless` and the headings.
#ifndef GLEAN_ENGINE_RESOLVE_FIGURE_RULES_H_
#define GLEAN_ENGINE_RESOLVE_FIGURE_RULES_H_

#include <cstddef>
#include <vector>

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

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RESOLVE_FIGURE_RULES_H_
