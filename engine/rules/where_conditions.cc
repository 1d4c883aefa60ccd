// A rule's `where:`: conditions on the numbers of its fields, such as `growth: '< 100'` or
// `area: '>= 1万亩'`, read once at load time into FieldConditions the resolve stage checks.
#include <algorithm>

#include <fmt/format.h>

#include "engine/rules/pattern_expander.h"
#include "engine/rules/rule_loader.h"

namespace glean::rules {

namespace {

using Op = internal::FieldCondition::Op;

// Longest first, so that `<=` is not read as `<` followed by `=`.
constexpr std::pair<std::string_view, Op> kOperators[] = {
    {"<=", Op::kLessEqual}, {">=", Op::kGreaterEqual}, {"==", Op::kEqual}, {"!=", Op::kNotEqual},
    {"<", Op::kLess},       {">", Op::kGreater},       {"=", Op::kEqual},
};

constexpr char kForm[] =
    "write a comparison and a number, with a unit if the field has one: '< 100', '>= 1万亩', "
    "'!= 0'";

bool IsNumeric(SlotType type) { return type != SlotType::kText && type != SlotType::kDate; }

}  // namespace

void Loader::ParseWhere(const SourceFile& file, const YAML::Node& node, RuleSpec* rule) {
  rule->where_mark = node.Mark();
  if (!node.IsMap()) {
    Error("type", file.At(node.Mark()),
          "'where' must be a map of field: condition, such as {growth: '< 100'}", rule->id.text);
    return;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    const Located key{it->first.Scalar(), it->first.Mark(), &file, true};
    const std::string& name = key.text;
    const auto add = [&](const YAML::Node& condition) {
      if (!condition.IsScalar()) {
        Error("type", file.At(condition.Mark()),
              fmt::format("a condition on '{}' must be a string: {}", name, kForm), rule->id.text);
        return;
      }
      rule->where.emplace_back(key, Located{condition.Scalar(), condition.Mark(), &file, true});
    };
    const YAML::Node conditions = it->second;
    if (conditions.IsSequence()) {
      for (const YAML::Node& condition : conditions) add(condition);  // all must hold: a range
    } else {
      add(conditions);
    }
  }
}

bool Loader::CompileWhere(const RuleSpec& spec, internal::CompiledRule* rule) {
  const std::string& id = spec.id.text;
  bool ok = true;
  for (const auto& [key, source] : spec.where) {
    const std::string& name = key.text;
    std::vector<std::string> names;
    for (const internal::FieldSpec& field : rule->fields) names.push_back(field.name);
    const auto field = std::find_if(rule->fields.begin(), rule->fields.end(),
                                    [&](const internal::FieldSpec& f) { return f.name == name; });
    if (field == rule->fields.end()) {
      const std::string hint = ClosestMatch(name, names);
      Error("where", PatternLocation(key, 0),
            fmt::format("'where' names the field '{}', which the rule does not have{}", name,
                        hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)),
            id);
      ok = false;
      continue;
    }
    if (!IsNumeric(field->type)) {
      Error("where", PatternLocation(source, 0),
            fmt::format("'where' compares numbers, and the field '{}' is a {}", name,
                        SlotTypeName(field->type)),
            id);
      ok = false;
      continue;
    }
    std::string_view text = source.text;
    const size_t lead = text.find_first_not_of(' ');
    text.remove_prefix(lead == std::string_view::npos ? text.size() : lead);
    internal::FieldCondition condition;
    condition.field = name;
    const auto op = std::find_if(std::begin(kOperators), std::end(kOperators),
                                 [&](const auto& entry) { return text.starts_with(entry.first); });
    if (op == std::end(kOperators)) {
      Error("where", PatternLocation(source, source.text.size() - text.size()),
            fmt::format("condition '{}' on '{}' has no comparison; {}", source.text, name, kForm),
            id);
      ok = false;
      continue;
    }
    condition.op = op->second;
    const size_t number_at = source.text.size() - text.size() + op->first.size();
    std::string number;
    for (char c : source.text.substr(number_at)) {
      if (c != ' ') number += c;
    }
    const ValueContext context{0, declared_.empty() ? nullptr : &declared_};
    std::optional<Field> value = ParseValue(SlotType::kQuantity, number, context);
    if (!value) value = ParseValue(SlotType::kPercent, number, context);
    if (!value) {
      Error("where", PatternLocation(source, number_at),
            fmt::format("'{}' in the condition on '{}' is not a number; {}", number, name, kForm),
            id);
      ok = false;
      continue;
    }
    condition.value = std::get<Decimal>(value->value);
    condition.unit = value->unit;
    condition.canonical = value->canonical;
    rule->where.push_back(std::move(condition));
  }
  return ok;
}

}  // namespace glean::rules
