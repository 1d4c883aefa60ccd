// The value filter of a rule's `where:`: whether a match's fields meet its conditions. A match
// that does not is dropped, like one whose unit the rule does not take, before scopes and
// overlaps.
#ifndef GLEAN_ENGINE_RESOLVE_WHERE_FILTER_H_
#define GLEAN_ENGINE_RESOLVE_WHERE_FILTER_H_

#include <span>

#include "engine/rules/compiled_rule_set.h"
#include "glean/value.h"

namespace glean::internal {

// True when every condition of `rule.where` holds for `fields` (a match's parsed fields). A
// condition on a field the match lacks (an optional group that took no part) does not hold. A
// condition with a unit holds only for a field in that unit, or in one of the same canonical unit
// (compared canonically: '>= 1公顷' takes 20亩); one without compares the field's number as it is.
bool MeetsWhere(const CompiledRule& rule, std::span<const Field> fields);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RESOLVE_WHERE_FILTER_H_
