// The `examples:` of a rule: texts with the facts the rule must give for each.
#include <algorithm>

#include <fmt/format.h>

#include "engine/rules/pattern_expander.h"
#include "engine/rules/rule_loader.h"

namespace glean::rules {

namespace {

const std::vector<std::string> kExampleKeys = {"text", "expect", "todo"};
const std::vector<std::string> kExpectKeys = {"value", "unit", "approx", "min", "max"};

}  // namespace

void Loader::ParseExamples(const SourceFile& file, const YAML::Node& node, RuleSpec* rule) {
  if (!node.IsSequence()) {
    Error("type", file.At(node.Mark()), "'examples' must be a list", rule->id.text);
    return;
  }
  for (const YAML::Node& item : node) {
    if (!item.IsMap()) {
      Error("type", file.At(item.Mark()), "an example must be a map with 'text' and 'expect'",
            rule->id.text);
      continue;
    }
    CheckKeys(file, item, kExampleKeys, "an example");
    const MapKeys keys(item);
    RuleExample example;
    const YAML::Node text = keys["text"];
    if (!text.IsDefined()) {
      Error("missing-key", file.At(item.Mark()), "example has no 'text'", rule->id.text);
      continue;
    }
    std::optional<std::string> value = Scalar(file, text, "example 'text'");
    if (!value) continue;
    example.text = *value;
    example.location = file.At(text.Mark());
    if (example.text.find('\0') != std::string::npos) {
      Error("example-nul", example.location,
            "example text holds a NUL character, which no input can hold (an input with one is "
            "refused as binary)",
            rule->id.text);
      continue;
    }
    if (const YAML::Node todo = keys["todo"]; todo.IsDefined()) {
      if (!todo.IsScalar() || !YAML::convert<bool>::decode(todo, example.todo)) {
        Error("type", file.At(todo.Mark()),
              "'todo' must be true or false (true: a known miss, reported without failing)",
              rule->id.text);
      }
    }
    const YAML::Node expect = keys["expect"];
    if (!expect.IsDefined()) {
      Error("missing-key", file.At(item.Mark()),
            "example has no 'expect' (use 'expect: []' for text that gives no fact)",
            rule->id.text);
      continue;
    }
    if (!expect.IsSequence()) {
      Error("type", file.At(expect.Mark()), "'expect' must be a list of facts, like [{count: 60}]",
            rule->id.text);
      continue;
    }
    bool ok = true;
    for (const YAML::Node& fact : expect) {
      if (!fact.IsMap()) {
        Error("type", file.At(fact.Mark()), "an expected fact must be a map of field: value",
              rule->id.text);
        ok = false;
        continue;
      }
      std::map<std::string, ExpectedField> fields;
      for (auto it = fact.begin(); it != fact.end(); ++it) {
        ExpectedField field;
        field.location = file.At(it->first.Mark());
        if (it->second.IsNull()) {
          field.absent = true;
        } else if (it->second.IsScalar()) {
          field.value = it->second.Scalar();
        } else if (it->second.IsMap()) {
          CheckKeys(file, it->second, kExpectKeys, "an expected field");
          const MapKeys members_given(it->second);
          std::optional<std::string>* members[] = {&field.value, &field.unit, &field.approx,
                                                   &field.min, &field.max};
          for (size_t k = 0; k < kExpectKeys.size(); ++k) {
            const YAML::Node member = members_given[kExpectKeys[k]];
            if (member.IsDefined() && member.IsScalar()) *members[k] = member.Scalar();
          }
        } else {
          Error("type", file.At(it->second.Mark()),
                "an expected field is a value, a map of value, unit, approx, min, max, or null "
                "(the field must be absent)",
                rule->id.text);
          ok = false;
          continue;
        }
        fields[it->first.Scalar()] = field;
      }
      example.expect.push_back(std::move(fields));
    }
    if (ok) rule->examples.push_back(std::move(example));
  }
}

void Loader::CheckExampleFields(const std::vector<RuleExample>& examples,
                                const std::vector<std::string>& fields,
                                const std::string& rule_id) {
  for (const RuleExample& example : examples) {
    for (const auto& fact : example.expect) {
      for (const auto& [name, expected] : fact) {
        if (std::find(fields.begin(), fields.end(), name) != fields.end()) continue;
        if (std::find(kExpectKeys.begin(), kExpectKeys.end(), name) != kExpectKeys.end() &&
            !fields.empty()) {
          Error("unknown-field", expected.location,
                fmt::format("the example expects a field '{}', which rule '{}' does not have; to "
                            "compare a field's {}, write it inside the field: {{{}: {{value: …, "
                            "{}: …}}}}",
                            name, rule_id, name, fields.front(), name),
                rule_id);
          continue;
        }
        const std::string hint = ClosestMatch(name, fields);
        std::string names;
        for (const std::string& field : fields) names += (names.empty() ? "" : ", ") + field;
        Error("unknown-field", expected.location,
              fmt::format("the example expects a field '{}', which rule '{}' does not have{}", name,
                          rule_id,
                          hint.empty()
                              ? fmt::format(" (its fields: {})", names.empty() ? "none" : names)
                              : fmt::format(" (did you mean '{}'?)", hint)),
              rule_id);
      }
    }
  }
}

}  // namespace glean::rules
