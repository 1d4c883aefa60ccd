// The rules stage's loader, shared by the files that read each part of a rule file: rule_loader.cc
// (files, defs, normalize, pattern rules), figure_rule_loader.cc (`figure:` rules) and
// rule_examples.cc (`examples:`). Internal: the public entry points are RuleSet::Load and
// RuleSet::LoadFromString.
#ifndef GLEAN_ENGINE_RULES_RULE_LOADER_H_
#define GLEAN_ENGINE_RULES_RULE_LOADER_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include "engine/normalize/normalizer.h"
#include "engine/rules/compiled_rule_set.h"
#include "engine/rules/pattern_expander.h"
#include "glean/diagnostic.h"
#include "glean/rule_set.h"

namespace glean::rules {

// One rule file's text, for turning yaml-cpp's 0-based byte marks into 1-based code-point columns.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
  }
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  SourceLocation At(const YAML::Mark& mark, size_t extra_bytes = 0) const {
    if (mark.line < 0 || static_cast<size_t>(mark.line) >= line_starts_.size()) {
      return {path_, mark.line + 1, mark.column + 1};
    }
    const size_t begin = line_starts_[mark.line];
    const size_t end = std::min(text_.size(), begin + mark.column + extra_bytes);
    int column = 1;
    for (size_t i = begin; i < end; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    }
    return {path_, mark.line + 1, column};
  }

  // The quote character a scalar starts with at `mark`, or 0 for a plain or block scalar.
  char QuoteAt(const YAML::Mark& mark) const {
    if (mark.line < 0 || static_cast<size_t>(mark.line) >= line_starts_.size()) return 0;
    const size_t at = line_starts_[mark.line] + mark.column;
    if (at >= text_.size()) return 0;
    return text_[at] == '\'' || text_[at] == '"' ? text_[at] : 0;
  }

 private:
  std::string path_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

// A YAML map's values by key, read in one pass. yaml-cpp's node["key"] walks the map making a
// string of every key, and builds an error text with a string stream for a key it does not
// find; a rule is asked for a dozen keys, most of them absent.
class MapKeys {
 public:
  explicit MapKeys(const YAML::Node& map) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (it->first.IsScalar()) entries_.emplace_back(it->first.Scalar(), it->second);
    }
  }
  // The value of the first entry with `key`, as node["key"] gives it: an undefined node when
  // there is none.
  YAML::Node operator[](std::string_view key) const {
    for (const auto& [name, value] : entries_) {
      if (name == key) return value;
    }
    return YAML::Node(YAML::NodeType::Undefined);
  }

 private:
  std::vector<std::pair<std::string, YAML::Node>> entries_;
};

// A string value from YAML with where it came from.
struct Located {
  std::string text;
  YAML::Mark mark;
  const SourceFile* file = nullptr;
  bool present = false;
};

struct FieldSpecYaml {
  std::string name;
  std::optional<SlotType> type;
  std::vector<Located> units;
  YAML::Mark mark;
};

// A rule's `figure:` map: each key a pattern or a list of alternatives.
struct FigureSpecYaml {
  bool present = false;
  Located label, clause, action;
  std::vector<Located> units;
  std::vector<FigureStatus> statuses;
};

struct RuleSpec {
  const SourceFile* file = nullptr;
  Located id, fact, pattern, unless, within, not_within;
  FigureSpecYaml figure;
  YAML::Mark mark;
  int priority = 0;
  bool fallback = false;
  bool enabled = true;
  std::vector<FieldSpecYaml> fields;
  std::vector<std::pair<Located, Located>> where;  // field name, condition as written
  YAML::Mark where_mark;
  std::vector<RuleExample> examples;
};

// Reads rule files into specs (ParseFile), then compiles them all at once (Compile), collecting
// every diagnostic on the way. One Loader loads one rule set; it is not reusable.
class Loader {
 public:
  Result<RuleSet> Load(const std::vector<std::string>& paths);
  Result<RuleSet> LoadText(const std::string& text, const std::string& name);

 private:
  void Error(const std::string& code, SourceLocation location, const std::string& message,
             const std::string& rule_id = "") {
    Diagnostic d = Diagnostic::Error(code, std::move(location), message);
    d.rule_id = rule_id;
    diagnostics_.push_back(std::move(d));
  }
  void Warning(const std::string& code, SourceLocation location, const std::string& message,
               const std::string& rule_id = "") {
    Diagnostic d = Diagnostic::Warning(code, std::move(location), message);
    d.rule_id = rule_id;
    diagnostics_.push_back(std::move(d));
  }

  void ParseFile(const SourceFile& file);
  void CheckKeys(const SourceFile& file, const YAML::Node& map,
                 const std::vector<std::string>& keys, const char* what);
  void ParseNormalize(const SourceFile& file, const YAML::Node& node);
  void ParseDefs(const SourceFile& file, const YAML::Node& node);
  void ParseDeclaredUnits(const SourceFile& file, const YAML::Node& node);
  // The fields of a pattern rule, from the groups of its compiled pattern or of the pattern that
  // stands in for it (`shape`); false after an error.
  bool BuildFields(const RuleSpec& spec, const Expansion& expansion, const RE2& shape,
                   const normalize::Normalizer& normalizer, internal::CompiledRule* rule);
  void ParseWhere(const SourceFile& file, const YAML::Node& node, RuleSpec* rule);
  // The rule's `where:` conditions on its fields (set in `rule`); false after an error.
  bool CompileWhere(const RuleSpec& spec, internal::CompiledRule* rule);
  // Diagnostics for fields that can never hold a value: a numeric plain group that takes plain
  // words (a warning: suggest type text), a slot followed by the character its type ends with.
  void CheckFieldsCanHoldValues(const RuleSpec& spec, const Expansion& expansion,
                                const internal::CompiledRule& rule);
  // Errors for a slot name used twice outside branches of one alternation, or with two types.
  bool CheckRepeatedSlots(const Located& pattern, const Expansion& expansion,
                          const std::string& rule_id);
  void ParseRule(const SourceFile& file, const YAML::Node& node);
  std::optional<std::string> Scalar(const SourceFile& file, const YAML::Node& node,
                                    const std::string& what);
  Located LocatedScalar(const SourceFile& file, const MapKeys& map, const char* key);
  // A `unit:` value, a unit or a list of units, appended to `units`.
  void ParseUnits(const SourceFile& file, const YAML::Node& node, const std::string& rule_id,
                  std::vector<Located>* units);
  // The units of a field or figure, normalized, each checked against the units there are;
  // `with_magnitude` allows a magnitude before the unit (亿元), as a figure rule does.
  std::vector<std::string> CheckedUnits(const std::vector<Located>& units, bool with_magnitude,
                                        const normalize::Normalizer& normalizer,
                                        const std::string& rule_id);
  void ParseExamples(const SourceFile& file, const YAML::Node& node, RuleSpec* rule);
  // Errors for example fields the rule does not have, with the closest of `fields`.
  void CheckExampleFields(const std::vector<RuleExample>& examples,
                          const std::vector<std::string>& fields, const std::string& rule_id);
  void ParseFigure(const SourceFile& file, const YAML::Node& node, RuleSpec* rule);
  void CompileFigureRule(RuleSpec& spec, const std::map<std::string, std::string>& defs,
                         const normalize::Normalizer& normalizer, internal::CompiledRuleSet* out,
                         std::set<std::string>* defs_used);
  Result<RuleSet> Compile();
  std::unique_ptr<RE2> CompileRegex(const std::string& expanded, const Located& source,
                                    const std::string& rule_id, const char* what);
  // Compiles a figure rule's label into `out`'s label index, which owns it; reports what
  // CompileRegex would. Null on error.
  const RE2* CompileLabel(const std::string& expanded, const Located& source,
                          const std::string& rule_id, internal::CompiledRuleSet* out);
  // The options every rule pattern is compiled with.
  static RE2::Options RegexOptions();
  SourceLocation PatternLocation(const Located& source, size_t offset) const;

  std::vector<std::unique_ptr<SourceFile>> files_;
  Diagnostics diagnostics_;
  std::vector<RuleSpec> rules_;
  std::map<std::string, std::string> defs_;
  std::map<std::string, SourceLocation> def_locations_;
  NormalizeOptions normalize_;
  std::map<std::string, std::pair<bool, SourceLocation>> normalize_set_;
  std::set<std::string> declared_units_;  // the words of every file's `units:`, normalized
  std::vector<DeclaredUnit> declared_;    // the same with their base units
  std::map<std::string, SourceLocation> unit_locations_;
  // Whether a slot of a type takes a character written after it itself ({x:money}元), by both.
  std::map<std::pair<SlotType, std::string>, bool> slot_swallows_;
};

}  // namespace glean::rules

#endif  // GLEAN_ENGINE_RULES_RULE_LOADER_H_
