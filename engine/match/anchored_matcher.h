// The anchored matcher that Matcher::Create builds: the rules grouped by the literal they begin
// with, the rules gated by words they need, and the class that runs them. Shared by the two files
// that make it up: matcher.cc builds it, anchored_matcher.cc runs it.
#ifndef GLEAN_ENGINE_MATCH_ANCHORED_MATCHER_H_
#define GLEAN_ENGINE_MATCH_ANCHORED_MATCHER_H_

#include <hs/hs.h>

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "engine/match/capture_plan.h"
#include "engine/match/figure_anchors.h"
#include "engine/match/matcher.h"
#include "engine/match/rule_scan.h"
#include "engine/match/tail.h"
#include "engine/rules/compiled_rule_set.h"
#include "engine/source/utf8.h"

namespace glean::internal {

// A set of characters, asked where the run of them that ends at a place starts.
class CharacterRun {
 public:
  explicit CharacterRun(std::vector<uint32_t> characters) : characters_(std::move(characters)) {
    for (uint32_t character : characters_) {
      if (character < ascii_.size()) ascii_.set(character);
    }
  }

  // The start of the longest run of the characters that ends at `end` (a character start).
  size_t StartBefore(std::string_view text, size_t end) const {
    while (end > 0) {
      size_t at = end - 1;
      while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
      size_t length = 1;
      const uint32_t character = source::DecodeUtf8At(text, at, &length);
      if (!(character < ascii_.size()
                ? ascii_[character]
                : std::binary_search(characters_.begin(), characters_.end(), character))) {
        break;
      }
      end = at;
    }
    return end;
  }

 private:
  std::vector<uint32_t> characters_;  // in order
  std::bitset<128> ascii_;
};

// A rule without a literal prefix whose every match holds one of some words a bounded way in
// (巡查|整治|检查 in `(?P<kind>[\p{Han}]{2,8}?)(?:巡查|整治|检查)…`). The words are found by the
// literal scan; the rule is tried only within reach of where they occur.
struct GatedRule {
  int rule = 0;
  size_t max_before = kUnset;  // bytes before the word at most; kUnset: see `before_word`
  // Bytes before the word at least (the figures and units of `\d+户\d+人贫困`): most places the
  // word occurs have too few characters of the run before it for a match to start anywhere.
  size_t min_before = 0;
  // With no such bound, the characters a match may hold before the word, when the pattern says
  // (the figures and units of `\d+户\d+人贫困`): a match then starts within the run of them that
  // ends at the word. Else (nullopt) the rule is searched for from the text's start.
  std::optional<CharacterRun> before_word;
  size_t max_after = kUnset;  // bytes after the word's end at most; kUnset: no bound
  size_t longest_word = 0;
  // What the rest of a match needs after the word (the count of `…检查(?:行动)?{count:quantity}`):
  // an occurrence of the word without it cannot be part of a match and is not reported.
  CharacterWindow after_word;
};

// One word of a gated rule, as the literal scan knows it.
struct GateWord {
  unsigned int gated = 0;  // index into the gated rules
  size_t length = 0;
};

struct HsDatabaseDeleter {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
struct HsScratchDeleter {
  void operator()(hs_scratch_t* scratch) const { hs_free_scratch(scratch); }
};

// The rules of one literal whose rest is the same tail.
struct TailRules {
  int tail = 0;
  std::vector<int> rules;
};

// The rules that begin with one literal. Those that split after it are grouped by tail; the others
// run whole from the literal's start, and for many of them an anchored set says which match, so a
// shared literal (全镇, 完成) costs one set run instead of one run per rule.
struct LiteralRules {
  size_t length = 0;
  std::vector<TailRules> tails;         // while the matcher is built; then split into those below
  std::vector<TailRules> set_tails;     // tails the tail set answers for, by tail number
  std::vector<TailRules> figure_tails;  // figure-and-unit tails, matched by hand
  // By figure tail: what it needs after the figure, so a literal with many units (个, 户, 人 …
  // after 全镇) compares one number per tail rather than the unit.
  struct FigureKey {
    uint32_t unit_start = 0;  // CharKey of the unit's first character; 0 for no unit
    bool fraction = false;
  };
  std::vector<FigureKey> figure_keys;
  std::vector<TailRules> other_tails;
  std::vector<int> whole;
  std::unique_ptr<RE2::Set> selector;  // over `whole`; null when it has few rules
  // The bytes that may follow the literal in a match of one of its rules: where another byte
  // follows (most places a context word like 完成 occurs are not before a figure), the occurrence
  // is dropped as the scan reports it. Every byte when a rule has no bound on it.
  std::bitset<256> may_follow;
  bool may_end_text = false;  // some rule may match with the literal at the very end

  // Literals that end with another literal (发展党员 ends with 党员) are not scanned for: where the
  // shortest one they end with occurs, they are compared in place. Fewer literals make the scan
  // cheaper, and a rule library grows by such variants of one context.
  std::string text;
  std::vector<unsigned int> extensions;  // the literals that end with this one, when it is scanned
  std::bitset<256> any_may_follow;       // may_follow of this literal and its extensions
  bool any_may_end_text = false;
};

// One tail's result at one position of the text, kept for the other rules that share it there.
struct TailMatch {
  bool matched = false;
  size_t end = 0;
  size_t groups = 0;  // index of its capture group 0 in the Find call's group spans
};

// One Find call's working memory; defined with Find, in anchored_matcher.cc.
struct FindScratch;

// Scratches not in use. Find runs on several threads at once, so each call takes one (or makes
// one, from the prototype scan scratch, which is null when there is no scan) and gives it back;
// there are as many as calls ever ran at the same time.
class ScratchPool {
 public:
  // Both out of line, where FindScratch is complete.
  ScratchPool(std::unique_ptr<hs_scratch_t, HsScratchDeleter> prototype, size_t rule_count);
  ~ScratchPool();

  struct GiveBack {
    const ScratchPool* pool;
    void operator()(FindScratch* scratch) const;
  };
  using Lease = std::unique_ptr<FindScratch, GiveBack>;

  // Null when Hyperscan could not clone its scratch (out of memory).
  Lease Acquire() const;

 private:
  void Release(FindScratch* scratch) const;

  std::unique_ptr<hs_scratch_t, HsScratchDeleter> prototype_;
  size_t rule_count_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<FindScratch>> free_;
};

// Most rules begin with literal context (完成改厕…, (?:新建|完成)改厕…). Their literals are
// found all at once, from the figures that follow them or by a multi-literal scan, and each rule
// runs anchored only where one of its literals occurs, so the text is read once for all of them
// and the rule count barely matters. Rules without a literal prefix are gated by words they need,
// found by the same scan, or else go through the set prefilter.
class AnchoredMatcher final : public Matcher {
 public:
  AnchoredMatcher(const CompiledRuleSet& rules, SetPrefilter fallback, FigureAnchors figures,
                  std::unique_ptr<hs_database_t, HsDatabaseDeleter> database,
                  std::unique_ptr<hs_scratch_t, HsScratchDeleter> scratch,
                  std::vector<LiteralRules> literals, std::vector<Tail> tails, TailSet tail_set,
                  std::unique_ptr<CapturePlan::RestCache> rests,
                  std::vector<std::unique_ptr<CapturePlan>> rule_plans,
                  std::vector<CharacterWindow> whole_windows,
                  std::vector<CharacterWindow> next_after_literal, std::vector<GatedRule> gated,
                  std::vector<GateWord> gate_words)
      : rules_(rules),
        fallback_(std::move(fallback)),
        figures_(std::move(figures)),
        database_(std::move(database)),
        scratches_(std::move(scratch), rules.rules.size()),
        rests_(std::move(rests)),
        literals_(std::move(literals)),
        tails_(std::move(tails)),
        tail_set_(std::move(tail_set)),
        rule_plans_(std::move(rule_plans)),
        whole_windows_(std::move(whole_windows)),
        next_after_literal_(std::move(next_after_literal)),
        gated_(std::move(gated)),
        gate_words_(std::move(gate_words)) {}

  Candidates Find(std::string_view text) const override;

 private:
  // The matches of the gated rules whose words occur at `hits` (sorted here). A match starts at
  // most max_before bytes before one of its rule's words, so the starts around each are tried
  // anchored, in order, and the first that matches is where the search would find it; a rule
  // with no such bound is searched for from the text's start. Out of line: inlined, it made Find's
  // hot loop 3 % slower on rules that have no gate.
  [[gnu::noinline]] void SearchGated(std::string_view text,
                                     std::vector<std::pair<unsigned int, size_t>>* hits,
                                     std::vector<re2::StringPiece>* groups,
                                     std::vector<Span>* spans, Candidates* out) const;

  // Here rather than beside Find so that it stays inline in Find's loop, as it was there.
  static TailMatch RunTail(const Tail& tail, std::string_view text, size_t at,
                           std::vector<re2::StringPiece>* groups, std::vector<Span>* spans) {
    const size_t first = spans->size();
    if (!MatchGroups(*tail.pattern, tail.captures.get(), text, at, text.size(), RE2::ANCHOR_START,
                     groups, spans)) {
      return {};
    }
    return {true, (*spans)[first].end, first};
  }

  const CompiledRuleSet& rules_;
  SetPrefilter fallback_;
  FigureAnchors figures_;
  std::unique_ptr<hs_database_t, HsDatabaseDeleter> database_;  // null when no literal is scanned
  ScratchPool scratches_;
  // What the capture plans of the tails and of the rules ask; declared first, gone last.
  std::unique_ptr<CapturePlan::RestCache> rests_;
  std::vector<LiteralRules> literals_;  // by literal id, as the scan and the figures report them
  std::vector<Tail> tails_;
  TailSet tail_set_;
  // By rule: the plan that places its groups when it runs whole (no literal, or one its pattern
  // does not split after), or null.
  std::vector<std::unique_ptr<CapturePlan>> rule_plans_;
  // By rule run whole from a literal: what a match needs after its first piece (the count of
  // `开展…检查{count:quantity}`), within reach of the literal's start. Most places a common
  // opening word occurs (开展, 为, 建成) have no figure near: the rule is not run there.
  std::vector<CharacterWindow> whole_windows_;
  // By rule run whole: one of the characters that follow its literal in every match, asked right
  // after the literal that occurs (a literal shared with other rules is scanned for all of them).
  std::vector<CharacterWindow> next_after_literal_;
  std::vector<GatedRule> gated_;
  // The scan reports gate word k as literal id literals_.size() + k.
  std::vector<GateWord> gate_words_;
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_MATCH_ANCHORED_MATCHER_H_
