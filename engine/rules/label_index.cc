#include "engine/rules/label_index.h"

#include <bit>

namespace glean::internal {

LabelIndex::LabelIndex(const RE2::Options& options) : options_(options) {}

namespace {

// Whether `filter`, holding one pattern, passes text that holds its atoms `found` (indexes
// into its atoms).
bool PrefilterPasses(const re2::FilteredRE2& filter, const std::vector<int>& found) {
  std::vector<int> passed;
  filter.AllPotentials(found, &passed);
  return !passed.empty();
}

// The fewest of its `atom_count` atoms that `filter`'s pattern passes with: 1, 2, or 3 for
// "more than two" (or when a pattern has too many atoms to try every pair, 2).
int AtomsNeeded(const re2::FilteredRE2& filter, int atom_count) {
  for (int a = 0; a < atom_count; ++a) {
    if (PrefilterPasses(filter, {a})) return 1;
  }
  constexpr int kMostAtomsPaired = 24;
  if (atom_count > kMostAtomsPaired) return 2;
  for (int a = 0; a < atom_count; ++a) {
    for (int b = a + 1; b < atom_count; ++b) {
      if (PrefilterPasses(filter, {a, b})) return 2;
    }
  }
  return 3;
}

}  // namespace

const RE2* LabelIndex::Add(std::string_view pattern) {
  auto filter = std::make_unique<re2::FilteredRE2>(kMinAtomBytes);
  int id = 0;
  if (filter->Add(re2::StringPiece(pattern.data(), pattern.size()), options_, &id) !=
      RE2::NoError) {
    return nullptr;
  }
  std::vector<std::string> atoms;
  filter->Compile(&atoms);
  std::vector<int>& ids = pattern_atoms_.emplace_back();
  for (std::string& atom : atoms) {
    const auto [at, fresh] = atom_ids_.try_emplace(atom, static_cast<int>(atoms_.size()));
    if (fresh) atoms_.push_back(std::move(atom));
    ids.push_back(at->second);
  }
  // A pattern the prefilter passes with no atom at all cannot be filtered: it runs on every label.
  const bool unfiltered = PrefilterPasses(*filter, {});
  atoms_needed_.push_back(unfiltered ? 0 : AtomsNeeded(*filter, static_cast<int>(ids.size())));
  is_unfiltered_.push_back(unfiltered);
  if (unfiltered) unfiltered_.push_back(added_);
  literals_.push_back(LiteralPattern::Read(pattern, options_));
  filters_.push_back(std::move(filter));
  ++added_;
  return &filters_.back()->GetRE2(0);
}

bool LabelIndex::Holds(int index, std::string_view label) const {
  return MatchesSomewhere(filters_[static_cast<size_t>(index)]->GetRE2(0),
                          literals_[static_cast<size_t>(index)], label);
}

void LabelIndex::Compile() {
  atom_ids_.clear();  // only Add looks atoms up by text
  patterns_needing_one_.assign(atoms_.size(), {});
  patterns_needing_more_.assign(atoms_.size(), {});
  for (int index = 0; index < added_; ++index) {
    if (is_unfiltered_[static_cast<size_t>(index)]) continue;
    auto& by_atom = atoms_needed_[static_cast<size_t>(index)] == 1 ? patterns_needing_one_
                                                                   : patterns_needing_more_;
    for (int atom : pattern_atoms_[static_cast<size_t>(index)]) {
      by_atom[static_cast<size_t>(atom)].push_back(index);
    }
  }
  // The atoms by key, each group in the order of the atoms, then laid out in the pools.
  std::unordered_map<uint32_t, std::vector<int>> by_key;
  std::vector<uint32_t> keys;  // in the order first seen, so the layout does not hang on hashing
  for (size_t i = 0; i < atoms_.size(); ++i) {
    // Atoms shorter than the key are not made (kMinAtomBytes), but stay safe if one were.
    if (atoms_[i].size() < kMinAtomBytes) continue;
    const uint32_t key = KeyAt(atoms_[i], 0);
    auto [at, fresh] = by_key.try_emplace(key);
    if (fresh) keys.push_back(key);
    at->second.push_back(static_cast<int>(i));
    key_bits_.set(key & 0xFFFF);
  }
  size_t slots = 64;
  while (slots < keys.size() * 2) slots *= 2;
  key_slots_.assign(slots, KeySlot());
  key_shift_ = 32 - std::countr_zero(slots);
  for (uint32_t key : keys) {
    AtomBucket bucket;
    const std::vector<int>& atoms = by_key[key];
    const auto pool = [&](auto wanted, uint32_t* begin, uint32_t* end) {
      *begin = static_cast<uint32_t>(atom_pool_.size());
      for (int atom : atoms) {
        if (wanted(atoms_[static_cast<size_t>(atom)].size())) atom_pool_.push_back(atom);
      }
      *end = static_cast<uint32_t>(atom_pool_.size());
    };
    pool([](size_t size) { return size == kMinAtomBytes; }, &bucket.whole_begin, &bucket.whole_end);
    pool([](size_t size) { return size > kMinAtomBytes && size < 2 * kMinAtomBytes; },
         &bucket.other_begin, &bucket.other_end);
    bucket.next_begin = static_cast<uint32_t>(next_pool_.size());
    for (int atom : atoms) {
      const std::string& text = atoms_[static_cast<size_t>(atom)];
      if (text.size() >= 2 * kMinAtomBytes)
        next_pool_.emplace_back(KeyAt(text, kMinAtomBytes), atom);
    }
    bucket.next_end = static_cast<uint32_t>(next_pool_.size());
    std::sort(next_pool_.begin() + bucket.next_begin, next_pool_.end());
    buckets_.push_back(bucket);
    size_t at = SlotOf(key);
    while (key_slots_[at].bucket != 0) at = (at + 1) & (slots - 1);
    key_slots_[at] = {key, static_cast<uint32_t>(buckets_.size())};
  }
  if (unfiltered_.empty()) return;
  unfiltered_set_ = std::make_unique<RE2::Set>(options_, RE2::UNANCHORED);
  for (int index : unfiltered_) {
    if (unfiltered_set_->Add(filters_[static_cast<size_t>(index)]->GetRE2(0).pattern(), nullptr) <
        0) {
      unfiltered_set_.reset();  // each pattern compiled alone; run them one by one
      return;
    }
  }
  if (!unfiltered_set_->Compile()) unfiltered_set_.reset();
}

uint32_t LabelIndex::KeyAt(std::string_view text, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(text[at])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(text[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(text[at + 2]));
}

void LabelIndex::FoundAtoms(std::string_view label, std::vector<int>* found) const {
  // Atoms are lowercase; the patterns themselves run on the label as it is. Most labels are
  // Chinese and have no capital to lower: they are searched without a copy.
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  std::string lowered_copy;
  std::string_view lowered = label;
  if (std::any_of(label.begin(), label.end(), upper)) {
    lowered_copy.assign(label);
    for (char& c : lowered_copy) {
      if (upper(c)) c = static_cast<char>(c - 'A' + 'a');
    }
    lowered = lowered_copy;
  }
  found->clear();
  // Atoms are whole characters: they start where a character does, so the walk steps from one
  // character to the next (a Chinese character is three bytes; labels and clauses are valid UTF-8,
  // cut from the normalized text at characters).
  for (size_t at = 0, step = 1; at + kMinAtomBytes <= lowered.size(); at += step) {
    const auto lead = static_cast<unsigned char>(lowered[at]);
    step = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if ((lead & 0xC0) == 0x80) continue;  // not UTF-8 after all: byte by byte, as before
    const uint32_t key = KeyAt(lowered, at);
    if (!key_bits_.test(key & 0xFFFF)) continue;
    const AtomBucket* bucket = BucketOf(key);
    if (bucket == nullptr) continue;
    found->insert(found->end(), atom_pool_.begin() + bucket->whole_begin,
                  atom_pool_.begin() + bucket->whole_end);
    // The bytes compared so far are equal already; the rest, a few bytes, compared inline (a
    // call to memcmp cost more than the compare).
    const auto ends_here = [&](int atom, size_t equal) {
      const std::string& text = atoms_[static_cast<size_t>(atom)];
      if (text.size() > lowered.size() - at) return false;
      size_t i = equal;
      while (i < text.size() && lowered[at + i] == text[i]) ++i;
      return i == text.size();
    };
    for (uint32_t i = bucket->other_begin; i < bucket->other_end; ++i) {
      if (ends_here(atom_pool_[i], kMinAtomBytes)) found->push_back(atom_pool_[i]);
    }
    if (bucket->next_begin == bucket->next_end || lowered.size() - at < 2 * kMinAtomBytes) {
      continue;
    }
    const uint32_t next = KeyAt(lowered, at + kMinAtomBytes);
    const auto by_next_end = next_pool_.begin() + bucket->next_end;
    for (auto it = std::lower_bound(next_pool_.begin() + bucket->next_begin, by_next_end,
                                    std::pair<uint32_t, int>(next, -1));
         it != by_next_end && it->first == next; ++it) {
      if (ends_here(it->second, 2 * kMinAtomBytes)) found->push_back(it->second);
    }
  }
  if (found->size() < 2) return;
  std::sort(found->begin(), found->end());
  found->erase(std::unique(found->begin(), found->end()), found->end());
}

void LabelIndex::CountedCandidates(const std::vector<int>& found, std::vector<int>* candidates,
                                   std::vector<int>* holding) const {
  candidates->clear();
  if (found.empty()) return;
  // One atom found (most labels): the patterns it alone lets through, already ascending.
  if (found.size() == 1) {
    const std::vector<int>& alone = patterns_needing_one_[static_cast<size_t>(found.front())];
    candidates->assign(alone.begin(), alone.end());
    return;
  }
  // Each pattern that one atom lets through, and each that needs more, once for each of its
  // atoms found; of those the ones holding enough stay.
  holding->clear();
  for (int atom : found) {
    const std::vector<int>& alone = patterns_needing_one_[static_cast<size_t>(atom)];
    candidates->insert(candidates->end(), alone.begin(), alone.end());
    const std::vector<int>& more = patterns_needing_more_[static_cast<size_t>(atom)];
    holding->insert(holding->end(), more.begin(), more.end());
  }
  std::sort(holding->begin(), holding->end());
  for (size_t i = 0; i < holding->size();) {
    size_t run = i + 1;
    while (run < holding->size() && (*holding)[run] == (*holding)[i]) ++run;
    if (static_cast<int>(run - i) >= atoms_needed_[static_cast<size_t>((*holding)[i])]) {
      candidates->push_back((*holding)[i]);
    }
    i = run;
  }
  std::sort(candidates->begin(), candidates->end());
  candidates->erase(std::unique(candidates->begin(), candidates->end()), candidates->end());
}

void LabelIndex::Candidates(std::string_view text, std::vector<int>* candidates) const {
  std::vector<int> found, holding;
  FoundAtoms(text, &found);
  CountedCandidates(found, candidates, &holding);
  // Each counted candidate asked its own prefilter, with the atoms found among its own.
  std::vector<int> local;
  std::erase_if(*candidates, [&](int index) {
    const std::vector<int>& atoms = pattern_atoms_[static_cast<size_t>(index)];
    local.clear();
    for (size_t a = 0; a < atoms.size(); ++a) {
      if (std::binary_search(found.begin(), found.end(), atoms[a])) {
        local.push_back(static_cast<int>(a));
      }
    }
    return !PrefilterPasses(*filters_[static_cast<size_t>(index)], local);
  });
}

void LabelIndex::MatchUnfiltered(std::string_view label, std::vector<int>* matches,
                                 std::vector<int>* hits) const {
  const re2::StringPiece text(label.data(), label.size());
  const size_t from = matches->size();
  if (unfiltered_set_ != nullptr) {
    RE2::Set::ErrorInfo error;
    if (unfiltered_set_->Match(text, hits, &error) || error.kind == RE2::Set::kNoError) {
      std::sort(hits->begin(), hits->end());
      for (int hit : *hits) matches->push_back(unfiltered_[static_cast<size_t>(hit)]);
      return;
    }
    matches->resize(from);  // the set's DFA ran out of memory: ask each pattern
  }
  for (int index : unfiltered_) {
    if (RE2::PartialMatch(text, filters_[static_cast<size_t>(index)]->GetRE2(0)))
      matches->push_back(index);
  }
}

}  // namespace glean::internal
