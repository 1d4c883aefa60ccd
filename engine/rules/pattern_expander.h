// Expands the rule language's extensions to RE2 syntax: `{name}` inserts a def, `{name:type}` a
// typed slot as a named group. Repetition braces (`\d{2,4}`), escaped braces and braces inside
// character classes stay as they are.
#ifndef GLEAN_ENGINE_RULES_PATTERN_EXPANDER_H_
#define GLEAN_ENGINE_RULES_PATTERN_EXPANDER_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "glean/value.h"

namespace glean::rules {

struct Slot {
  std::string name;
  SlotType type;
  std::string group;  // its RE2 group's name: `name`, or `name` + kRepeatedSlot + n for the nth
  size_t offset = 0;  // where it is in the pattern expanded (of the def reference, in a def)
};

// Joins a slot's name and its number in the group name of a slot name used again.
inline constexpr std::string_view kRepeatedSlot = "__";

struct ExpandOptions {
  bool allow_slots = false;  // true for a rule's pattern (and the defs it uses); false elsewhere
  // The pattern of `quantity` slots when the rule set declares units; empty: the built-in one.
  std::string_view quantity_pattern;
};

// A problem found while expanding, at a byte offset of the pattern being expanded.
struct ExpansionError {
  // "unknown-def", "unknown-slot-type", "def-cycle", "slot-in-def", "slot-name",
  // "pattern-too-large"
  std::string code;
  std::string message;
  size_t offset = 0;
};

struct Expansion {
  std::string pattern;      // RE2 syntax
  std::vector<Slot> slots;  // in order of appearance
  std::set<std::string> defs_used;
  std::vector<ExpansionError> errors;
};

// The most bytes a pattern may expand to. Defs that use other defs several times multiply: a
// 31-line file of such defs would expand past any memory. The largest stock rule expands to some
// 4 KB, and RE2 would refuse a program much larger than this limit at its default memory budget.
inline constexpr size_t kMaxExpandedPatternBytes = size_t{256} << 10;

// `defs` maps a def's name to its (normalized) pattern text; defs may refer to other defs, and hold
// slots when `options.allow_slots` (a rule's pattern; not `unless` or `within`, where a slot
// would capture nothing). A slot name used twice gives two groups, the second named with
// kRepeatedSlot: the caller decides whether that is one field (branches of an alternation).
// Expansion stops with a "pattern-too-large" error, at the outermost def being expanded, past
// kMaxExpandedPatternBytes.
Expansion ExpandPattern(std::string_view pattern, const std::map<std::string, std::string>& defs,
                        const ExpandOptions& options);

// The candidate closest to `word` by edit distance, when close enough to be a likely misspelling;
// empty otherwise.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace glean::rules

#endif  // GLEAN_ENGINE_RULES_PATTERN_EXPANDER_H_
