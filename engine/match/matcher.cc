#include "engine/match/matcher.h"

#include <hs/hs.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <re2/set.h>

#include "engine/match/capture_plan.h"
#include "engine/match/figure_anchors.h"
#include "engine/match/pattern_pieces.h"
#include "engine/match/prefix_literals.h"
#include "engine/match/rule_scan.h"
#include "engine/match/tail.h"

namespace glean::internal {

namespace {

// Gate words shorter than this would pass nearly every text.
constexpr size_t kMinGateWordBytes = 3;

// A gated rule reads the characters a match may hold before its word only up to this many: a set
// that large is a class no run of the text stops at.
constexpr size_t kMostCharactersBeforeWord = 256;

// A gated rule whose match starts at most this many bytes before its word is tried anchored at
// each character there; one that may start further back is searched for instead (trying a few
// dozen starts at every occurrence of its word costs more than one search).
constexpr size_t kMostBytesTriedBeforeWord = 36;

// Characters after a literal that a rule run whole from it may need: more say nothing.
constexpr size_t kMostCharactersAfterLiteral = 64;

// Below this many tails after one literal, running each is cheaper than asking the tail set.
constexpr size_t kSetMinTails = 5;

// Below this many rules per literal, trying each rule anchored is cheaper than one set run.
constexpr size_t kSelectorMinRules = 8;

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

// The tail set's answer at the position last asked about, computed on the first question there.
class SetAnswers {
 public:
  explicit SetAnswers(const TailSet& tails) : tails_(tails) {}

  struct Answer {
    bool gave_up = false;             // out of memory: then every tail may match
    const std::vector<int>* matched;  // the tails that match, in increasing order
  };

  // REQUIRES: the set exists.
  Answer At(std::string_view text, size_t at) {
    if (at != position_) {
      position_ = at;
      matched_.clear();
      RE2::Set::ErrorInfo error{RE2::Set::kNoError};
      gave_up_ = !tails_.set->Match(Piece(text.substr(at)), &matched_, &error) &&
                 error.kind != RE2::Set::kNoError;
      for (int& matched : matched_) matched = tails_.tail_of[static_cast<size_t>(matched)];
      std::sort(matched_.begin(), matched_.end());
    }
    return {gave_up_, &matched_};
  }

 private:
  const TailSet& tails_;
  size_t position_ = kUnset;
  bool gave_up_ = false;
  std::vector<int> matched_;
};

// A literal occurrence.
struct LiteralHit {
  size_t start;
  size_t end;
  unsigned int literal;

  friend bool operator<(const LiteralHit& a, const LiteralHit& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  }
};

// One Find call's working memory. Kept between calls rather than made per call: cloning
// Hyperscan's scratch and sizing a table by the rule count cost as much per report as matching
// it, and they grow with the rule library, not with the text.
struct FindScratch {
  std::unique_ptr<hs_scratch_t, HsScratchDeleter> scan;
  std::vector<LiteralHit> hits;
  // By rule: where its next match may start (matches of one rule do not overlap). Only the
  // entries of `touched` are non-zero, and they are reset when the call ends.
  std::vector<size_t> next_allowed;
  std::vector<int> touched;
  std::vector<re2::StringPiece> groups;
  std::vector<int> selected;
  std::vector<Span> tail_groups;
  // Where the words of gated rules occur: (gated rule, start).
  std::vector<std::pair<unsigned int, size_t>> gate_hits;

  void Allow(int rule, size_t from) {
    size_t& next = next_allowed[static_cast<size_t>(rule)];
    if (next == 0) touched.push_back(rule);
    next = from;
  }
  void Reset() {
    for (int rule : touched) next_allowed[static_cast<size_t>(rule)] = 0;
    touched.clear();
    hits.clear();
    tail_groups.clear();
    gate_hits.clear();
  }
};

// Scratches not in use. Find runs on several threads at once, so each call takes one (or makes
// one, from the prototype scan scratch, which is null when there is no scan) and gives it back;
// there are as many as calls ever ran at the same time.
class ScratchPool {
 public:
  ScratchPool(std::unique_ptr<hs_scratch_t, HsScratchDeleter> prototype, size_t rule_count)
      : prototype_(std::move(prototype)), rule_count_(rule_count) {}

  struct GiveBack {
    const ScratchPool* pool;
    void operator()(FindScratch* scratch) const { pool->Release(scratch); }
  };
  using Lease = std::unique_ptr<FindScratch, GiveBack>;

  // Null when Hyperscan could not clone its scratch (out of memory).
  Lease Acquire() const {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!free_.empty()) {
        Lease lease(free_.back().release(), GiveBack{this});
        free_.pop_back();
        return lease;
      }
    }
    hs_scratch_t* scan = nullptr;
    if (prototype_ != nullptr && hs_clone_scratch(prototype_.get(), &scan) != HS_SUCCESS) {
      return Lease(nullptr, {this});
    }
    auto scratch = std::make_unique<FindScratch>();
    scratch->scan.reset(scan);
    scratch->next_allowed.assign(rule_count_, 0);
    return Lease(scratch.release(), GiveBack{this});
  }

 private:
  void Release(FindScratch* scratch) const {
    std::unique_ptr<FindScratch> owned(scratch);
    owned->Reset();
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(std::move(owned));
  }

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

  Candidates Find(std::string_view text) const override {
    Candidates candidates;
    ScanRules(rules_, fallback_.Hits(text), text, &candidates, &rule_plans_);

    const ScratchPool::Lease scratch = scratches_.Acquire();
    if (scratch == nullptr) {
      std::vector<int> all(rules_.rules.size());
      for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
      candidates = {};
      ScanRules(rules_, all, text, &candidates, &rule_plans_);
      SortCandidates(&candidates);
      return candidates;
    }
    struct Context {
      const std::vector<LiteralRules>* literals;
      const std::vector<GateWord>* gate_words;
      const std::vector<GatedRule>* gated;
      std::string_view text;
      std::vector<LiteralHit>* hits;
      std::vector<std::pair<unsigned int, size_t>>* gate_hits;
    } context{&literals_, &gate_words_, &gated_, text, &scratch->hits, &scratch->gate_hits};
    const auto on_literal = [](unsigned int id, unsigned long long, unsigned long long to,
                               unsigned int, void* data) -> int {
      auto* context = static_cast<Context*>(data);
      const std::vector<LiteralRules>& literals = *context->literals;
      const auto end = static_cast<size_t>(to);
      if (id >= literals.size()) {
        const GateWord& word = (*context->gate_words)[id - literals.size()];
        if ((*context->gated)[word.gated].after_word.FoundFrom(context->text, end)) {
          context->gate_hits->emplace_back(word.gated, end - word.length);
        }
        return 0;
      }
      const LiteralRules& literal = literals[id];
      const std::string_view text = context->text;
      const bool at_end = end == text.size();
      const unsigned char next = at_end ? 0 : static_cast<unsigned char>(text[end]);
      if (at_end ? literal.may_end_text : literal.may_follow[next]) {
        context->hits->push_back({end - literal.length, end, id});
      }
      if (literal.extensions.empty() ||
          (at_end ? !literal.any_may_end_text : !literal.any_may_follow[next])) {
        return 0;
      }
      for (unsigned int extension : literal.extensions) {
        const LiteralRules& longer = literals[extension];
        if (longer.length > end || (at_end ? !longer.may_end_text : !longer.may_follow[next]) ||
            text.compare(end - longer.length, longer.length, longer.text) != 0) {
          continue;
        }
        context->hits->push_back({end - longer.length, end, extension});
      }
      return 0;
    };
    std::vector<LiteralHit>& hits = scratch->hits;
    if (database_ != nullptr) {
      hs_scan(database_.get(), text.data(), static_cast<unsigned int>(text.size()), 0,
              scratch->scan.get(), on_literal, &context);
    }
    SearchGated(text, &scratch->gate_hits, &scratch->groups, &scratch->tail_groups, &candidates);
    const size_t scanned = hits.size();
    figures_.Find(text, [&](unsigned int id, size_t start, size_t end) {
      if (literals_[id].may_follow[static_cast<unsigned char>(text[end])]) {
        hits.push_back({start, end, id});
      }
    });
    // Rules must see literal occurrences by start (then end). Each way of finding them reports
    // them almost so: the scan by end, so an occurrence is out of order only past the few that
    // end within a literal's length after it; the figures by figure, shorter literals first. An
    // insertion sort of each kind moves each occurrence a short way, and a merge joins the two.
    const auto sort_nearly_sorted = [](LiteralHit* begin, LiteralHit* end) {
      if (end - begin < 2) return;
      for (LiteralHit* i = begin + 1; i < end; ++i) {
        const LiteralHit hit = *i;
        LiteralHit* j = i;
        for (; j > begin && hit < *(j - 1); --j) *j = *(j - 1);
        *j = hit;
      }
    };
    sort_nearly_sorted(hits.data(), hits.data() + scanned);
    sort_nearly_sorted(hits.data() + scanned, hits.data() + hits.size());
    if (scanned > 0 && scanned < hits.size()) {
      std::inplace_merge(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(scanned),
                         hits.end());
    }

    std::vector<re2::StringPiece>& groups = scratch->groups;
    std::vector<int>& selected = scratch->selected;
    const std::vector<size_t>& next_allowed = scratch->next_allowed;
    // Tail results by position and tail, for the rules whose literals end at the same place
    // (发展党员, 党员 before 15名). Direct-mapped: a result pushed out is only computed again.
    struct CachedTail {
      size_t after = kUnset;
      int tail = -1;
      TailMatch match;
    };
    std::array<CachedTail, 64> tail_cache;
    std::vector<Span>& tail_groups = scratch->tail_groups;
    SetAnswers set_says(tail_set_);
    for (const LiteralHit& hit : hits) {
      const LiteralRules& literal = literals_[hit.literal];
      const size_t after = hit.start + literal.length;
      const auto add_matches = [&](const TailRules& group, const TailMatch& match) {
        for (int rule : group.rules) {
          if (hit.start < next_allowed[rule]) continue;
          // The rule's match: its literal from the hit, then the tail's. The literal holds no
          // capture group, so the rule's groups are numbered as the tail's.
          AddCandidate(rules_.rules[rule], rule, {hit.start, match.end},
                       tail_groups.data() + match.groups, &candidates);
          scratch->Allow(rule, std::max(match.end, hit.start + 1));
        }
      };
      const auto run_group = [&](const TailRules& group) {
        const Tail& tail = tails_[group.tail];
        CachedTail& cached =
            tail_cache[(after * 31 + static_cast<size_t>(group.tail)) % tail_cache.size()];
        if (cached.after != after || cached.tail != group.tail) {
          cached = {after, group.tail, RunTail(tail, text, after, &groups, &tail_groups)};
        }
        if (cached.match.matched) add_matches(group, cached.match);
      };
      // The figure is read once; each tail then only compares its unit after it.
      const FigureTail::Figure figure =
          literal.figure_tails.empty() ? FigureTail::Figure{} : FigureTail::FigureAt(text, after);
      if (!figure.empty()) {
        const uint32_t after_whole = source::CharKeyAt(text, figure.whole);
        const uint32_t after_fraction = figure.with_fraction == figure.whole
                                            ? after_whole
                                            : source::CharKeyAt(text, figure.with_fraction);
        for (size_t k = 0; k < literal.figure_tails.size(); ++k) {
          const LiteralRules::FigureKey key = literal.figure_keys[k];
          if (key.unit_start != 0 &&
              key.unit_start != (key.fraction ? after_fraction : after_whole)) {
            continue;
          }
          const TailRules& group = literal.figure_tails[k];
          size_t figure_end = 0, end = 0;
          if (!tails_[group.tail].figure->UnitAfter(text, figure, &figure_end, &end)) continue;
          const TailMatch match{true, end, tail_groups.size()};
          tail_groups.push_back({after, end});  // group 0, then the figure's group
          tail_groups.push_back({after, figure_end});
          add_matches(group, match);
        }
      }
      if (!literal.set_tails.empty()) {
        const SetAnswers::Answer answer = set_says.At(text, after);
        if (answer.gave_up) {
          for (const TailRules& group : literal.set_tails) run_group(group);
        } else {
          // Both lists are in tail order: walk them together.
          auto group = literal.set_tails.begin();
          for (int tail : *answer.matched) {
            while (group != literal.set_tails.end() && group->tail < tail) ++group;
            if (group == literal.set_tails.end()) break;
            if (group->tail == tail) run_group(*group);
          }
        }
      }
      for (const TailRules& group : literal.other_tails) {
        if (tails_[group.tail].MayMatchAt(text, after)) run_group(group);
      }
      if (literal.whole.empty()) continue;
      const std::vector<int>* which = &literal.whole;
      if (literal.selector != nullptr) {
        selected.clear();
        RE2::Set::ErrorInfo error{RE2::Set::kNoError};
        if (literal.selector->Match(Piece(text.substr(hit.start)), &selected, &error)) {
          for (int& index : selected) index = literal.whole[index];
          std::sort(selected.begin(), selected.end());
          which = &selected;
        } else if (error.kind == RE2::Set::kNoError) {
          continue;  // none of them matches here
        }            // else the set gave up (out of memory): every rule is tried
      }
      for (int rule : *which) {
        if (hit.start < next_allowed[rule]) continue;
        if (!whole_windows_[static_cast<size_t>(rule)].FoundFrom(text, hit.start) ||
            !next_after_literal_[static_cast<size_t>(rule)].FoundFrom(text, after)) {
          continue;
        }
        const size_t next = MatchOnce(rules_.rules[rule], rule, text, hit.start, RE2::ANCHOR_START,
                                      &groups, &tail_groups, &candidates, rule_plans_[rule].get());
        if (next != kUnset) scratch->Allow(rule, next);
      }
    }
    SortCandidates(&candidates);
    return candidates;
  }

 private:
  // The matches of the gated rules whose words occur at `hits` (sorted here). A match starts at
  // most max_before bytes before one of its rule's words, so the starts around each are tried
  // anchored, in order, and the first that matches is where the search would find it; a rule
  // with no such bound is searched for from the text's start. Out of line: inlined, it made Find's
  // hot loop 3 % slower on rules that have no gate.
  [[gnu::noinline]] void SearchGated(std::string_view text,
                                     std::vector<std::pair<unsigned int, size_t>>* hits,
                                     std::vector<re2::StringPiece>* groups,
                                     std::vector<Span>* spans, Candidates* out) const {
    std::sort(hits->begin(), hits->end());
    for (auto hit = hits->begin(); hit != hits->end();) {
      const unsigned int gated_index = hit->first;
      const GatedRule& gated = gated_[gated_index];
      const CompiledRule& rule = rules_.rules[static_cast<size_t>(gated.rule)];
      const CapturePlan* plan = rule_plans_[static_cast<size_t>(gated.rule)].get();
      if (gated.max_before == kUnset && !gated.before_word) {
        // No match ends further than its word's reach past the last word.
        size_t end = kUnset;
        if (gated.max_after != kUnset) {
          size_t last = hit->second;
          for (auto same = hit; same != hits->end() && same->first == gated_index; ++same) {
            last = same->second;
          }
          end = last + gated.longest_word + gated.max_after;
        }
        ScanRules(rules_, {gated.rule}, text, out, &rule_plans_, end);
      } else {
        size_t cursor = 0;  // starts before it were tried, or lie inside a match found
        for (; hit != hits->end() && hit->first == gated_index; ++hit) {
          const size_t word = hit->second;
          const size_t earliest = gated.max_before != kUnset
                                      ? (word >= gated.max_before ? word - gated.max_before : 0)
                                      : gated.before_word->StartBefore(text, word);
          size_t start = std::max(cursor, earliest);
          while (true) {
            while (start < text.size() &&
                   (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
              ++start;  // a match starts where a character does
            }
            if (start > word) break;
            const size_t next = MatchOnce(rule, gated.rule, text, start, RE2::ANCHOR_START, groups,
                                          spans, out, plan);
            start = next != kUnset ? next : start + 1;
          }
          cursor = std::max(cursor, start);
        }
      }
      while (hit != hits->end() && hit->first == gated_index) ++hit;
    }
  }

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

}  // namespace

Result<std::unique_ptr<Matcher>> Matcher::Create(const CompiledRuleSet& rules) {
  std::map<std::string, int> literal_ids;
  std::vector<LiteralRules> literals;
  auto rests = std::make_unique<CapturePlan::RestCache>();  // shared by every capture plan
  std::map<std::string, int, std::less<>> tail_ids;
  std::vector<Tail> tails;
  std::vector<int> unanchored;
  // By rule run whole from its literals: the characters one of which follows the literal in
  // every match, when the pattern says (建成(?:了|起)?\d…: a digit), else empty.
  std::vector<std::vector<uint32_t>> next_characters(rules.rules.size());
  for (size_t i = 0; i < rules.rules.size(); ++i) {
    const CompiledRule& rule = rules.rules[i];
    const LiteralPrefix prefix = SplitLiteralPrefix(rule.expanded_pattern);
    if (prefix.literals.empty()) {
      unanchored.push_back(static_cast<int>(i));
      continue;
    }
    if (prefix.rest == std::string_view::npos && prefix.after_literals != std::string_view::npos &&
        PiecesApply(rule.pattern->options())) {
      if (std::optional<std::vector<uint32_t>> next = FirstCharactersOf(
              std::string_view(rule.expanded_pattern).substr(prefix.after_literals),
              kMostCharactersAfterLiteral)) {
        next_characters[i] = std::move(*next);
      }
    }
    int tail = -1;
    if (prefix.rest != std::string_view::npos) {
      const std::string rest = rule.expanded_pattern.substr(prefix.rest);
      auto found = tail_ids.find(rest);
      if (found != tail_ids.end()) {
        tail = found->second;
      } else if (Tail compiled = CompileTail(rule, rest, rests.get());
                 compiled.pattern != nullptr) {
        tail = static_cast<int>(tails.size());
        tails.push_back(std::move(compiled));
        tail_ids.emplace(rest, tail);
      }
    }
    for (const std::string& text : prefix.literals) {
      auto [it, inserted] = literal_ids.emplace(text, static_cast<int>(literal_ids.size()));
      if (inserted) {
        literals.emplace_back().length = text.size();
        literals.back().text = text;
      }
      LiteralRules& literal = literals[it->second];
      if (tail < 0) {
        literal.whole.push_back(static_cast<int>(i));
        continue;
      }
      auto group = std::find_if(literal.tails.begin(), literal.tails.end(),
                                [&](const TailRules& g) { return g.tail == tail; });
      if (group == literal.tails.end()) group = literal.tails.insert(group, TailRules{tail, {}});
      group->rules.push_back(static_cast<int>(i));
    }
  }
  if (literal_ids.empty() || hs_valid_platform() != HS_SUCCESS) return CreateReference(rules);

  for (LiteralRules& literal : literals) {
    for (int rule : literal.whole) {
      const std::vector<uint32_t>& next = next_characters[static_cast<size_t>(rule)];
      if (next.empty()) {
        literal.may_follow.set();
        literal.may_end_text = true;
        continue;
      }
      std::string bytes;
      for (uint32_t character : next) {
        bytes.clear();
        source::AppendUtf8(character, &bytes);
        literal.may_follow.set(static_cast<unsigned char>(bytes[0]));
      }
    }
    for (const TailRules& group : literal.tails) {
      const Tail& tail = tails[static_cast<size_t>(group.tail)];
      if (tail.min.empty()) {
        literal.may_follow.set();
        literal.may_end_text = true;
        continue;
      }
      for (unsigned byte = static_cast<unsigned char>(tail.min[0]); byte <= tail.max_first;
           ++byte) {
        literal.may_follow.set(byte);
      }
    }
  }
  // Literals that only a figure may follow are found from the figures; each of the others is
  // scanned for, or found through the shortest scanned literal it ends with.
  std::bitset<256> digits;
  for (unsigned char digit = '0'; digit <= '9'; ++digit) digits.set(digit);
  FigureAnchors figures;
  std::vector<bool> by_figure(literals.size(), false);
  for (size_t id = 0; id < literals.size(); ++id) {
    const LiteralRules& literal = literals[id];
    if (!literal.may_end_text && (literal.may_follow & ~digits).none() &&
        FigureAnchors::Fits(literal.text)) {
      figures.Add(literal.text, static_cast<unsigned int>(id));
      by_figure[id] = true;
    }
  }
  std::vector<bool> scanned(literals.size());
  for (size_t id = 0; id < literals.size(); ++id) scanned[id] = !by_figure[id];
  for (size_t id = 0; id < literals.size(); ++id) {
    if (by_figure[id]) continue;
    const std::string& text = literals[id].text;
    for (size_t cut = text.size(); cut-- > 1;) {  // shortest suffix first
      auto suffix = literal_ids.find(text.substr(cut));
      if (suffix == literal_ids.end() || by_figure[static_cast<size_t>(suffix->second)]) continue;
      literals[static_cast<size_t>(suffix->second)].extensions.push_back(
          static_cast<unsigned int>(id));
      scanned[id] = false;
      break;
    }
  }
  for (LiteralRules& literal : literals) {
    literal.any_may_follow = literal.may_follow;
    literal.any_may_end_text = literal.may_end_text;
    for (unsigned int extension : literal.extensions) {
      literal.any_may_follow |= literals[extension].may_follow;
      literal.any_may_end_text = literal.any_may_end_text || literals[extension].may_end_text;
    }
  }

  std::vector<const char*> expressions;
  std::vector<size_t> lengths;
  std::vector<unsigned int> ids, flags;
  for (size_t id = 0; id < literals.size(); ++id) {
    if (!scanned[id]) continue;
    expressions.push_back(literals[id].text.data());
    lengths.push_back(literals[id].text.size());
    ids.push_back(static_cast<unsigned int>(id));
    flags.push_back(0);
  }
  // Rules without a literal prefix that need one of some words are gated by the same scan; the
  // others stay with the set prefilter.
  std::vector<GatedRule> gated;
  std::vector<GateWord> gate_words;
  std::vector<std::string> gate_texts;  // kept until the scan is compiled
  std::vector<int> ungated;
  // By rule: the plan that places its groups when it runs whole, made below for the rules run
  // from a literal and here, from the pieces read for the gate, for the others.
  std::vector<std::unique_ptr<CapturePlan>> rule_plans(rules.rules.size());
  for (int index : unanchored) {
    const CompiledRule& rule = rules.rules[static_cast<size_t>(index)];
    const DeferredRegex& pattern = *rule.pattern;
    std::optional<RequiredWords> required;
    CharacterWindow after_word;
    std::optional<CharacterRun> before_word;
    std::optional<PatternPieces> pieces =
        PiecesApply(pattern.options()) ? ReadPatternPieces(pattern.pattern()) : std::nullopt;
    if (pieces) {
      required = RequiredWordsOf(*pieces, kMinGateWordBytes);
      if (required) after_word = WindowOf(*pieces, required->piece + 1, pattern.pattern());
      if (required && required->max_before != kUnset &&
          required->max_before > kMostBytesTriedBeforeWord) {
        required->max_before = kUnset;
      }
      if (required && required->max_before == kUnset) {
        if (std::optional<std::vector<uint32_t>> characters = CharactersBefore(
                *pieces, required->piece, pattern.pattern(), kMostCharactersBeforeWord)) {
          before_word.emplace(std::move(*characters));
        }
      }
    }
    rule_plans[static_cast<size_t>(index)] = CapturePlan::Plan(
        pattern.pattern(), pattern.options(), rule.group_count, std::move(pieces), rests.get());
    if (!required) {
      ungated.push_back(index);
      continue;
    }
    for (std::string& word : required->words) {
      gate_words.push_back({static_cast<unsigned int>(gated.size()), word.size()});
      gate_texts.push_back(std::move(word));
    }
    size_t longest_word = 0;
    for (const GateWord& word : gate_words) {
      if (word.gated == gated.size()) longest_word = std::max(longest_word, word.length);
    }
    gated.push_back({index, required->max_before, std::move(before_word), required->max_after,
                     longest_word, std::move(after_word)});
  }
  for (size_t k = 0; k < gate_texts.size(); ++k) {
    expressions.push_back(gate_texts[k].data());
    lengths.push_back(gate_texts[k].size());
    ids.push_back(static_cast<unsigned int>(literals.size() + k));
    flags.push_back(0);
  }
  std::unique_ptr<hs_database_t, HsDatabaseDeleter> database;
  std::unique_ptr<hs_scratch_t, HsScratchDeleter> scratch;
  if (!expressions.empty()) {
    hs_database_t* raw_database = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned int>(expressions.size()), HS_MODE_BLOCK, nullptr,
                             &raw_database, &error) != HS_SUCCESS) {
      hs_free_compile_error(error);
      return CreateReference(rules);  // still correct, only slower
    }
    database.reset(raw_database);
    hs_scratch_t* raw_scratch = nullptr;
    if (hs_alloc_scratch(database.get(), &raw_scratch) != HS_SUCCESS) {
      return CreateReference(rules);
    }
    scratch.reset(raw_scratch);
  }

  for (LiteralRules& literal : literals) {
    if (literal.whole.size() < kSelectorMinRules) continue;
    RE2::Options options;
    options.set_log_errors(false);
    literal.selector = std::make_unique<RE2::Set>(options, RE2::ANCHOR_START);
    bool ok = true;
    for (int rule : literal.whole) {
      std::string set_error;
      ok = ok && literal.selector->Add(rules.rules[rule].expanded_pattern, &set_error) >= 0;
    }
    // Without a selector every rule of the literal is simply tried: slower, never wrong.
    if (!ok || !literal.selector->Compile()) literal.selector.reset();
  }

  // With few tails after a literal, running each (one DFA run that also finds the match's end)
  // costs less than asking the set first; the set holds only the tails of literals that ask it.
  std::vector<bool> wanted_in_set(tails.size(), false);
  for (const LiteralRules& literal : literals) {
    const auto answerable =
        std::count_if(literal.tails.begin(), literal.tails.end(), [&](const TailRules& group) {
          return SetMayAnswer(tails[static_cast<size_t>(group.tail)]);
        });
    if (static_cast<size_t>(answerable) < kSetMinTails) continue;
    for (const TailRules& group : literal.tails) {
      wanted_in_set[static_cast<size_t>(group.tail)] = true;
    }
  }
  TailSet tail_set = CompileTailSet(&tails, wanted_in_set);
  for (LiteralRules& literal : literals) {
    const auto in_set = std::count_if(
        literal.tails.begin(), literal.tails.end(),
        [&](const TailRules& group) { return tails[static_cast<size_t>(group.tail)].in_set; });
    const bool ask_set = static_cast<size_t>(in_set) >= kSetMinTails;
    for (TailRules& group : literal.tails) {
      const Tail& tail = tails[static_cast<size_t>(group.tail)];
      (tail.figure              ? literal.figure_tails
       : tail.in_set && ask_set ? literal.set_tails
                                : literal.other_tails)
          .push_back(std::move(group));
    }
    literal.tails.clear();
    for (const TailRules& group : literal.figure_tails) {
      const FigureTail& figure = *tails[static_cast<size_t>(group.tail)].figure;
      literal.figure_keys.push_back({source::CharKeyAt(figure.unit, 0), figure.fraction});
    }
    std::sort(literal.set_tails.begin(), literal.set_tails.end(),
              [](const TailRules& a, const TailRules& b) { return a.tail < b.tail; });
  }
  // A rule that begins with several literals (开展|举办) runs whole at each: planned once.
  std::vector<bool> planned(rules.rules.size(), false);
  std::vector<CharacterWindow> whole_windows(rules.rules.size());
  for (const LiteralRules& literal : literals) {
    for (int index : literal.whole) {
      if (planned[static_cast<size_t>(index)]) continue;
      planned[static_cast<size_t>(index)] = true;
      const CompiledRule& rule = rules.rules[static_cast<size_t>(index)];
      std::optional<PatternPieces> pieces = ReadPatternPieces(rule.pattern->pattern());
      if (pieces && PiecesApply(rule.pattern->options())) {
        whole_windows[static_cast<size_t>(index)] =
            WindowAfterFirst(*pieces, rule.pattern->pattern());
      }
      rule_plans[static_cast<size_t>(index)] =
          CapturePlan::Plan(rule.pattern->pattern(), rule.pattern->options(), rule.group_count,
                            std::move(pieces), rests.get());
    }
  }
  std::vector<CharacterWindow> next_after_literal(rules.rules.size());
  for (size_t i = 0; i < rules.rules.size(); ++i) {
    if (!next_characters[i].empty()) {
      next_after_literal[i] = CharacterWindow(RequiredCharacters{std::move(next_characters[i]), 0});
    }
  }
  Result<SetPrefilter> fallback = SetPrefilter::Create(rules, std::move(ungated));
  if (!fallback.ok()) return Result<std::unique_ptr<Matcher>>::Failure(fallback.diagnostics());
  return Result<std::unique_ptr<Matcher>>(std::make_unique<AnchoredMatcher>(
      rules, std::move(fallback).value(), std::move(figures), std::move(database),
      std::move(scratch), std::move(literals), std::move(tails), std::move(tail_set),
      std::move(rests), std::move(rule_plans), std::move(whole_windows),
      std::move(next_after_literal), std::move(gated), std::move(gate_words)));
}

}  // namespace glean::internal
