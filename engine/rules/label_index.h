// The figure rules' label patterns, asked of every figure's label. One RE2::Set over hundreds of
// label patterns builds a DFA state for each new label it reads, every state a set over the whole
// program: some 300,000 instructions a figure with 480 patterns, since a report's labels are
// mostly new. Instead the literals a match must hold (RE2's prefilter atoms) are looked up at the
// label's bytes, and only the patterns whose atoms are there are run. The few patterns with no
// such literal (`^$|项目$`, `4g|5g网络`) would each run on every label; they run as one small
// RE2::Set instead, one pass a label for all of them.
//
// Each pattern is compiled in a FilteredRE2 of its own, which gives the pattern's atoms. A label
// is a candidate for a pattern when it holds as many of the pattern's atoms as any match needs
// (worked out once, at start-up): a superset of what the pattern's prefilter passes, found from
// posting lists without walking a prefilter tree (one FilteredRE2 over all the patterns walked
// its tree with allocations sized to all of them on every label: half the cost of a look-up).
// The pattern then runs, so the answer is the pattern's own.
#ifndef GLEAN_ENGINE_RULES_LABEL_INDEX_H_
#define GLEAN_ENGINE_RULES_LABEL_INDEX_H_

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "engine/rules/literal_pattern.h"

namespace glean::internal {

class LabelIndex {
 public:
  // What Match found for the labels of one document, kept so that a label asked again (the
  // second figure of 45户95人 takes the first's label; a report repeats its labels) is neither
  // looked up nor run against a pattern twice. Not thread-safe: one per thread and document.
  // REQUIRES: the labels asked about outlive the memo (it keeps views of them).
  class Memo {
   public:
    // Room for `labels` labels without growing (a report asks one or two a figure).
    void Reserve(size_t labels) {
      entries_.reserve(labels);
      size_t slots = 64;
      while (slots < labels * 2) slots *= 2;
      if (slots > slots_.size()) Grow(slots);
    }

   private:
    friend class LabelIndex;
    enum class Verdict : int8_t { kUnknown, kMatch, kNoMatch };
    // A label's candidates and verdicts are a range of the memo's pools: a report has hundreds
    // of labels, and vectors of their own were most of the look-ups' allocations.
    struct Entry {
      uint32_t candidates_from = 0;  // into candidates_ and verdicts_
      uint32_t candidate_count = 0;
      uint32_t unfiltered_from = 0;  // into unfiltered_
      uint32_t unfiltered_count = 0;
      bool unfiltered_run = false;
    };
    // The entry of `label` and whether it is new. An open-addressed table of views, hashed by a
    // few word-sized loads: the standard map hashed every byte and allocated a node per label.
    std::pair<Entry*, bool> EntryOf(std::string_view label) {
      if ((entries_.size() + 1) * 2 > slots_.size()) Grow(std::max<size_t>(64, slots_.size() * 2));
      const size_t mask = slots_.size() - 1;
      for (size_t at = HashOf(label) & mask;; at = (at + 1) & mask) {
        Slot& slot = slots_[at];
        if (slot.entry == 0) {
          slot = {label, static_cast<uint32_t>(entries_.size() + 1)};
          entries_.emplace_back();
          return {&entries_.back(), true};
        }
        if (slot.label == label) return {&entries_[slot.entry - 1], false};
      }
    }
    static size_t HashOf(std::string_view label) {
      uint64_t hash = label.size() * 0x9E3779B97F4A7C15u;
      const auto mix = [&](uint64_t word) {
        hash = (hash ^ word) * 0xFF51AFD7ED558CCDu;
        hash ^= hash >> 32;
      };
      size_t at = 0;
      for (uint64_t word; at + 8 <= label.size(); at += 8) {
        std::memcpy(&word, label.data() + at, 8);
        mix(word);
      }
      if (at < label.size()) {
        uint64_t word = 0;
        std::memcpy(&word, label.data() + at, label.size() - at);
        mix(word);
      }
      return static_cast<size_t>(hash);
    }
    void Grow(size_t slots) {
      std::vector<Slot> old(slots);
      old.swap(slots_);
      const size_t mask = slots_.size() - 1;
      for (const Slot& slot : old) {
        if (slot.entry == 0) continue;
        size_t at = HashOf(slot.label) & mask;
        while (slots_[at].entry != 0) at = (at + 1) & mask;
        slots_[at] = slot;
      }
    }
    struct Slot {
      std::string_view label;
      uint32_t entry = 0;  // its index in entries_ plus one; 0: the slot is free
    };
    std::vector<Slot> slots_;  // a power of two long, at most half full
    std::vector<Entry> entries_;
    std::vector<int> candidates_;
    std::vector<Verdict> verdicts_;  // by candidate
    std::vector<int> unfiltered_;    // the patterns without atoms that match, ascending by entry
    // Scratch of the look-ups.
    std::vector<int> found_, holding_, fresh_;
  };

  // Every pattern is compiled with `options`.
  explicit LabelIndex(const RE2::Options& options);

  // Compiles `pattern` and adds it; its index is the number added before it. Returns the
  // compiled pattern, owned by the index and alive as long as it, or null when RE2 cannot compile
  // it (nothing is added then).
  const RE2* Add(std::string_view pattern);
  // Call once, after the last Add.
  void Compile();

  // The indexes of the patterns that match somewhere in `label`, ascending, into `matches`.
  void Match(std::string_view label, std::vector<int>* matches) const {
    Match(
        label, [](int) { return true; }, matches);
  }
  // The same, leaving out the patterns for which `wanted(index)` is false; those are not run,
  // so a caller with cheaper tests of its own (a figure's unit) asks them first.
  template <typename Wanted>
  void Match(std::string_view label, const Wanted& wanted, std::vector<int>* matches) const {
    Memo memo;
    Match(label, wanted, &memo, matches);
  }

  // Match, with what earlier calls for the same label found kept in `memo`: the same answer,
  // each pattern run at most once per label.
  template <typename Wanted>
  void Match(std::string_view label, const Wanted& wanted, Memo* memo,
             std::vector<int>* matches) const {
    matches->clear();
    auto [entry_at, fresh] = memo->EntryOf(label);
    Memo::Entry& entry = *entry_at;
    if (fresh) {
      FoundAtoms(label, &memo->found_);
      CountedCandidates(memo->found_, &memo->fresh_, &memo->holding_);
      entry.candidates_from = static_cast<uint32_t>(memo->candidates_.size());
      entry.candidate_count = static_cast<uint32_t>(memo->fresh_.size());
      memo->candidates_.insert(memo->candidates_.end(), memo->fresh_.begin(), memo->fresh_.end());
      memo->verdicts_.resize(memo->candidates_.size(), Memo::Verdict::kUnknown);
    }
    for (uint32_t i = entry.candidates_from; i < entry.candidates_from + entry.candidate_count;
         ++i) {
      const int index = memo->candidates_[i];
      if (!wanted(index)) continue;
      Memo::Verdict& verdict = memo->verdicts_[i];
      if (verdict == Memo::Verdict::kUnknown) {
        verdict = Holds(index, label) ? Memo::Verdict::kMatch : Memo::Verdict::kNoMatch;
      }
      if (verdict == Memo::Verdict::kMatch) matches->push_back(index);
    }
    if (std::none_of(unfiltered_.begin(), unfiltered_.end(), wanted)) return;
    if (!entry.unfiltered_run) {
      entry.unfiltered_from = static_cast<uint32_t>(memo->unfiltered_.size());
      MatchUnfiltered(label, &memo->unfiltered_, &memo->holding_);
      entry.unfiltered_count =
          static_cast<uint32_t>(memo->unfiltered_.size()) - entry.unfiltered_from;
      entry.unfiltered_run = true;
    }
    const size_t filtered = matches->size();
    for (uint32_t i = entry.unfiltered_from; i < entry.unfiltered_from + entry.unfiltered_count;
         ++i) {
      if (wanted(memo->unfiltered_[i])) matches->push_back(memo->unfiltered_[i]);
    }
    std::inplace_merge(matches->begin(), matches->begin() + static_cast<long>(filtered),
                       matches->end());
  }

  // The indexes of the patterns that have literals, whose prefilter `text` passes (it holds the
  // literals some match would need), whether or not they match it, ascending, into
  // `candidates`: for the trace, the rules that nearly named a figure.
  void Candidates(std::string_view text, std::vector<int>* candidates) const;

 private:
  // Atoms are at least this long: one Chinese character, or three Latin letters. A pattern
  // with no literal that long is tried on every label.
  static constexpr int kMinAtomBytes = 3;

  // Whether pattern `index` matches somewhere in `label`.
  bool Holds(int index, std::string_view label) const;
  // The patterns with atoms of which a text holds as many as a match needs, ascending, for the
  // atoms FoundAtoms found in it (`holding` is scratch): Match's candidates before their patterns
  // run, a superset of Candidates'.
  void CountedCandidates(const std::vector<int>& found, std::vector<int>* candidates,
                         std::vector<int>* holding) const;

  static uint32_t KeyAt(std::string_view text, size_t at);
  // The atoms `text` holds, ascending, into `found`.
  void FoundAtoms(std::string_view text, std::vector<int>* found) const;
  // Appends the patterns without atoms that match `label`, ascending (`hits` is scratch).
  void MatchUnfiltered(std::string_view label, std::vector<int>* matches,
                       std::vector<int>* hits) const;

  RE2::Options options_;
  // By pattern: a FilteredRE2 holding that pattern alone (its pattern 0), which owns the
  // compiled pattern and knows its prefilter.
  std::vector<std::unique_ptr<re2::FilteredRE2>> filters_;
  int added_ = 0;
  std::vector<std::string> atoms_;                 // every pattern's atoms, each once
  std::unordered_map<std::string, int> atom_ids_;  // atoms_ by text, while patterns are added
  std::vector<std::vector<int>> pattern_atoms_;    // by pattern: its atoms' ids, in its order
  std::vector<int> atoms_needed_;                  // by pattern: a match holds at least so many
  // By atom: the patterns holding it, ascending, those one atom lets through apart from those
  // that need more.
  std::vector<std::vector<int>> patterns_needing_one_;
  std::vector<std::vector<int>> patterns_needing_more_;
  // The atoms that share their first kMinAtomBytes bytes (a Chinese character). A common
  // character starts dozens of atoms (人口, 人均, 人民 …): the longer ones are grouped by their
  // next three bytes, so a label's character is compared only with the atoms that go on as it does.
  // Each group is a range of one pool: a look-up reads one slot and one bucket, where a map of
  // vectors followed a node and three allocations.
  struct AtomBucket {
    uint32_t whole_begin = 0, whole_end = 0;  // into atom_pool_: atoms of the key's bytes alone
    uint32_t other_begin = 0, other_end = 0;  // into atom_pool_: atoms of 4 or 5 bytes
    uint32_t next_begin = 0, next_end = 0;    // into next_pool_: atoms of 6 bytes or more
  };
  struct KeySlot {
    uint32_t key = 0;
    uint32_t bucket = 0;  // its index in buckets_ plus one; 0: the slot is free
  };
  // The bucket of `key`, or null when no atom starts with it.
  const AtomBucket* BucketOf(uint32_t key) const {
    for (size_t at = SlotOf(key);; at = (at + 1) & (key_slots_.size() - 1)) {
      const KeySlot& slot = key_slots_[at];
      if (slot.bucket == 0) return nullptr;
      if (slot.key == key) return &buckets_[slot.bucket - 1];
    }
  }
  size_t SlotOf(uint32_t key) const {
    return static_cast<size_t>((key * 0x9E3779B1u) >> key_shift_) & (key_slots_.size() - 1);
  }
  // Buckets by their key's first kMinAtomBytes bytes, open-addressed, a power of two long and at
  // most half full.
  std::vector<KeySlot> key_slots_;
  int key_shift_ = 32;
  std::vector<AtomBucket> buckets_;
  std::vector<int> atom_pool_;
  std::vector<std::pair<uint32_t, int>> next_pool_;  // (next key, atom), ascending in a bucket
  // The low 16 bits of every key: most characters of a label begin no atom, and a bit test says
  // so for less than the hash lookup costs.
  std::bitset<1 << 16> key_bits_;
  // By pattern: its literal form, when it is made of plain literals.
  std::vector<std::optional<LiteralPattern>> literals_;
  std::vector<int> unfiltered_;               // the patterns without atoms, ascending
  std::vector<bool> is_unfiltered_;           // by pattern index
  std::unique_ptr<RE2::Set> unfiltered_set_;  // unfiltered_[i] is its pattern i
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RULES_LABEL_INDEX_H_
