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

namespace glean::internal {

namespace {

constexpr size_t kUnset = std::string_view::npos;

// RE2::Set silently falls back to a crawl when its DFA runs out of memory; a budget sized for
// thousands of rules keeps it on the fast path, and Find falls back to running every rule if the
// budget is still exceeded.
constexpr int64_t kSetMaxMem = int64_t{1} << 30;

// Gate words shorter than this would pass nearly every text.
constexpr size_t kMinGateWordBytes = 3;

// Below this many tails after one literal, running each is cheaper than asking the tail set.
constexpr size_t kSetMinTails = 5;

// Below this many rules per literal, trying each rule anchored is cheaper than one set run.
constexpr size_t kSelectorMinRules = 8;

re2::StringPiece Piece(std::string_view text) { return re2::StringPiece(text.data(), text.size()); }

// Where a capture group lies in `text`; {npos, npos} for a group that did not take part.
Span SpanOf(const re2::StringPiece& group, std::string_view text) {
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
                 std::vector<re2::StringPiece>* groups, std::vector<Span>* spans) {
  const size_t first = spans->size();
  if (plan != nullptr) {
    re2::StringPiece whole;
    if (!pattern.Match(Piece(text), position, end, anchor, &whole, 1)) return false;
    spans->resize(first + 1 + static_cast<size_t>(plan->group_count()));
    (*spans)[first] = SpanOf(whole, text);
    if (plan->Place(text, (*spans)[first].begin, (*spans)[first].end, spans->data() + first + 1)) {
      return true;
    }
    spans->resize(first);  // a run too long for the plan
  }
  const int group_count = pattern.NumberOfCapturingGroups() + 1;
  groups->assign(group_count, re2::StringPiece());
  if (!pattern.Match(Piece(text), position, end, anchor, groups->data(), group_count)) {
    return false;
  }
  for (const re2::StringPiece& group : *groups) spans->push_back(SpanOf(group, text));
  return true;
}

// Appends `rule`'s candidate over `span`, each field taking the span of its group in `groups`.
void AddCandidate(const CompiledRule& rule, int index, Span span, const Span* groups,
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
                 size_t end = kUnset) {
  const size_t first = spans->size();
  if (!MatchGroups(*rule.pattern, plan, text, position, std::min(end, text.size()), anchor, groups,
                   spans)) {
    return kUnset;
  }
  const Span span = (*spans)[first];
  AddCandidate(rule, index, span, spans->data() + first, out);
  spans->resize(first);
  // Patterns that match the empty string are rejected when rules load; stepping one byte guards
  // the loop regardless.
  return std::max(span.end, span.begin + 1);
}

// Every match of each of `rules` in the text up to `end`, leftmost-first and non-overlapping, as
// RE2 finds them one after another. `plans`, when given, holds each rule's capture plan or null.
// A smaller `end` gives the same matches only when no match reaches past it.
void ScanRules(const CompiledRuleSet& set, const std::vector<int>& rules, std::string_view text,
               Candidates* out, const std::vector<std::unique_ptr<CapturePlan>>* plans = nullptr,
               size_t end = kUnset) {
  end = std::min(end, text.size());
  std::vector<re2::StringPiece> groups;
  std::vector<Span> spans;
  for (int index : rules) {
    const CapturePlan* plan = plans != nullptr ? (*plans)[index].get() : nullptr;
    size_t position = 0;
    while (position <= end) {
      position = MatchOnce(set.rules[index], index, text, position, RE2::UNANCHORED, &groups,
                           &spans, out, plan, end);
      if (position == kUnset) break;
    }
  }
}

// Characters one of which starts within reach of a place wherever a match goes on from there
// (RequiredCharacters, as the pattern pieces tell them), kept so that asking costs a few
// instructions a character.
class CharacterWindow {
 public:
  CharacterWindow() = default;
  explicit CharacterWindow(RequiredCharacters required)
      : characters_(std::move(required.characters)), within_(required.max_before) {
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
CharacterWindow WindowOf(const PatternPieces& pieces, size_t first, std::string_view pattern) {
  constexpr size_t kMostCharacters = 64;
  PatternPieces rest;
  rest.pieces.assign(pieces.pieces.begin() + static_cast<std::ptrdiff_t>(first),
                     pieces.pieces.end());
  std::optional<RequiredCharacters> required = RequiredCharactersOf(rest, pattern, kMostCharacters);
  return required ? CharacterWindow(std::move(*required)) : CharacterWindow();
}

// A rule without a literal prefix whose every match holds one of some words a bounded way in
// (巡查|整治|检查 in `(?P<kind>[\p{Han}]{2,8}?)(?:巡查|整治|检查)…`). The words are found by the
// literal scan; the rule is tried only within reach of where they occur.
struct GatedRule {
  int rule = 0;
  size_t max_before = kUnset;  // bytes before the word at most; kUnset: search from the start
  size_t max_after = kUnset;   // bytes after the word's end at most; kUnset: no bound
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

void SortCandidates(Candidates* candidates) {
  // The order facts go out in, so the engine seldom has to sort them again.
  const auto before = [](const Candidate& a, const Candidate& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.rule < b.rule;
  };
  // Candidates found at literal occurrences come in order already, most of the time.
  if (std::is_sorted(candidates->list.begin(), candidates->list.end(), before)) return;
  std::stable_sort(candidates->list.begin(), candidates->list.end(), before);
}

// One RE2::Set over `rules` says which of them occur in a text; only those are run.
class SetPrefilter {
 public:
  static Result<SetPrefilter> Create(const CompiledRuleSet& set, std::vector<int> rules) {
    SetPrefilter prefilter;
    prefilter.rules_ = std::move(rules);
    if (prefilter.rules_.empty()) return prefilter;
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(kSetMaxMem);
    prefilter.set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (int index : prefilter.rules_) {
      const CompiledRule& rule = set.rules[index];
      std::string error;
      if (prefilter.set_->Add(rule.expanded_pattern, &error) < 0) {
        Diagnostic diagnostic = Diagnostic::Error(
            "regex", rule.location, fmt::format("pattern does not compile: {}", error));
        diagnostic.rule_id = rule.id;
        return Result<SetPrefilter>::Failure({diagnostic});
      }
    }
    if (!prefilter.set_->Compile()) {
      return Result<SetPrefilter>::Failure({Diagnostic::Error(
          "regex", {}, "the rule set is too large to compile into one matcher")});
    }
    return prefilter;
  }

  // The rules to run on `text`, in rule order.
  std::vector<int> Hits(std::string_view text) const {
    if (rules_.empty()) return {};
    std::vector<int> hits;
    RE2::Set::ErrorInfo error{RE2::Set::kNoError};
    if (!set_->Match(Piece(text), &hits, &error)) {
      // No rule occurs, or the set gave up (out of memory): then every rule is run.
      return error.kind == RE2::Set::kNoError ? std::vector<int>() : rules_;
    }
    for (int& hit : hits) hit = rules_[hit];
    std::sort(hits.begin(), hits.end());
    return hits;
  }

 private:
  std::vector<int> rules_;  // set index → rule index
  std::unique_ptr<RE2::Set> set_;
};

// The reference: a set prefilter, then every hit rule over the whole text.
class SetMatcher final : public Matcher {
 public:
  SetMatcher(const CompiledRuleSet& rules, SetPrefilter prefilter)
      : rules_(rules), prefilter_(std::move(prefilter)) {}

  Candidates Find(std::string_view text) const override {
    Candidates candidates;
    ScanRules(rules_, prefilter_.Hits(text), text, &candidates);
    SortCandidates(&candidates);
    return candidates;
  }

 private:
  const CompiledRuleSet& rules_;
  SetPrefilter prefilter_;
};

struct HsDatabaseDeleter {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
struct HsScratchDeleter {
  void operator()(hs_scratch_t* scratch) const { hs_free_scratch(scratch); }
};

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
                  std::vector<GatedRule> gated, std::vector<GateWord> gate_words)
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
      if (gated.max_before == kUnset) {
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
          size_t start = std::max(cursor, word >= gated.max_before ? word - gated.max_before : 0);
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
  std::vector<GatedRule> gated_;
  // The scan reports gate word k as literal id literals_.size() + k.
  std::vector<GateWord> gate_words_;
};

}  // namespace

Result<std::unique_ptr<Matcher>> Matcher::CreateReference(const CompiledRuleSet& rules) {
  std::vector<int> all(rules.rules.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  Result<SetPrefilter> prefilter = SetPrefilter::Create(rules, std::move(all));
  if (!prefilter.ok()) return Result<std::unique_ptr<Matcher>>::Failure(prefilter.diagnostics());
  return Result<std::unique_ptr<Matcher>>(
      std::make_unique<SetMatcher>(rules, std::move(prefilter).value()));
}

namespace {

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

}  // namespace

Result<std::unique_ptr<Matcher>> Matcher::Create(const CompiledRuleSet& rules) {
  std::map<std::string, int> literal_ids;
  std::vector<LiteralRules> literals;
  auto rests = std::make_unique<CapturePlan::RestCache>();  // shared by every capture plan
  std::map<std::string, int, std::less<>> tail_ids;
  std::vector<Tail> tails;
  std::vector<int> unanchored;
  for (size_t i = 0; i < rules.rules.size(); ++i) {
    const CompiledRule& rule = rules.rules[i];
    const LiteralPrefix prefix = SplitLiteralPrefix(rule.expanded_pattern);
    if (prefix.literals.empty()) {
      unanchored.push_back(static_cast<int>(i));
      continue;
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
    if (!literal.whole.empty()) {
      literal.may_follow.set();
      literal.may_end_text = true;
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
    const RE2& pattern = *rules.rules[static_cast<size_t>(index)].pattern;
    std::optional<RequiredWords> required;
    CharacterWindow after_word;
    std::optional<PatternPieces> pieces =
        PiecesApply(pattern.options()) ? ReadPatternPieces(pattern.pattern()) : std::nullopt;
    if (pieces) {
      required = RequiredWordsOf(*pieces, kMinGateWordBytes);
      if (required) after_word = WindowOf(*pieces, required->piece + 1, pattern.pattern());
    }
    rule_plans[static_cast<size_t>(index)] =
        CapturePlan::Plan(pattern, std::move(pieces), rests.get());
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
    gated.push_back(
        {index, required->max_before, required->max_after, longest_word, std::move(after_word)});
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
  for (const LiteralRules& literal : literals) {
    for (int index : literal.whole) {
      rule_plans[static_cast<size_t>(index)] =
          CapturePlan::Plan(*rules.rules[static_cast<size_t>(index)].pattern, rests.get());
    }
  }
  Result<SetPrefilter> fallback = SetPrefilter::Create(rules, std::move(ungated));
  if (!fallback.ok()) return Result<std::unique_ptr<Matcher>>::Failure(fallback.diagnostics());
  return Result<std::unique_ptr<Matcher>>(std::make_unique<AnchoredMatcher>(
      rules, std::move(fallback).value(), std::move(figures), std::move(database),
      std::move(scratch), std::move(literals), std::move(tails), std::move(tail_set),
      std::move(rests), std::move(rule_plans), std::move(gated), std::move(gate_words)));
}

}  // namespace glean::internal
