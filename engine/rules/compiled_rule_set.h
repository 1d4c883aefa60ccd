// The compiled form of a rule set, shared read-only by every engine and thread that uses it.
//
// Produced by the rules stage (YAML → RuleSpec → CompiledRule); read by match, resolve and values.
#ifndef GLEAN_ENGINE_RULES_COMPILED_RULE_SET_H_
#define GLEAN_ENGINE_RULES_COMPILED_RULE_SET_H_

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "engine/normalize/normalizer.h"
#include "glean/diagnostic.h"
#include "glean/options.h"
#include "glean/rule_set.h"
#include "glean/value.h"

namespace glean::internal {

// A capture group of a rule's pattern that becomes a field.
struct FieldSpec {
  std::string name;
  SlotType type = SlotType::kNumber;
  int group = 0;                   // 1-based RE2 capture group index
  std::vector<std::string> units;  // allowed units (normalized); empty: any
};

struct CompiledRule {
  std::string id;
  std::string fact;
  int fact_type = 0;  // one number per distinct `fact`, from 0, for grouping matches by type
  SourceLocation location;
  int priority = 0;
  std::string expanded_pattern;  // defs and slots expanded, normalized: what RE2 compiled
  std::unique_ptr<RE2> pattern;
  std::vector<FieldSpec> fields;
  std::unique_ptr<RE2> unless;      // null when absent; tested against the match's sentence
  std::unique_ptr<RE2> within;      // null when absent; some heading on the path must match
  std::unique_ptr<RE2> not_within;  // null when absent; no heading on the path may match
};

struct CompiledRuleSet {
  std::vector<CompiledRule> rules;  // in load order (files sorted by path, rules in file order)
  std::vector<RuleInfo> info;       // parallel to `rules`
  NormalizeOptions normalize;
  // Compiled from `normalize` when the rules loaded (it folded their patterns); engines reuse it
  // for documents, so its tables are built once per rule set.
  std::shared_ptr<const normalize::Normalizer> normalizer;
};

class RuleSetAccess {
 public:
  static RuleSet Make(std::shared_ptr<const CompiledRuleSet> compiled) {
    return RuleSet(std::move(compiled));
  }
};

RuleSet MakeRuleSet(std::shared_ptr<const CompiledRuleSet> compiled);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RULES_COMPILED_RULE_SET_H_
