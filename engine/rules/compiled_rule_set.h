// The compiled form of a rule set, shared read-only by every engine and thread that uses it.
//
// Produced by the rules stage (YAML → RuleSpec → CompiledRule); read by match, resolve and values.
#ifndef GLEAN_ENGINE_RULES_COMPILED_RULE_SET_H_
#define GLEAN_ENGINE_RULES_COMPILED_RULE_SET_H_

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "engine/normalize/normalizer.h"
#include "engine/rules/deferred_regex.h"
#include "engine/rules/label_index.h"
#include "engine/rules/unit_status_index.h"
#include "glean/diagnostic.h"
#include "glean/figure.h"
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

// One condition of a rule's `where:` on a field's number: `growth: '< 100'`, `area: '>= 1万亩'`.
struct FieldCondition {
  enum class Op { kLess, kLessEqual, kGreater, kGreaterEqual, kEqual, kNotEqual };
  std::string field;
  Op op = Op::kEqual;
  Decimal value;                       // magnitude folded (1万 → 10000)
  std::string unit;                    // empty: the field's number is compared whatever its unit
  std::optional<Canonical> canonical;  // `value` in its canonical unit, when `unit` has one
};

struct CompiledRule {
  std::string id;
  std::string fact;
  int fact_type = 0;   // one number per distinct `fact`, from 0, for grouping matches by type
  int fact_order = 0;  // the place of `fact` among the names of both forms' facts, sorted
  SourceLocation location;
  int priority = 0;
  std::string expanded_pattern;  // defs and slots expanded, normalized: what RE2 compiles
  // Compiled the first time it runs (most rules run only their tail, engine/match/tail.h); it is
  // known to compile.
  std::unique_ptr<DeferredRegex> pattern;
  int group_count = 0;  // the pattern's capture groups, known before it is compiled
  std::vector<FieldSpec> fields;
  std::vector<FieldCondition> where;  // all must hold for a match to stand
  std::unique_ptr<RE2> unless;        // null when absent; tested against the match's sentence
  std::unique_ptr<RE2> within;        // null when absent; some heading on the path must match
  std::unique_ptr<RE2> not_within;    // null when absent; no heading on the path may match
};

// A figure rule (`figure:`): names figures of the figures stage instead of matching text. Each
// member that is set must hold for a figure; unset ones take any.
struct FigureRule {
  std::string id;
  std::string fact;
  int fact_order = 0;  // as a pattern rule's
  SourceLocation location;
  const RE2* label = nullptr;   // partial match on the figure's label; owned by the rule
                                // set's figure_labels
  PresencePattern clause;  // partial match on its clause
  PresencePattern action;  // partial match on its action
  std::vector<std::string> units;  // the unit (户, 元) or the unit with its magnitude (亿元)
  std::vector<FigureStatus> statuses;
  std::vector<FieldCondition> where;                // on the fields `value` and `change`
  PresencePattern unless, within, not_within;  // as for pattern rules
  int priority = 0;                            // as for pattern rules
  // A broad rule: its fact stands only on a figure no other rule's fact covers.
  bool fallback = false;
};

struct CompiledRuleSet {
  std::vector<CompiledRule> rules;  // pattern rules, in load order (files sorted by path, rules in
                                    // file order)
  std::vector<FigureRule> figure_rules;  // figure rules, in load order
  // The label patterns of the figure rules that have one, indexed: a figure's label is asked
  // once whatever the number of rules. Its indexes are those of `labelled`.
  std::unique_ptr<LabelIndex> figure_labels;
  // Figure rules with a label, by their label's index in figure_labels; -1 for a label whose
  // rule was not kept (disabled, or with an error elsewhere).
  std::vector<int> labelled;
  // The clause patterns of the figure rules without a label, indexed the same way, so that a
  // rule named by its clause alone is not tried on every figure; -1 as in `labelled`.
  std::unique_ptr<LabelIndex> figure_clauses;
  std::vector<int> clause_indexed;
  std::vector<int> unlabelled;               // figure rules with neither, tried on every figure
  std::vector<RuleInfo> info;                // every rule's, in load order
  std::vector<DeclaredUnit> declared_units;  // every file's `units:`, normalized
  NormalizeOptions normalize;
  // Compiled from `normalize` when the rules loaded (it folded their patterns); engines reuse it
  // for documents, so its tables are built once per rule set.
  std::shared_ptr<const normalize::Normalizer> normalizer;
  // Which figure rules take a figure's unit and status: asked once per figure, before any label.
  UnitStatusIndex figure_units;
  // The rules of `labelled` and of `clause_indexed` as its sets: an index none of whose rules
  // take a figure is not asked.
  UnitStatusIndex::Rules labelled_set, clause_indexed_set;
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
