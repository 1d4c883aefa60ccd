// Checking a rule's pattern without compiling its slots. A slot's pattern (a quantity's is 1,200
// bytes of numerals, ranges and units) is most of what RE2 compiles for a rule, and it is the same
// in every rule. What loading asks of a pattern itself (does it compile, which groups does it
// have, can it match the empty string) the pattern answers just as well with each slot's body
// replaced by one character, which compiles in a tenth of the time; the whole pattern is then
// compiled when it first runs (DeferredRegex).
#ifndef GLEAN_ENGINE_RULES_SLOT_STAND_IN_H_
#define GLEAN_ENGINE_RULES_SLOT_STAND_IN_H_

#include <map>
#include <memory>
#include <string>

#include <re2/re2.h>

#include "engine/rules/pattern_expander.h"

namespace glean::rules {

// One per load: it keeps what it learnt of each slot body. Not thread-safe.
class SlotStandIns {
 public:
  // Rule patterns are compiled with `options`; `quantity_pattern` is what a quantity slot expands
  // to in this rule set.
  SlotStandIns(const RE2::Options& options, std::string quantity_pattern)
      : options_(options), quantity_pattern_(std::move(quantity_pattern)) {}

  // The expanded pattern with every slot's body replaced by one character, compiled, when it
  // answers for the pattern itself: it compiles exactly when the pattern does, has the same
  // groups under the same numbers, and matches the empty string exactly when the pattern does.
  // Null when only the pattern itself can tell: no slot; a \C; a counted repetition of a group
  // (RE2 limits repetitions nested in one another, and a slot body holds some); a stand-in that
  // does not compile (the pattern is then compiled to say why, in its own words); or a program
  // that could come near RE2's size limit.
  std::unique_ptr<RE2> StandIn(const Expansion& expansion);

 private:
  struct Body {
    bool stands = false;   // no capture group, never empty, compiles
    int program_size = 0;  // RE2's instructions
  };
  const Body& BodyOf(const std::string& body);

  RE2::Options options_;
  std::string quantity_pattern_;
  std::map<std::string, Body> bodies_;
};

}  // namespace glean::rules

#endif  // GLEAN_ENGINE_RULES_SLOT_STAND_IN_H_
