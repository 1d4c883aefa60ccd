#include "engine/resolve/where_filter.h"

#include <algorithm>

#include <fmt/format.h>

namespace glean::internal {

namespace {

using Op = FieldCondition::Op;

bool Compare(const Decimal& a, Op op, const Decimal& b) {
  switch (op) {
    case Op::kLess:
      return a < b;
    case Op::kLessEqual:
      return !(b < a);
    case Op::kGreater:
      return b < a;
    case Op::kGreaterEqual:
      return !(a < b);
    case Op::kEqual:
      return a == b;
    case Op::kNotEqual:
      return !(a == b);
  }
  return false;
}

const char* OpText(Op op) {
  switch (op) {
    case Op::kLess:
      return "<";
    case Op::kLessEqual:
      return "<=";
    case Op::kGreater:
      return ">";
    case Op::kGreaterEqual:
      return ">=";
    case Op::kEqual:
      return "==";
    case Op::kNotEqual:
      return "!=";
  }
  return "?";
}

// Whether the condition compares `field` at all: its unit, or one of the same canonical unit.
bool Comparable(const FieldCondition& condition, const Field& field) {
  return condition.unit.empty() || condition.unit == field.unit ||
         (condition.canonical && field.canonical &&
          condition.canonical->unit == field.canonical->unit);
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

const Field* FieldNamed(std::span<const Field> fields, std::string_view name) {
  const auto field =
      std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == name; });
  return field == fields.end() ? nullptr : &*field;
}

}  // namespace

const FieldCondition* FailedCondition(std::span<const FieldCondition> where,
                                      std::span<const Field> fields) {
  for (const FieldCondition& condition : where) {
    const Field* field = FieldNamed(fields, condition.field);
    if (field == nullptr || !Holds(condition, *field)) return &condition;
  }
  return nullptr;
}

std::string ConditionFailure(const FieldCondition& condition, std::span<const Field> fields) {
  std::string out =
      fmt::format("{} {} {}", condition.field, OpText(condition.op), condition.value.ToString());
  if (!condition.unit.empty()) out += " " + condition.unit;
  out += " failed: ";
  const Field* field = FieldNamed(fields, condition.field);
  if (field == nullptr) return out + fmt::format("the match has no {}", condition.field);
  const Decimal* number = std::get_if<Decimal>(&field->value);
  if (number == nullptr) return out + fmt::format("{} is no number", condition.field);
  out += number->ToString();
  if (!field->unit.empty()) out += " " + field->unit;
  if (!Comparable(condition, *field)) out += " (another unit)";
  return out;
}

}  // namespace glean::internal
