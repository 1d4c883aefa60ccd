#include "engine/resolve/where_filter.h"

#include <algorithm>

namespace glean::internal {

namespace {

bool Compare(const Decimal& a, FieldCondition::Op op, const Decimal& b) {
  switch (op) {
    case FieldCondition::Op::kLess:
      return a < b;
    case FieldCondition::Op::kLessEqual:
      return !(b < a);
    case FieldCondition::Op::kGreater:
      return b < a;
    case FieldCondition::Op::kGreaterEqual:
      return !(a < b);
    case FieldCondition::Op::kEqual:
      return a == b;
    case FieldCondition::Op::kNotEqual:
      return !(a == b);
  }
  return false;
}

bool Holds(const FieldCondition& condition, const Field& field) {
  const Decimal* number = std::get_if<Decimal>(&field.value);
  if (number == nullptr) return false;
  if (condition.unit.empty() || condition.unit == field.unit) {
    return Compare(*number, condition.op, condition.value);
  }
  if (condition.canonical && field.canonical &&
      condition.canonical->unit == field.canonical->unit) {
    return Compare(field.canonical->value, condition.op, condition.canonical->value);
  }
  return false;
}

}  // namespace

bool MeetsWhere(const CompiledRule& rule, std::span<const Field> fields) {
  for (const FieldCondition& condition : rule.where) {
    const auto field = std::find_if(fields.begin(), fields.end(),
                                    [&](const Field& f) { return f.name == condition.field; });
    if (field == fields.end() || !Holds(condition, *field)) return false;
  }
  return true;
}

}  // namespace glean::internal
