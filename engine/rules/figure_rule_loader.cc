// Figure rules (`figure:`): rules that name figures of the figures stage by label, clause, action,
// unit and status instead of matching text.
#include <fmt/format.h>

#include "engine/rules/pattern_expander.h"
#include "engine/rules/rule_loader.h"

namespace glean::rules {

namespace {

const std::vector<std::string> kFigureKeys = {"label", "clause", "action", "status", "unit"};

// A pattern, or a list of alternatives joined into one: label: [地区生产总值, GDP].
std::optional<std::string> PatternOrList(const YAML::Node& node) {
  if (node.IsScalar()) return node.Scalar();
  if (!node.IsSequence()) return std::nullopt;
  std::string joined;
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) return std::nullopt;
    joined += (joined.empty() ? "" : "|") + std::string("(?:") + item.Scalar() + ")";
  }
  return joined;
}

}  // namespace

void Loader::ParseFigure(const SourceFile& file, const YAML::Node& node, RuleSpec* rule) {
  rule->figure.present = true;
  if (!node.IsMap()) {
    Error("type", file.At(node.Mark()),
          "'figure' must be a map such as {label: '地区生产总值', unit: [亿元]}", rule->id.text);
    return;
  }
  CheckKeys(file, node, kFigureKeys, "a figure");
  const MapKeys keys(node);
  const std::pair<const char*, Located FigureSpecYaml::*> patterns[] = {
      {"label", &FigureSpecYaml::label},
      {"clause", &FigureSpecYaml::clause},
      {"action", &FigureSpecYaml::action},
  };
  for (const auto& [key, member] : patterns) {
    const YAML::Node value = keys[key];
    if (!value.IsDefined()) continue;
    std::optional<std::string> text = PatternOrList(value);
    if (!text) {
      Error("type", file.At(value.Mark()),
            fmt::format("'{}' must be a pattern or a list of patterns", key), rule->id.text);
      continue;
    }
    Located& located = rule->figure.*member;
    located.text = *text;
    located.mark = value.Mark();
    located.file = &file;
    located.present = true;
  }
  if (const YAML::Node unit = keys["unit"]; unit.IsDefined()) {
    ParseUnits(file, unit, rule->id.text, &rule->figure.units);
  }
  if (const YAML::Node status = keys["status"]; status.IsDefined()) {
    std::vector<std::string> names;
    if (status.IsScalar()) names.push_back(status.Scalar());
    if (status.IsSequence()) {
      for (const YAML::Node& s : status) {
        if (s.IsScalar()) names.push_back(s.Scalar());
      }
    }
    for (const std::string& name : names) {
      FigureStatus parsed;
      if (ParseFigureStatus(name, &parsed)) {
        rule->figure.statuses.push_back(parsed);
      } else {
        const std::string hint =
            rules::ClosestMatch(name, {"result", "plan", "expected", "target"});
        Error("unknown-status", file.At(status.Mark()),
              fmt::format("unknown status '{}'{}", name,
                          hint.empty() ? " (use result, plan, expected or target)"
                                       : fmt::format(" (did you mean '{}'?)", hint)),
              rule->id.text);
      }
    }
  }
}

void Loader::CompileFigureRule(RuleSpec& spec, const std::map<std::string, std::string>& defs,
                               const normalize::Normalizer& normalizer,
                               internal::CompiledRuleSet* out, std::set<std::string>* defs_used) {
  const std::string& id = spec.id.text;
  auto expand = [&](const Located& source) -> std::optional<std::string> {
    if (!source.present) return std::nullopt;
    rules::Expansion expansion =
        rules::ExpandPattern(normalizer.NormalizePattern(source.text), defs, {});
    defs_used->insert(expansion.defs_used.begin(), expansion.defs_used.end());
    for (const rules::ExpansionError& e : expansion.errors) {
      Error(e.code, PatternLocation(source, e.offset), e.message, id);
    }
    if (!expansion.errors.empty()) return std::nullopt;
    return std::move(expansion.pattern);
  };
  auto compile = [&](const Located& source, const char* what) {
    std::optional<std::string> expanded = expand(source);
    return internal::PresencePattern(expanded ? CompileRegex(*expanded, source, id, what)
                                              : nullptr);
  };
  internal::FigureRule rule;
  rule.id = id;
  rule.fact = spec.fact.present ? spec.fact.text : id;
  rule.location = spec.file->At(spec.id.mark);
  // The label goes into the rule set's label index, which compiles it, whether or not the rule is
  // kept: a rule dropped below leaves an entry that names no rule (-1 in `labelled`).
  if (std::optional<std::string> label = expand(spec.figure.label)) {
    rule.label = CompileLabel(*label, spec.figure.label, id, out);
    if (rule.label != nullptr) out->labelled.push_back(-1);
  }
  rule.clause = compile(spec.figure.clause, "'clause'");
  // A rule without a label is found by its clause the same way; the index compiles its own copy
  // (few rules have no label).
  bool clause_indexed = false;
  if (!spec.figure.label.present && rule.clause) {
    if (out->figure_clauses == nullptr) {
      out->figure_clauses = std::make_unique<internal::LabelIndex>(RegexOptions());
    }
    clause_indexed = out->figure_clauses->Add(rule.clause->pattern()) != nullptr;
    if (clause_indexed) out->clause_indexed.push_back(-1);
  }
  rule.action = compile(spec.figure.action, "'action'");
  rule.unless = compile(spec.unless, "'unless'");
  rule.within = compile(spec.within, "'within'");
  rule.not_within = compile(spec.not_within, "'not_within'");
  rule.units = CheckedUnits(spec.figure.units, true, normalizer, id);
  rule.statuses = spec.figure.statuses;
  rule.priority = spec.priority;
  rule.fallback = spec.fallback;
  const bool failed =
      (spec.figure.label.present && !rule.label) || (spec.figure.clause.present && !rule.clause) ||
      (spec.figure.action.present && !rule.action) || (spec.unless.present && !rule.unless) ||
      (spec.within.present && !rule.within) || (spec.not_within.present && !rule.not_within);
  RuleInfo info;
  info.id = id;
  info.fact = rule.fact;
  info.location = rule.location;
  info.examples = spec.examples;
  info.fields = {"label", "value", "change"};
  CheckExampleFields(spec.examples, info.fields, id);
  // `where` compares a figure fact's numbers: its value, and its change when it has one.
  internal::CompiledRule numbers;
  for (const auto& [name, type] :
       {std::pair{"value", SlotType::kQuantity}, std::pair{"change", SlotType::kPercent}}) {
    auto& field = numbers.fields.emplace_back();
    field.name = name;
    field.type = type;
  }
  const bool where_failed = !CompileWhere(spec, &numbers);
  rule.where = std::move(numbers.where);
  if (spec.examples.empty()) {
    Warning("no-examples", rule.location, fmt::format("rule '{}' has no examples", id), id);
  }
  if (failed || where_failed || !spec.enabled) return;
  const int index = static_cast<int>(out->figure_rules.size());
  if (rule.label != nullptr) {
    out->labelled.back() = index;
  } else if (clause_indexed) {
    out->clause_indexed.back() = index;
  } else {
    out->unlabelled.push_back(index);
  }
  out->figure_rules.push_back(std::move(rule));
  out->info.push_back(std::move(info));
}

}  // namespace glean::rules
