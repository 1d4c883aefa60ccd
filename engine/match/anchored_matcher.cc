// The anchored matcher as it runs: Find reads the text once for the literals (the scan and the
// figures) and runs each rule anchored where one of them occurs, the gated rules near their words
// and the rest after the set prefilter; and the working memory a Find call keeps between calls.
#include "engine/match/anchored_matcher.h"

#include <hs/hs.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "engine/match/capture_plan.h"
#include "engine/match/figure_anchors.h"
#include "engine/match/rule_scan.h"
#include "engine/match/tail.h"
#include "engine/source/utf8.h"

namespace glean::internal {

namespace {

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

}  // namespace

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

ScratchPool::ScratchPool(std::unique_ptr<hs_scratch_t, HsScratchDeleter> prototype,
                         size_t rule_count)
    : prototype_(std::move(prototype)), rule_count_(rule_count) {}

ScratchPool::~ScratchPool() = default;

void ScratchPool::GiveBack::operator()(FindScratch* scratch) const { pool->Release(scratch); }

ScratchPool::Lease ScratchPool::Acquire() const {
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

void ScratchPool::Release(FindScratch* scratch) const {
  std::unique_ptr<FindScratch> owned(scratch);
  owned->Reset();
  std::lock_guard<std::mutex> lock(mutex_);
  free_.push_back(std::move(owned));
}

Candidates AnchoredMatcher::Find(std::string_view text) const {
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

void AnchoredMatcher::SearchGated(std::string_view text,
                                  std::vector<std::pair<unsigned int, size_t>>* hits,
                                  std::vector<re2::StringPiece>* groups, std::vector<Span>* spans,
                                  Candidates* out) const {
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
          while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
            ++start;  // a match starts where a character does
          }
          if (start > word || word - start < gated.min_before) break;
          const size_t next =
              MatchOnce(rule, gated.rule, text, start, RE2::ANCHOR_START, groups, spans, out, plan);
          start = next != kUnset ? next : start + 1;
        }
        cursor = std::max(cursor, start);
      }
    }
    while (hit != hits->end() && hit->first == gated_index) ++hit;
  }
}

}  // namespace glean::internal
