#include "engine/match/tail.h"

#include <utility>

#include "engine/match/pattern_pieces.h"

namespace glean::internal {

// The tail of one rule compiled as its own pattern, with the bounds that let most positions be
// skipped without running it. Null pattern when it does not compile alone.
Tail CompileTail(const CompiledRule& rule, std::string_view rest, CapturePlan::RestCache* rests) {
  Tail tail;
  RE2::Options options = rule.pattern->options();
  options.set_log_errors(false);
  tail.pattern = std::make_unique<RE2>(Piece(rest), options);
  if (!tail.pattern->ok()) {
    tail.pattern.reset();
    return tail;
  }
  if (options.case_sensitive() && !options.longest_match() &&
      tail.pattern->NumberOfCapturingGroups() == 1) {
    tail.figure = FigureTail::Read(rest);
  }
  // The pieces are read once, for the characters the tail needs and for its capture plan.
  std::optional<PatternPieces> pieces =
      PiecesApply(options) ? ReadPatternPieces(rest) : std::nullopt;
  if (pieces) tail.needs = WindowOf(*pieces, 0, rest);
  if (!tail.figure) tail.captures = CapturePlan::Plan(*tail.pattern, std::move(pieces), rests);
  std::string max;
  constexpr int kBoundBytes = 8;
  if (tail.pattern->PossibleMatchRange(&tail.min, &max, kBoundBytes) && !tail.min.empty() &&
      !max.empty()) {
    tail.max_first = static_cast<unsigned char>(max[0]);
  } else {
    tail.min.clear();
  }
  return tail;
}

// An assertion that may look before the tail's start: ^, \A, \b, \B (a ^ that negates a class
// does not count; a false alarm only keeps a tail out of the set).
bool MayLookBehind(std::string_view rest) {
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '\\' && i + 1 < rest.size()) {
      if (rest[i + 1] == 'b' || rest[i + 1] == 'B' || rest[i + 1] == 'A') return true;
      ++i;
    } else if (rest[i] == '^' && (i == 0 || rest[i - 1] != '[')) {
      return true;
    }
  }
  return false;
}

// Whether the tail set may answer for `tail`: a figure tail is matched by hand faster than the set
// would say whether it matches, and the set does not see the text before a tail's start.
bool SetMayAnswer(const Tail& tail) {
  return !tail.figure && !MayLookBehind(tail.pattern->pattern());
}

// The set of the tails `wanted` (by tail) that it may answer for.
TailSet CompileTailSet(std::vector<Tail>* tails, const std::vector<bool>& wanted) {
  TailSet result;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kSetMaxMem);
  auto set = std::make_unique<RE2::Set>(options, RE2::ANCHOR_START);
  for (size_t i = 0; i < tails->size(); ++i) {
    Tail& tail = (*tails)[i];
    if (!wanted[i] || !SetMayAnswer(tail)) continue;
    std::string error;
    if (set->Add(tail.pattern->pattern(), &error) < 0) continue;
    result.tail_of.push_back(static_cast<int>(i));
  }
  if (result.tail_of.empty() || !set->Compile()) return {};
  for (int tail : result.tail_of) (*tails)[static_cast<size_t>(tail)].in_set = true;
  result.set = std::move(set);
  return result;
}

}  // namespace glean::internal
