// Where a match's capture groups lie, found with RE2's DFA alone.
//
// RE2 finds where a leftmost-first match starts and ends with its DFAs in tens of nanoseconds,
// but placing the capture groups takes a backtracking engine over the matched text, and for a
// pattern with a value slot (hundreds of instructions: numerals, ranges, units) that costs about
// a microsecond per match, most of what a stock rule's match costs. Most patterns, and most
// rules' tails after their literal, are a sequence of simple pieces (literals, optional
// alternatives of literals, a repeated class) that ends in any piece, often the slot itself:
// `(?P<crop>[\p{Han}]{2,4}?)(?P<area>…)`, `(?:(?:共计|累计|…)?)(?P<count>…)`. Such a pattern is
// split piece by piece. A leftmost-first match takes, for its first piece, the first way (in the
// order the regex prefers them) after which the rest of the pattern can match at all; that
// way's rest then ends where the whole match ends. So with the match's bounds known, each
// piece's ends are tried in the order the regex prefers them, and the first after which the rest
// matches exactly up to the end (a DFA question) is the one the match takes. The last piece runs
// to the end, whatever it is.
#ifndef GLEAN_ENGINE_MATCH_CAPTURE_PLAN_H_
#define GLEAN_ENGINE_MATCH_CAPTURE_PLAN_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "engine/match/matcher.h"
#include "engine/match/pattern_pieces.h"
#include "engine/rules/deferred_regex.h"

namespace glean::internal {

class CapturePlan {
 public:
  // The rests of patterns (what follows a piece), compiled once for all the plans of a rule set:
  // many rules end in the same slot. Each is compiled the first time a plan asks it, so a rule
  // that never matches costs no compile. Must outlive the plans made with it.
  class RestCache {
   public:
    // The rest, compiled on first use; a plan whose rest does not compile leaves its groups to
    // RE2.
    const DeferredRegex* Get(std::string_view rest, const RE2::Options& options);

   private:
    std::map<std::string, std::unique_ptr<DeferredRegex>, std::less<>> rests_;
  };

  // The plan for `pattern`, or null when it is not such a sequence or has no capture group.
  // Rests are compiled into `rests`, or into the plan's own cache when it is null.
  static std::unique_ptr<CapturePlan> Plan(const RE2& pattern, RestCache* rests = nullptr);
  // The same with the pieces already read off the pattern's text (ReadPatternPieces), for callers
  // that read them for other questions too.
  static std::unique_ptr<CapturePlan> Plan(const RE2& pattern, std::optional<PatternPieces> pieces,
                                           RestCache* rests);
  // The same for a pattern not compiled yet (DeferredRegex): REQUIRES: it compiles with `options`
  // and has `group_count` capture groups.
  static std::unique_ptr<CapturePlan> Plan(std::string_view pattern, const RE2::Options& options,
                                           int group_count, std::optional<PatternPieces> pieces,
                                           RestCache* rests);

  ~CapturePlan();

  // Patterns with more groups are not planned.
  static constexpr int kMaxGroups = 16;

  int group_count() const { return group_count_; }

  // Writes the spans of capture groups 1 … group_count() into `groups`, for the leftmost-first
  // match of the pattern that starts at `at` in `text` and ends at `end`. REQUIRES: that is the
  // match RE2 finds anchored at `at` (or searching, when it starts at `at`). False when a repeated
  // piece runs longer than the plan follows, or a rest does not compile; then some groups may be
  // written, and RE2 places them all. Thread-safe.
  bool Place(std::string_view text, size_t at, size_t end, Span* groups) const;

  struct Piece;

 private:
  CapturePlan() = default;

  std::vector<Piece> pieces_;
  int group_count_ = 0;
  std::unique_ptr<RestCache> own_rests_;
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_MATCH_CAPTURE_PLAN_H_
