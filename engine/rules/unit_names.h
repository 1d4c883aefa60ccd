// Whether a unit named in a rule (`fields: {n: {unit: …}}`, `figure: {unit: …}`) is one a value
// can have, so that a misspelt or unknown unit is an error at load time instead of a filter that
// silently drops every match.
#ifndef GLEAN_ENGINE_RULES_UNIT_NAMES_H_
#define GLEAN_ENGINE_RULES_UNIT_NAMES_H_

#include <set>
#include <string>
#include <string_view>

namespace glean::rules {

// Why `word` (normalized) is no unit a value can have; empty when it is one. The units are those
// of the value library's table, the rule set's `declared` units and, for a figure rule
// (`figure_rule`), the extra units figures know (倍, 美元) and a unit with its magnitude (亿元).
// The message names the fix: the unit without its magnitude (万亩 → 亩), the closest units, or
// declaring the unit under `units:`.
std::string UnknownUnit(std::string_view word, bool figure_rule,
                        const std::set<std::string>& declared);

// The unit `word` most likely means: 亩 for `mu`, 公顷 for 公项; empty when none is close.
std::string ClosestUnit(std::string_view word, const std::set<std::string>& declared);

}  // namespace glean::rules

#endif  // GLEAN_ENGINE_RULES_UNIT_NAMES_H_
