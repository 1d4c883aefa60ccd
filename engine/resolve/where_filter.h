// The value filter of a rule's `where:`: whether a match's fields meet its conditions. A match
// that does not is dropped, like one whose unit the rule does not take, before scopes and
// overlaps. Pattern rules and figure rules share it (a figure's fields: `value`, `change`).
#ifndef GLEAN_ENGINE_RESOLVE_WHERE_FILTER_H_
#define GLEAN_ENGINE_RESOLVE_WHERE_FILTER_H_

#include <span>
#include <string>

#include "engine/rules/compiled_rule_set.h"
#include "glean/value.h"

namespace glean::internal {

// The first condition of `where` that `fields` (a match's parsed fields) fail, or null when every
// one holds. A condition on a field the match lacks (an optional group that took no part) does not
// hold. A condition with a unit holds only for a field in that unit, or in one of the same
// canonical unit (compared canonically: '>= 1公顷' takes 20亩); one without compares the field's
// number as it is.
const FieldCondition* FailedCondition(std::span<const FieldCondition> where,
                                      std::span<const Field> fields);

// `condition` and what of `fields` failed it, for a trace: "growth < 100 failed: 120 %",
// "area >= 1000 亩 failed: 60 人次 (another unit)", "share > 0 failed: the match has no share".
std::string ConditionFailure(const FieldCondition& condition, std::span<const Field> fields);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RESOLVE_WHERE_FILTER_H_
