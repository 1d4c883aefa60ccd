#include "engine/rules/label_index.h"

#include <algorithm>

namespace glean::internal {

LabelIndex::LabelIndex() : filter_(kMinAtomBytes) {}

bool LabelIndex::Add(const RE2& pattern) {
  int id = 0;
  if (filter_.Add(pattern.pattern(), pattern.options(), &id) != RE2::NoError) return false;
  ++added_;
  return true;
}

void LabelIndex::Compile() {
  if (added_ == 0) return;  // FilteredRE2 refuses to compile nothing
  filter_.Compile(&atoms_);
  for (size_t i = 0; i < atoms_.size(); ++i) {
    // Atoms shorter than the key are not made (kMinAtomBytes), but stay safe if one were.
    if (atoms_[i].size() < kMinAtomBytes) continue;
    atoms_by_key_[KeyAt(atoms_[i], 0)].push_back(static_cast<int>(i));
  }
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
  for (size_t at = 0; at + kMinAtomBytes <= lowered.size(); ++at) {
    const auto bucket = atoms_by_key_.find(KeyAt(lowered, at));
    if (bucket == atoms_by_key_.end()) continue;
    for (int atom : bucket->second) {
      const std::string& text = atoms_[static_cast<size_t>(atom)];
      if (lowered.compare(at, text.size(), text) == 0) found->push_back(atom);
    }
  }
  std::sort(found->begin(), found->end());
  found->erase(std::unique(found->begin(), found->end()), found->end());
}

void LabelIndex::Match(std::string_view label, std::vector<int>* matches) const {
  matches->clear();
  if (added_ == 0) return;
  std::vector<int> found;
  FoundAtoms(label, &found);
  filter_.AllMatches(re2::StringPiece(label.data(), label.size()), found, matches);
  std::sort(matches->begin(), matches->end());
}

void LabelIndex::Candidates(std::string_view text, std::vector<int>* candidates) const {
  candidates->clear();
  if (added_ == 0) return;
  std::vector<int> found;
  FoundAtoms(text, &found);
  filter_.AllPotentials(found, candidates);
  // Patterns without literals are potential whatever the text: they are no evidence.
  std::vector<int> without_literals;
  filter_.AllPotentials({}, &without_literals);
  std::sort(candidates->begin(), candidates->end());
  std::sort(without_literals.begin(), without_literals.end());
  candidates->erase(
      std::set_difference(candidates->begin(), candidates->end(), without_literals.begin(),
                          without_literals.end(), candidates->begin()),
      candidates->end());
}

}  // namespace glean::internal
