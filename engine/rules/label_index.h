// The figure rules' label patterns, asked of every figure's label. One RE2::Set over hundreds of
// label patterns builds a DFA state for each new label it reads, every state a set over the whole
// program: some 300,000 instructions a figure with 480 patterns, since a report's labels are
// mostly new. Instead the literals a match must hold (RE2's prefilter atoms) are looked up at the
// label's bytes, and only the patterns whose atoms are there are run.
#ifndef GLEAN_ENGINE_RULES_LABEL_INDEX_H_
#define GLEAN_ENGINE_RULES_LABEL_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>

namespace glean::internal {

class LabelIndex {
 public:
  LabelIndex();

  // Adds a pattern, with the options it was compiled with; its index is the number added
  // before it. Returns false when RE2 cannot compile it again (it compiled once already).
  bool Add(const RE2& pattern);
  // Call once, after the last Add.
  void Compile();

  // The indexes of the patterns that match somewhere in `label`, ascending, into `matches`.
  void Match(std::string_view label, std::vector<int>* matches) const;

  // The indexes of the patterns that have literals and whose literals `text` holds, whether or
  // not they match it, ascending, into `candidates`: Match's candidates before their patterns
  // run. For the trace (which rules nearly named a figure), not for matching.
  void Candidates(std::string_view text, std::vector<int>* candidates) const;

 private:
  // Atoms are at least this long: one Chinese character, or three Latin letters. A pattern
  // with no literal that long is tried on every label.
  static constexpr int kMinAtomBytes = 3;

  static uint32_t KeyAt(std::string_view text, size_t at);
  // The atoms `text` holds, ascending, into `found`.
  void FoundAtoms(std::string_view text, std::vector<int>* found) const;

  re2::FilteredRE2 filter_;
  int added_ = 0;
  std::vector<std::string> atoms_;
  // Atoms by their first kMinAtomBytes bytes.
  std::unordered_map<uint32_t, std::vector<int>> atoms_by_key_;
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RULES_LABEL_INDEX_H_
