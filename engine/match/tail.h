// The tails of the anchored matcher: what several rules share after their literal prefix, compiled
// once as a pattern of its own, with the bounds that let most positions be skipped, and the
// anchored set that says which tails can match at a position.
#ifndef GLEAN_ENGINE_MATCH_TAIL_H_
#define GLEAN_ENGINE_MATCH_TAIL_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "engine/match/capture_plan.h"
#include "engine/match/figure_anchors.h"
#include "engine/match/rule_scan.h"
#include "engine/rules/compiled_rule_set.h"

namespace glean::internal {

// What several rules share after their literal prefix (完成改厕 + `(\d+)户`, 新建改厕 + `(\d+)户`):
// run once at a position for all of them, and only where its first bytes can start a match.
struct Tail {
  std::unique_ptr<RE2> pattern;      // run anchored right after a literal
  std::optional<FigureTail> figure;  // when it has that shape: then matched by hand instead
  // When it is a sequence of simple pieces: its groups placed without RE2's capture engine.
  std::unique_ptr<CapturePlan> captures;
  // Bounds from RE2::PossibleMatchRange: every match is >= min and starts with a byte <= max_first.
  // An empty `min` means the tail may match the empty string, and then nothing is skipped.
  std::string min;
  unsigned char max_first = 0xFF;

  // When every match holds one of a few characters a bounded way in (the figure of
  // `(?P<crop>[\p{Han}]{2,4}?){area:quantity}`, after 、): positions with none of them within
  // reach are skipped.
  CharacterWindow needs;

  // Whether the tail's set (TailSet) may answer for it: not when an assertion could look at the
  // text before the tail's start, which the set does not see.
  bool in_set = false;

  bool MayMatchAt(std::string_view text, size_t at) const {
    if (!min.empty() && (at >= text.size() || static_cast<unsigned char>(text[at]) > max_first ||
                         text.compare(at, min.size(), min) < 0)) {
      return false;
    }
    return needs.FoundFrom(text, at);
  }
};

// All tails in one anchored set: one run at a position says which of them can match there, so
// of the many tails that may follow the literals ending at one place (个, 户, 人 … after a
// figure) only those that match are run for their captures.
struct TailSet {
  std::unique_ptr<RE2::Set> set;  // null when no tail is in it or it did not compile
  std::vector<int> tail_of;       // set index → tail
};

// The tail of one rule compiled as its own pattern, with the bounds that let most positions be
// skipped without running it. Null pattern when it does not compile alone.
Tail CompileTail(const CompiledRule& rule, std::string_view rest, CapturePlan::RestCache* rests);

// An assertion that may look before the tail's start: ^, \A, \b, \B (a ^ that negates a class
// does not count; a false alarm only keeps a tail out of the set).
bool MayLookBehind(std::string_view rest);

// Whether the tail set may answer for `tail`: a figure tail is matched by hand faster than the set
// would say whether it matches, and the set does not see the text before a tail's start.
bool SetMayAnswer(const Tail& tail);

// The set of the tails `wanted` (by tail) that it may answer for.
TailSet CompileTailSet(std::vector<Tail>* tails, const std::vector<bool>& wanted);

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_MATCH_TAIL_H_
