// Loading a rule set: YAML files → rule specs → compiled rules. Every error of every file is
// collected before failing, each pointing at the YAML node it is about.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "engine/normalize/normalizer.h"
#include "engine/rules/pattern_expander.h"
#include "engine/rules/pattern_scan.h"
#include "engine/rules/rule_loader.h"
#include "engine/rules/slot_stand_in.h"
#include "engine/rules/unit_names.h"
#include "engine/rules/yaml_text.h"
#include "engine/source/directory_walk.h"
#include "engine/source/read_file.h"
#include "engine/source/utf8_validate.h"
#include "engine/values/unit_table.h"
#include "glean/rule_set.h"

namespace glean {

namespace rules {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kTopKeys = {"normalize", "defs", "units", "rules"};
const std::vector<std::string> kDeclaredUnitKeys = {"base", "factor"};
const std::vector<std::string> kRuleKeys = {
    "id",       "fact",     "pattern",     "figure", "fields",  "unless", "within",  "not_within",
    "priority", "examples", "description", "tags",   "enabled", "where",  "fallback"};
const std::vector<std::string> kFieldKeys = {"type", "unit"};
const std::vector<std::string> kNormalizeKeys = {"nfkc", "traditional_to_simplified", "drop_spaces",
                                                 "join_lines", "strip"};

// Numbers each rule's fact by its name's place among all the facts' names, so that facts are
// ordered by name (overlaps are resolved fact by fact) by comparing two numbers.
void SetFactOrder(internal::CompiledRuleSet* compiled) {
  std::vector<std::string_view> names;
  for (const internal::CompiledRule& rule : compiled->rules) names.push_back(rule.fact);
  for (const internal::FigureRule& rule : compiled->figure_rules) names.push_back(rule.fact);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  const auto order = [&](std::string_view fact) {
    return static_cast<int>(std::lower_bound(names.begin(), names.end(), fact) - names.begin());
  };
  for (internal::CompiledRule& rule : compiled->rules) rule.fact_order = order(rule.fact);
  for (internal::FigureRule& rule : compiled->figure_rules) rule.fact_order = order(rule.fact);
}

}  // namespace

void Loader::CheckKeys(const SourceFile& file, const YAML::Node& map,
                       const std::vector<std::string>& keys, const char* what) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar()) {
      Error("type", file.At(it->first.Mark()), fmt::format("{} keys must be names", what));
      continue;
    }
    const std::string key = it->first.Scalar();
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    const std::string hint = rules::ClosestMatch(key, keys);
    std::string allowed;
    for (const std::string& k : keys) allowed += (allowed.empty() ? "" : ", ") + k;
    Error("unknown-key", file.At(it->first.Mark()),
          hint.empty()
              ? fmt::format("unknown key '{}' in {} (allowed: {})", key, what, allowed)
              : fmt::format("unknown key '{}' in {} (did you mean '{}'?)", key, what, hint));
  }
}

std::optional<std::string> Loader::Scalar(const SourceFile& file, const YAML::Node& node,
                                          const std::string& what) {
  if (!node.IsScalar()) {
    Error("type", file.At(node.Mark()), fmt::format("{} must be a string", what));
    return std::nullopt;
  }
  return node.Scalar();
}

Located Loader::LocatedScalar(const SourceFile& file, const MapKeys& map, const char* key) {
  Located located;
  located.file = &file;
  const YAML::Node node = map[key];
  if (!node.IsDefined() || node.IsNull()) return located;
  located.mark = node.Mark();
  if (std::optional<std::string> text = Scalar(file, node, fmt::format("'{}'", key))) {
    located.text = *text;
    located.present = true;
  }
  return located;
}

void Loader::ParseUnits(const SourceFile& file, const YAML::Node& node, const std::string& rule_id,
                        std::vector<Located>* units) {
  const auto add = [&](const YAML::Node& unit) {
    if (!unit.IsScalar()) {
      Error("type", file.At(unit.Mark()), "a unit must be a word such as 户 or 亩", rule_id);
      return;
    }
    units->push_back({unit.Scalar(), unit.Mark(), &file, true});
  };
  if (node.IsScalar()) {
    add(node);
  } else if (node.IsSequence()) {
    for (const YAML::Node& unit : node) add(unit);
  } else {
    Error("type", file.At(node.Mark()), "'unit' must be a unit or a list of units", rule_id);
  }
}

std::vector<std::string> Loader::CheckedUnits(const std::vector<Located>& units,
                                              bool with_magnitude,
                                              const normalize::Normalizer& normalizer,
                                              const std::string& rule_id) {
  std::vector<std::string> normalized;
  for (const Located& unit : units) {
    normalized.push_back(normalizer.NormalizePattern(unit.text));
    // The figures stage reads the table's units only, so a declared unit names no figure.
    const std::string problem =
        UnknownUnit(normalized.back(), with_magnitude,
                    with_magnitude ? std::set<std::string>{} : declared_units_);
    if (!problem.empty()) Error("unknown-unit", PatternLocation(unit, 0), problem, rule_id);
  }
  return normalized;
}

void Loader::ParseDeclaredUnits(const SourceFile& file, const YAML::Node& node) {
  if (!node.IsMap()) {
    Error("type", file.At(node.Mark()),
          "'units' must be a map of unit: settings, such as {羽: {}, 担: {base: 斤, factor: 100}}");
    return;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    std::optional<std::string> word = Scalar(file, it->first, "a unit");
    if (!word) continue;
    const SourceLocation at = file.At(it->first.Mark());
    DeclaredUnit unit;
    unit.word = *word;
    const YAML::Node settings = it->second;
    if (settings.IsMap()) {
      CheckKeys(file, settings, kDeclaredUnitKeys, "a unit");
      const YAML::Node base = settings["base"], factor = settings["factor"];
      if (base.IsDefined() != factor.IsDefined()) {
        Error("type", file.At(settings.Mark()),
              fmt::format("unit '{}' needs both 'base' and 'factor' or neither", *word));
        continue;
      }
      if (base.IsDefined()) {
        std::optional<std::string> base_word = Scalar(file, base, "'base'");
        if (!base_word) continue;
        if (!UnknownUnit(*base_word, false, {}).empty()) {
          const std::string hint = ClosestUnit(*base_word, {});
          Error("unknown-unit", file.At(base.Mark()),
                fmt::format("the base of unit '{}' must be a unit of the table (docs/values.md), "
                            "not '{}'{}",
                            *word, *base_word,
                            hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
          continue;
        }
        std::optional<Decimal> number =
            factor.IsScalar() ? Decimal::Parse(factor.Scalar()) : std::nullopt;
        if (!number || number->mantissa() <= 0) {
          Error("type", file.At(factor.Mark()), "'factor' must be a positive number, such as 100");
          continue;
        }
        unit.base = *base_word;
        unit.factor = *number;
      }
    } else if (!settings.IsNull()) {
      Error("type", file.At(settings.Mark()),
            fmt::format("unit '{}' takes {{}} or {{base: …, factor: …}}", *word));
      continue;
    }
    if (UnknownUnit(unit.word, false, {}).empty()) {
      Error("duplicate-unit", at,
            fmt::format("'{}' is a unit of the table already; declare only units it lacks",
                        unit.word));
      continue;
    }
    auto [existing, inserted] = unit_locations_.emplace(unit.word, at);
    if (!inserted) {
      Error("duplicate-unit", at,
            fmt::format("unit '{}' is already declared at {}:{}:{}; units are shared by every "
                        "file of the rule set",
                        unit.word, existing->second.file, existing->second.line,
                        existing->second.column));
      continue;
    }
    declared_.push_back(std::move(unit));
  }
}

void Loader::ParseNormalize(const SourceFile& file, const YAML::Node& node) {
  if (!node.IsMap()) {
    Error("type", file.At(node.Mark()), "'normalize' must be a map of settings");
    return;
  }
  CheckKeys(file, node, kNormalizeKeys, "normalize");
  const std::pair<const char*, bool NormalizeOptions::*> flags[] = {
      {"nfkc", &NormalizeOptions::nfkc},
      {"traditional_to_simplified", &NormalizeOptions::traditional_to_simplified},
      {"drop_spaces", &NormalizeOptions::drop_spaces},
      {"join_lines", &NormalizeOptions::join_lines},
  };
  for (const auto& [key, member] : flags) {
    const YAML::Node value = node[key];
    if (!value.IsDefined()) continue;
    bool flag = false;
    if (!value.IsScalar() || !YAML::convert<bool>::decode(value, flag)) {
      Error("type", file.At(value.Mark()), fmt::format("'{}' must be true or false", key));
      continue;
    }
    auto [it, inserted] = normalize_set_.emplace(key, std::make_pair(flag, file.At(value.Mark())));
    if (!inserted && it->second.first != flag) {
      const SourceLocation& first = it->second.second;
      Error("normalize-conflict", file.At(value.Mark()),
            fmt::format("'{}: {}' conflicts with '{}: {}' at {}:{}:{}", key, flag, key,
                        it->second.first, first.file, first.line, first.column));
      continue;
    }
    normalize_.*member = flag;
  }
  const YAML::Node strip = node["strip"];
  if (strip.IsDefined()) {
    if (!strip.IsSequence()) {
      Error("type", file.At(strip.Mark()), "'strip' must be a list of patterns");
      return;
    }
    for (const YAML::Node& pattern : strip) {
      std::optional<std::string> text = Scalar(file, pattern, "a strip pattern");
      if (!text) continue;
      RE2::Options options;
      options.set_log_errors(false);
      RE2 re(*text, options);
      if (!re.ok()) {
        Error("regex", file.At(pattern.Mark(), file.QuoteAt(pattern.Mark()) ? 1 : 0),
              fmt::format("strip pattern does not compile: {}", re.error()));
        continue;
      }
      if (RE2::FullMatch("", re)) {
        Error("empty-match", file.At(pattern.Mark(), file.QuoteAt(pattern.Mark()) ? 1 : 0),
              "strip pattern can match the empty string; make it match some text");
        continue;
      }
      normalize_.strip.push_back(*text);
    }
  }
}

void Loader::ParseDefs(const SourceFile& file, const YAML::Node& node) {
  if (!node.IsMap()) {
    Error("type", file.At(node.Mark()), "'defs' must be a map of name: pattern");
    return;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string name = it->first.Scalar();
    std::optional<std::string> text = Scalar(file, it->second, fmt::format("def '{}'", name));
    if (!text) continue;
    const SourceLocation at = file.At(it->first.Mark());
    auto [existing, inserted] = def_locations_.emplace(name, at);
    if (!inserted) {
      const SourceLocation& first = existing->second;
      Error("duplicate-def", at,
            first.file == at.file
                ? fmt::format("def '{}' is already defined at {}:{}:{}", name, first.file,
                              first.line, first.column)
                : fmt::format("def '{}' is already defined at {}:{}:{}; defs are shared by every "
                              "file of the rule set, so give one of them another name",
                              name, first.file, first.line, first.column));
      continue;
    }
    defs_[name] = *text;
  }
}

void Loader::ParseRule(const SourceFile& file, const YAML::Node& node) {
  if (!node.IsMap()) {
    Error("type", file.At(node.Mark()), "a rule must be a map with at least 'id' and 'pattern'");
    return;
  }
  CheckKeys(file, node, kRuleKeys, "a rule");
  const MapKeys keys(node);
  RuleSpec rule;
  rule.file = &file;
  rule.mark = node.Mark();
  rule.id = LocatedScalar(file, keys, "id");
  rule.fact = LocatedScalar(file, keys, "fact");
  rule.pattern = LocatedScalar(file, keys, "pattern");
  rule.unless = LocatedScalar(file, keys, "unless");
  rule.within = LocatedScalar(file, keys, "within");
  rule.not_within = LocatedScalar(file, keys, "not_within");
  if (!rule.id.present) {
    Error("missing-key", file.At(node.Mark()), "rule has no 'id'");
    return;
  }
  if (const YAML::Node figure = keys["figure"]; figure.IsDefined()) {
    ParseFigure(file, figure, &rule);
  }
  if (!rule.pattern.present && !rule.figure.present) {
    Error("missing-key", file.At(node.Mark()), "rule has no 'pattern'", rule.id.text);
  } else if (rule.pattern.present && rule.figure.present) {
    Error("type", file.At(keys["figure"].Mark()),
          "a rule has either 'pattern' or 'figure', not both", rule.id.text);
  }
  if (!rule.fact.present) {
    Error("missing-key", file.At(node.Mark()), "rule has no 'fact' (the fact type it reports)",
          rule.id.text);
  }
  if (const YAML::Node priority = keys["priority"]; priority.IsDefined()) {
    if (!priority.IsScalar() || !YAML::convert<int>::decode(priority, rule.priority)) {
      Error("type", file.At(priority.Mark()), "'priority' must be a whole number", rule.id.text);
    }
  }
  if (const YAML::Node fallback = keys["fallback"]; fallback.IsDefined()) {
    if (!fallback.IsScalar() || !YAML::convert<bool>::decode(fallback, rule.fallback)) {
      Error("type", file.At(fallback.Mark()), "'fallback' must be true or false", rule.id.text);
    } else if (rule.fallback && !rule.figure.present) {
      Error("type", file.At(fallback.Mark()),
            "'fallback' applies to figure rules: a pattern rule's text is its own", rule.id.text);
    }
  }
  if (const YAML::Node enabled = keys["enabled"]; enabled.IsDefined()) {
    if (!enabled.IsScalar() || !YAML::convert<bool>::decode(enabled, rule.enabled)) {
      Error("type", file.At(enabled.Mark()), "'enabled' must be true or false", rule.id.text);
    }
  }
  if (const YAML::Node tags = keys["tags"]; tags.IsDefined() && !tags.IsSequence()) {
    Error("type", file.At(tags.Mark()), "'tags' must be a list", rule.id.text);
  }
  if (const YAML::Node fields = keys["fields"]; fields.IsDefined()) {
    if (!fields.IsMap()) {
      Error("type", file.At(fields.Mark()), "'fields' must be a map of field name: settings",
            rule.id.text);
    } else {
      for (auto it = fields.begin(); it != fields.end(); ++it) {
        FieldSpecYaml field;
        field.name = it->first.Scalar();
        field.mark = it->first.Mark();
        if (!it->second.IsMap()) {
          Error("type", file.At(it->second.Mark()),
                fmt::format("field '{}' must be a map such as {{unit: [户, 人]}}", field.name),
                rule.id.text);
          continue;
        }
        CheckKeys(file, it->second, kFieldKeys, "a field");
        const MapKeys settings(it->second);
        if (const YAML::Node type = settings["type"]; type.IsDefined()) {
          SlotType slot_type;
          if (!type.IsScalar() || !ParseSlotType(type.Scalar(), &slot_type)) {
            const std::string hint = rules::ClosestMatch(
                type.IsScalar() ? type.Scalar() : "",
                {"int", "number", "quantity", "money", "percent", "date", "year", "text"});
            Error("unknown-slot-type", file.At(type.Mark()),
                  fmt::format("unknown field type '{}'{}", type.IsScalar() ? type.Scalar() : "?",
                              hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)),
                  rule.id.text);
          } else {
            field.type = slot_type;
          }
        }
        if (const YAML::Node unit = settings["unit"]; unit.IsDefined()) {
          ParseUnits(file, unit, rule.id.text, &field.units);
        }
        rule.fields.push_back(std::move(field));
      }
    }
  }
  if (const YAML::Node where = keys["where"]; where.IsDefined()) ParseWhere(file, where, &rule);
  if (const YAML::Node examples = keys["examples"]; examples.IsDefined()) {
    ParseExamples(file, examples, &rule);
  }
  rules_.push_back(std::move(rule));
}

namespace {

// Errors for keys given twice in one map, at the second, in `node` and under it: yaml-cpp keeps
// both and a lookup finds only one, so the other would be dropped silently.
void CheckDuplicateKeys(const SourceFile& file, const YAML::Node& node, Diagnostics* errors) {
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) CheckDuplicateKeys(file, item, errors);
    return;
  }
  if (!node.IsMap()) return;
  std::map<std::string, YAML::Mark> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (it->first.IsScalar()) {
      auto [first, inserted] = seen.emplace(it->first.Scalar(), it->first.Mark());
      if (!inserted) {
        errors->push_back(Diagnostic::Error(
            "yaml", file.At(it->first.Mark()),
            fmt::format("duplicate key '{}': it is already given on line {} of this map; YAML "
                        "would keep only one of them",
                        it->first.Scalar(), first->second.line + 1)));
      }
    }
    CheckDuplicateKeys(file, it->second, errors);
  }
}

}  // namespace

void Loader::ParseFile(const SourceFile& file) {
  // Ids, fact names, units and example texts all reach the JSON output, which must stay UTF-8.
  const std::string& text = file.text();
  for (size_t at = source::IsValidUtf8(text) ? text.size() : 0; at < text.size();) {
    const size_t length = source::ValidSequenceLength(text, at);
    if (length == 0) {
      const size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
      const size_t begin = line_start == std::string::npos || at == 0 ? 0 : line_start + 1;
      const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
      Error("utf8",
            {file.path(), line,
             rules::CodePointColumn(std::string_view(text).substr(begin), at - begin)},
            fmt::format("rule file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8",
                        static_cast<unsigned char>(text[at])));
      return;
    }
    at += length;
  }
  Diagnostics syntax = rules::CheckYamlText(file.path(), file.text());
  if (!syntax.empty()) {
    diagnostics_.insert(diagnostics_.end(), syntax.begin(), syntax.end());
    return;
  }
  YAML::Node root;
  try {
    root = YAML::Load(file.text());
  } catch (const YAML::ParserException& error) {
    SourceLocation at = file.At(error.mark);
    std::string message =
        rules::PlainYamlError(file.text(), error.mark.line, error.msg, &at.column);
    Error("yaml", std::move(at), message);
    return;
  } catch (const YAML::Exception& error) {
    Error("yaml", {file.path(), 0, 0}, error.what());
    return;
  }
  if (root.IsNull()) {
    Warning("empty-file", {file.path(), 0, 0}, "rule file is empty");
    return;
  }
  if (!root.IsMap()) {
    Error("type", file.At(root.Mark()),
          "a rule file must be a map with 'rules' (and optionally 'defs', 'normalize')");
    return;
  }
  CheckDuplicateKeys(file, root, &syntax);
  if (!syntax.empty()) {
    diagnostics_.insert(diagnostics_.end(), syntax.begin(), syntax.end());
    return;
  }
  try {
    CheckKeys(file, root, kTopKeys, "a rule file");
    if (const YAML::Node normalize = root["normalize"]; normalize.IsDefined()) {
      ParseNormalize(file, normalize);
    }
    if (const YAML::Node defs = root["defs"]; defs.IsDefined()) ParseDefs(file, defs);
    if (const YAML::Node units = root["units"]; units.IsDefined()) ParseDeclaredUnits(file, units);
    if (const YAML::Node rules = root["rules"]; rules.IsDefined()) {
      if (!rules.IsSequence()) {
        Error("type", file.At(rules.Mark()), "'rules' must be a list of rules");
      } else {
        for (const YAML::Node& rule : rules) ParseRule(file, rule);
      }
    }
  } catch (const YAML::Exception& error) {
    // yaml-cpp throws on shapes we did not foresee; report rather than crash.
    Error("yaml", file.At(error.mark), error.msg);
  }
}

SourceLocation Loader::PatternLocation(const Located& source, size_t offset) const {
  // Columns inside a quoted scalar shift by the opening quote; escapes inside it are rare enough
  // in patterns that the column is taken as the byte offset in the value.
  const size_t quote = source.file->QuoteAt(source.mark) ? 1 : 0;
  return source.file->At(source.mark, quote + offset);
}

RE2::Options Loader::RegexOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(int64_t{8} << 20);  // RE2's default; each rule keeps its own DFA cache
  return options;
}

const RE2* Loader::CompileLabel(const std::string& expanded, const Located& source,
                                const std::string& rule_id, internal::CompiledRuleSet* out) {
  if (AnyByteEscape(expanded) == std::string::npos) {
    if (out->figure_labels == nullptr) {
      out->figure_labels = std::make_unique<internal::LabelIndex>(RegexOptions());
    }
    if (const RE2* label = out->figure_labels->Add(expanded)) return label;
  }
  // Compiled once more, only to say what is wrong.
  CompileRegex(expanded, source, rule_id, "'label'");
  return nullptr;
}

std::unique_ptr<RE2> Loader::CompileRegex(const std::string& expanded, const Located& source,
                                          const std::string& rule_id, const char* what) {
  const RE2::Options options = RegexOptions();
  if (AnyByteEscape(expanded) != std::string::npos) {
    const size_t at = AnyByteEscape(source.text);
    Error("regex", PatternLocation(source, at == std::string::npos ? 0 : at),
          fmt::format("{} uses \\C, which matches a single byte and can cut a character in two; "
                      "use . for any character",
                      what),
          rule_id);
    return nullptr;
  }
  auto re = std::make_unique<RE2>(expanded, options);
  if (re->ok()) return re;
  // RE2 names the fragment where it stopped; find it in what the analyst wrote. For an unclosed
  // group or class RE2 names the whole pattern, so point at the opening that is never closed.
  size_t offset = 0;
  const std::string& arg = re->error_arg();
  if (re->error_code() == RE2::ErrorMissingParen || re->error_code() == RE2::ErrorMissingBracket) {
    offset = UnclosedOpening(source.text, re->error_code() == RE2::ErrorMissingParen ? '(' : '[');
  } else if (!arg.empty()) {
    const size_t found = source.text.find(arg);
    if (found != std::string::npos) offset = found;
  }
  // Quote what the analyst wrote, not the expansion of their defs and slots.
  std::string message = re->error();
  if (!arg.empty() && source.text.find(arg) == std::string::npos) {
    const size_t at = message.rfind(arg);
    if (at != std::string::npos) message.replace(at, arg.size(), source.text.substr(offset));
  }
  Error("regex", PatternLocation(source, offset),
        fmt::format("{} does not compile: {}", what, message), rule_id);
  return nullptr;
}

Result<RuleSet> Loader::Compile() {
  Result<normalize::Normalizer> normalizer = normalize::Normalizer::Create(normalize_);
  if (!normalizer.ok()) {
    diagnostics_.insert(diagnostics_.end(), normalizer.diagnostics().begin(),
                        normalizer.diagnostics().end());
    return Result<RuleSet>::Failure(std::move(diagnostics_));
  }
  auto shared_normalizer =
      std::make_shared<const normalize::Normalizer>(std::move(normalizer).value());
  std::map<std::string, std::string> defs;
  for (const auto& [name, text] : defs_) defs[name] = shared_normalizer->NormalizePattern(text);

  auto compiled = std::make_shared<internal::CompiledRuleSet>();
  compiled->normalize = normalize_;
  compiled->normalizer = shared_normalizer;
  std::map<std::string, SourceLocation> ids;
  std::unordered_map<std::string, int> fact_types;  // fact name → CompiledRule::fact_type
  std::set<std::string> defs_used;
  std::vector<std::string> declared_words;
  for (DeclaredUnit& unit : declared_) {
    unit.word = shared_normalizer->NormalizePattern(unit.word);
    unit.base = shared_normalizer->NormalizePattern(unit.base);
    declared_units_.insert(unit.word);
    declared_words.push_back(unit.word);
  }
  compiled->declared_units = declared_;
  const std::string quantity_pattern = values::QuantityPatternWith(declared_words);
  SlotStandIns stand_ins(RegexOptions(), quantity_pattern);

  // Expands and compiles one optional filter expression (unless, within, not_within).
  auto compile_filter = [&](const Located& source, const std::string& rule_id,
                            const char* what) -> std::unique_ptr<RE2> {
    if (!source.present) return nullptr;
    rules::Expansion expansion = rules::ExpandPattern(
        shared_normalizer->NormalizePattern(source.text), defs, {false, quantity_pattern});
    defs_used.insert(expansion.defs_used.begin(), expansion.defs_used.end());
    for (const rules::ExpansionError& e : expansion.errors) {
      Error(e.code, PatternLocation(source, e.offset), e.message, rule_id);
    }
    if (!expansion.errors.empty()) return nullptr;
    std::unique_ptr<RE2> re = CompileRegex(expansion.pattern, source, rule_id, what);
    if (re != nullptr && RE2::FullMatch("", *re)) {
      // An empty match is found in any text: `unless: 'x*'` would silence the rule everywhere.
      Error("empty-match", PatternLocation(source, 0),
            fmt::format("{} can match the empty string, so it holds for any text; make it match "
                        "some text",
                        what),
            rule_id);
      return nullptr;
    }
    return re;
  };

  for (RuleSpec& spec : rules_) {
    const std::string& id = spec.id.text;
    const SourceLocation id_at = spec.file->At(spec.id.mark);
    // A duplicate is still compiled: its other mistakes belong in the same run's report.
    bool duplicate = false;
    if (auto [it, inserted] = ids.emplace(id, id_at); !inserted) {
      Error("duplicate-id", id_at,
            fmt::format("rule id '{}' is already used at {}:{}:{}", id, it->second.file,
                        it->second.line, it->second.column),
            id);
      duplicate = true;
    }
    if (spec.figure.present && !spec.pattern.present) {
      if (!duplicate) {
        CompileFigureRule(spec, defs, *shared_normalizer, compiled.get(), &defs_used);
      }
      continue;
    }
    if (!spec.pattern.present) continue;
    internal::CompiledRule rule;
    rule.id = id;
    rule.fact = spec.fact.present ? spec.fact.text : id;
    rule.location = id_at;
    rule.priority = spec.priority;

    rules::Expansion expansion = rules::ExpandPattern(
        shared_normalizer->NormalizePattern(spec.pattern.text), defs, {true, quantity_pattern});
    defs_used.insert(expansion.defs_used.begin(), expansion.defs_used.end());
    for (const rules::ExpansionError& e : expansion.errors) {
      Error(e.code, PatternLocation(spec.pattern, e.offset), e.message, id);
    }
    bool duplicate_slot = false;
    std::set<std::string> slot_names;
    for (const std::string& name : NamedGroups(expansion.pattern)) {
      if (slot_names.insert(name).second) continue;
      Error("duplicate-field",
            PatternLocation(spec.pattern, SecondCapture(spec.pattern.text, name)),
            fmt::format("field '{}' is captured twice; give each slot or group its own name", name),
            id);
      duplicate_slot = true;
    }
    if (!CheckRepeatedSlots(spec.pattern, expansion, id)) duplicate_slot = true;
    rule.unless = compile_filter(spec.unless, id, "'unless'");
    rule.within = compile_filter(spec.within, id, "'within'");
    rule.not_within = compile_filter(spec.not_within, id, "'not_within'");
    if (!expansion.errors.empty() || duplicate_slot) continue;
    rule.expanded_pattern = expansion.pattern;
    // A pattern with slots is checked through its stand-in and compiled when it first runs: a run
    // over a few reports runs a fraction of the rules, and the split ones never run whole.
    std::unique_ptr<RE2> checked = stand_ins.StandIn(expansion);
    std::unique_ptr<RE2> full;
    if (checked == nullptr) {
      full = CompileRegex(expansion.pattern, spec.pattern, id, "pattern");
      if (full == nullptr) continue;
    }
    const RE2& shape = checked != nullptr ? *checked : *full;
    if (RE2::FullMatch("", shape)) {
      Error("empty-match", PatternLocation(spec.pattern, 0),
            "pattern can match the empty string, which would report a fact everywhere", id);
      continue;
    }
    rule.group_count = shape.NumberOfCapturingGroups();
    rule.pattern = full != nullptr ? std::make_unique<internal::DeferredRegex>(std::move(full))
                                   : std::make_unique<internal::DeferredRegex>(expansion.pattern,
                                                                               RegexOptions());

    const bool fields_built = BuildFields(spec, expansion, shape, *shared_normalizer, &rule);
    if (fields_built) CheckFieldsCanHoldValues(spec, expansion, rule);
    if (!fields_built || !CompileWhere(spec, &rule) || duplicate) {
      continue;
    }

    RuleInfo info;
    info.id = id;
    info.fact = rule.fact;
    info.location = id_at;
    info.examples = spec.examples;
    for (const internal::FieldSpec& field : rule.fields) {
      if (std::find(info.fields.begin(), info.fields.end(), field.name) == info.fields.end()) {
        info.fields.push_back(field.name);
      }
    }
    CheckExampleFields(spec.examples, info.fields, id);
    if (spec.examples.empty()) {
      Warning("no-examples", id_at, fmt::format("rule '{}' has no examples", id), id);
    } else if (std::all_of(spec.examples.begin(), spec.examples.end(),
                           [](const RuleExample& e) { return e.expect.empty(); })) {
      Warning("no-positive-example", id_at,
              fmt::format("rule '{}' has only examples that expect no fact", id), id);
    }
    if (!spec.enabled) continue;
    rule.fact_type =
        fact_types.emplace(rule.fact, static_cast<int>(fact_types.size())).first->second;
    compiled->rules.push_back(std::move(rule));
    compiled->info.push_back(std::move(info));
  }
  if (compiled->figure_labels != nullptr) compiled->figure_labels->Compile();
  if (compiled->figure_clauses != nullptr) compiled->figure_clauses->Compile();
  compiled->figure_units = internal::UnitStatusIndex(compiled->figure_rules);
  SetFactOrder(compiled.get());
  compiled->labelled_set = compiled->figure_units.SetOf(compiled->labelled);
  compiled->clause_indexed_set = compiled->figure_units.SetOf(compiled->clause_indexed);
  for (const auto& [name, at] : def_locations_) {
    if (!defs_used.count(name))
      Warning("unused-def", at, fmt::format("def '{}' is never used", name));
  }
  if (HasErrors(diagnostics_)) return Result<RuleSet>::Failure(std::move(diagnostics_));
  return Result<RuleSet>(internal::MakeRuleSet(std::move(compiled)), std::move(diagnostics_));
}

Result<RuleSet> Loader::Load(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      Error("io", {path, 0, 0}, "no such file or directory");
      continue;
    }
    if (fs::is_directory(status)) {
      source::DirectoryWalk walk = source::WalkDirectory(path, {".yaml", ".yml"});
      diagnostics_.insert(diagnostics_.end(), walk.diagnostics.begin(), walk.diagnostics.end());
      if (walk.files.empty() && !HasErrors(walk.diagnostics)) {
        Error("no-rules-found", {path, 0, 0}, "directory holds no *.yaml or *.yml rule files");
      }
      files.insert(files.end(), walk.files.begin(), walk.files.end());
    } else {
      files.push_back(path);
    }
  }
  for (const std::string& path : files) {
    std::string text;
    // A rule file is a few KB; the limit stops a device such as /dev/zero given as one.
    constexpr size_t kMaxRuleFileBytes = size_t{16} << 20;
    bool too_large = false;
    if (!source::ReadWholeFile(path, &text, kMaxRuleFileBytes, &too_large)) {
      Error("io", {path, 0, 0},
            too_large ? "rule file is larger than 16 MB; not read" : "cannot read rule file");
      continue;
    }
    files_.push_back(std::make_unique<SourceFile>(path, std::move(text)));
    ParseFile(*files_.back());
  }
  return Compile();
}

Result<RuleSet> Loader::LoadText(const std::string& text, const std::string& name) {
  files_.push_back(std::make_unique<SourceFile>(name, text));
  ParseFile(*files_.back());
  return Compile();
}

}  // namespace rules

namespace internal {
RuleSet MakeRuleSet(std::shared_ptr<const CompiledRuleSet> compiled) {
  return RuleSetAccess::Make(std::move(compiled));
}
}  // namespace internal

RuleSet::RuleSet(std::shared_ptr<const internal::CompiledRuleSet> compiled)
    : compiled_(std::move(compiled)) {}

Result<RuleSet> RuleSet::Load(const std::vector<std::string>& paths) {
  return rules::Loader().Load(paths);
}

Result<RuleSet> RuleSet::LoadFromString(const std::string& yaml, const std::string& file_name) {
  return rules::Loader().LoadText(yaml, file_name);
}

size_t RuleSet::size() const { return compiled_->rules.size() + compiled_->figure_rules.size(); }
const std::vector<RuleInfo>& RuleSet::rules() const { return compiled_->info; }
const NormalizeOptions& RuleSet::normalize_options() const { return compiled_->normalize; }

}  // namespace glean
