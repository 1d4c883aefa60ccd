// What the matchers share: running one rule's pattern and placing its groups, a window of the
// characters a match needs, and the set prefilter over rules without a literal prefix. The
// reference matcher is made of these alone; the anchored matcher calls them where a literal or a
// gate word lets a rule run.
#ifndef GLEAN_ENGINE_MATCH_RULE_SCAN_H_
#define GLEAN_ENGINE_MATCH_RULE_SCAN_H_

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "engine/match/capture_plan.h"
#include "engine/match/matcher.h"
#include "engine/match/pattern_pieces.h"
#include "engine/rules/compiled_rule_set.h"
#include "engine/source/utf8.h"
#include "glean/result.h"

namespace glean::internal {

inline constexpr size_t kUnset = std::string_view::npos;

// RE2::Set silently falls back to a crawl when its DFA runs out of memory; a budget sized for
// thousands of rules keeps it on the fast path, and Find falls back to running every rule if the
// budget is still exceeded.
inline constexpr int64_t kSetMaxMem = int64_t{1} << 30;

inline re2::StringPiece Piece(std::string_view text) {
  return re2::StringPiece(text.data(), text.size());
}

// Where a capture group lies in `text`; {npos, npos} for a group that did not take part.
inline Span SpanOf(const re2::StringPiece& group, std::string_view text) {
  if (group.data() == nullptr) return {kUnset, kUnset};
  const auto begin = static_cast<size_t>(group.data() - text.data());
  return {begin, begin + group.size()};
}

// Appends the spans of `pattern`'s groups 0 … n (0 the whole match) to `spans` for its match from
// `position` (anchored there, or searching onwards) in text[0, end); false, with `spans` as it
// was, for no match. With a plan, RE2's DFAs find where the match lies and the plan places the
// groups; RE2's capture engine places them otherwise, or when the plan cannot.
bool MatchGroups(const RE2& pattern, const CapturePlan* plan, std::string_view text,
                 size_t position, size_t end, RE2::Anchor anchor,
                 std::vector<re2::StringPiece>* groups, std::vector<Span>* spans);

// Appends `rule`'s candidate over `span`, each field taking the span of its group in `groups`.
inline void AddCandidate(const CompiledRule& rule, int index, Span span, const Span* groups,
                         Candidates* out) {
  out->list.push_back({index, span, out->captures.size()});
  for (const FieldSpec& field : rule.fields) {
    out->captures.push_back(groups[static_cast<size_t>(field.group)]);
  }
}

// Runs `rule` from `position` (anchored there, or searching onwards, within text[0, end)) and
// appends the match, if any; `groups` and `spans` are working memory. Returns the position the
// next search of this rule may start from, or kUnset for no match.
size_t MatchOnce(const CompiledRule& rule, int index, std::string_view text, size_t position,
                 RE2::Anchor anchor, std::vector<re2::StringPiece>* groups,
                 std::vector<Span>* spans, Candidates* out, const CapturePlan* plan = nullptr,
                 size_t end = kUnset);

// Every match of each of `rules` in the text up to `end`, leftmost-first and non-overlapping, as
// RE2 finds them one after another. `plans`, when given, holds each rule's capture plan or null.
// A smaller `end` gives the same matches only when no match reaches past it.
void ScanRules(const CompiledRuleSet& set, const std::vector<int>& rules, std::string_view text,
               Candidates* out, const std::vector<std::unique_ptr<CapturePlan>>* plans = nullptr,
               size_t end = kUnset);

// Characters one of which starts within reach of a place wherever a match goes on from there
// (RequiredCharacters, as the pattern pieces tell them), kept so that asking costs a few
// instructions a character.
class CharacterWindow {
 public:
  CharacterWindow() = default;
  // `reach_before` more bytes are allowed before the characters than `required` says.
  explicit CharacterWindow(RequiredCharacters required, size_t reach_before = 0)
      : characters_(std::move(required.characters)), within_(required.max_before + reach_before) {
    for (uint32_t character : characters_) low_.set(character & 0xFF);
  }

  // Whether one of the characters starts in text[at, at + within]; true when there are none to
  // look for.
  bool FoundFrom(std::string_view text, size_t at) const {
    if (characters_.empty()) return true;
    const size_t last = std::min(text.size(), at + within_ + 1);
    for (size_t p = at; p < last;) {
      size_t length = 1;
      const uint32_t character = source::DecodeUtf8At(text, p, &length);
      // By the low eight bits first: most characters are turned away without the search.
      if (low_[character & 0xFF] &&
          std::binary_search(characters_.begin(), characters_.end(), character)) {
        return true;
      }
      p += length;
    }
    return false;
  }

 private:
  std::vector<uint32_t> characters_;  // code points, in order
  size_t within_ = 0;
  std::bitset<256> low_;
};

// What the pieces from `first` on need, when they say of some characters: at most a few dozen
// (the figures and words a value starts with), which keeps the test short.
CharacterWindow WindowOf(const PatternPieces& pieces, size_t first, std::string_view pattern);

// What a match of `pattern` (read as `pieces`) needs after its first piece, asked from the
// match's start: WindowOf the pieces after the first, reaching over the first's longest word.
// Asks nothing when the first piece has no bound.
CharacterWindow WindowAfterFirst(const PatternPieces& pieces, std::string_view pattern);

void SortCandidates(Candidates* candidates);

// One RE2::Set over `rules` says which of them occur in a text; only those are run.
class SetPrefilter {
 public:
  // Fails, with the rule, when a pattern does not compile into the set.
  static Result<SetPrefilter> Create(const CompiledRuleSet& set, std::vector<int> rules);

  // The rules to run on `text`, in rule order.
  std::vector<int> Hits(std::string_view text) const;

 private:
  std::vector<int> rules_;  // set index → rule index
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_MATCH_RULE_SCAN_H_
