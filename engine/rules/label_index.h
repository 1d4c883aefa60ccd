// The figure rules' label patterns, asked of every figure's label. One RE2::Set over hundreds of
// label patterns builds a DFA state for each new label it reads, every state a set over the whole
// program: some 300,000 instructions a figure with 480 patterns, since a report's labels are
// mostly new. Instead the literals a match must hold (RE2's prefilter atoms) are looked up at the
// label's bytes, and only the patterns whose atoms are there are run. The few patterns with no
// such literal (`^$|项目$`, `4g|5g网络`) would each run on every label; they run as one small
// RE2::Set instead, one pass a label for all of them.
//
// The index compiles and owns the patterns (RE2's FilteredRE2 compiles what it is given, so a rule
// holding its own copy would compile each label twice at start-up).
#ifndef GLEAN_ENGINE_RULES_LABEL_INDEX_H_
#define GLEAN_ENGINE_RULES_LABEL_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

namespace glean::internal {

class LabelIndex {
 public:
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
    matches->clear();
    std::vector<int> candidates;
    Candidates(label, &candidates);
    const re2::StringPiece text(label.data(), label.size());
    for (int index : candidates) {
      if (wanted(index) && RE2::PartialMatch(text, filter_.GetRE2(index))) {
        matches->push_back(index);
      }
    }
    const size_t filtered = matches->size();
    MatchUnfiltered(label, matches);
    matches->erase(std::remove_if(matches->begin() + static_cast<long>(filtered), matches->end(),
                                  [&](int index) { return !wanted(index); }),
                   matches->end());
    std::inplace_merge(matches->begin(), matches->begin() + static_cast<long>(filtered),
                       matches->end());
  }

  // The indexes of the patterns that have literals, all of which `text` holds, whether or not
  // they match it, ascending, into `candidates`: Match's candidates before their patterns run,
  // and for the trace, the rules that nearly named a figure.
  void Candidates(std::string_view text, std::vector<int>* candidates) const;

 private:
  // Atoms are at least this long: one Chinese character, or three Latin letters. A pattern
  // with no literal that long is tried on every label.
  static constexpr int kMinAtomBytes = 3;

  static uint32_t KeyAt(std::string_view text, size_t at);
  // The atoms `text` holds, ascending, into `found`.
  void FoundAtoms(std::string_view text, std::vector<int>* found) const;
  // Appends the patterns without atoms that match `label`, ascending.
  void MatchUnfiltered(std::string_view label, std::vector<int>* matches) const;

  RE2::Options options_;
  re2::FilteredRE2 filter_;
  int added_ = 0;
  std::vector<std::string> atoms_;
  // Atoms by their first kMinAtomBytes bytes.
  std::unordered_map<uint32_t, std::vector<int>> atoms_by_key_;
  std::vector<int> unfiltered_;               // the patterns without atoms, ascending
  std::vector<bool> is_unfiltered_;           // by pattern index
  std::unique_ptr<RE2::Set> unfiltered_set_;  // unfiltered_[i] is its pattern i
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RULES_LABEL_INDEX_H_
