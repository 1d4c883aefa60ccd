// A rule set: every rule of a set of YAML rule files, validated and compiled once.
#ifndef GLEAN_RULE_SET_H_
#define GLEAN_RULE_SET_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "glean/diagnostic.h"
#include "glean/options.h"
#include "glean/result.h"

namespace glean {

namespace internal {
struct CompiledRuleSet;
class RuleSetAccess;
}  // namespace internal

// What one example expects of one field. Unset members are not compared.
struct ExpectedField {
  std::optional<std::string> value;  // compared numerically when both sides are numbers
  std::optional<std::string> unit;
  std::optional<std::string> approx;  // "more", "less", "about", "" for exact
  std::optional<std::string> min;
  std::optional<std::string> max;
  bool absent = false;      // `field: null`: the fact must not have this field
  SourceLocation location;  // of the field's name in the example
};

// An inline example of a rule: the facts `text` must give, in order.
struct RuleExample {
  std::string text;
  std::vector<std::map<std::string, ExpectedField>> expect;  // empty: the text gives no fact
  SourceLocation location;                                   // of the example's `text` node
  // `todo: true`: a known miss. It is reported but does not fail while it fails, and fails once
  // it passes (so that the marker is removed).
  bool todo = false;
};

// What the rule set tells about one rule, for tools such as `extract test`.
struct RuleInfo {
  std::string id;
  std::string fact;
  SourceLocation location;  // of the rule's `id` node
  std::vector<RuleExample> examples;
  std::vector<std::string> fields;  // the names of the fields its facts carry, in order
};

// A RuleSet is immutable after loading and safe to share across threads; copies share one compiled
// form, so copying is cheap. Loading validates every pattern; some are compiled only when first
// run, once, whichever thread runs them first.
class RuleSet {
 public:
  // Loads every `*.yaml`/`*.yml` file under `paths` (files or directories, searched recursively,
  // in sorted order). Collects every error of every file before failing; warnings (a rule with no
  // examples, an unused def) come back with a successful result.
  static Result<RuleSet> Load(const std::vector<std::string>& paths);

  // Loads one rule file's text; `file_name` is used in diagnostics.
  static Result<RuleSet> LoadFromString(const std::string& yaml, const std::string& file_name);

  size_t size() const;
  const std::vector<RuleInfo>& rules() const;
  const NormalizeOptions& normalize_options() const;

  // For the engine.
  const internal::CompiledRuleSet& compiled() const { return *compiled_; }

 private:
  friend class internal::RuleSetAccess;  // the loader builds rule sets from compiled rules
  explicit RuleSet(std::shared_ptr<const internal::CompiledRuleSet> compiled);
  std::shared_ptr<const internal::CompiledRuleSet> compiled_;
};

// A JSON Schema (draft 2020-12) of the rule file format, for editors' YAML support.
std::string RuleFileJsonSchema();

}  // namespace glean

#endif  // GLEAN_RULE_SET_H_
