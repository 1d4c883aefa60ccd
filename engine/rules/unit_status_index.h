// Which figure rules take a figure's unit and status, for all rules at once. A rule lists the
// units it takes (户; 亿元, the unit with its magnitude) and the statuses; asking each rule that
// the label index names compared its unit strings one by one, some twenty string compares a
// figure for a rule set of several hundred figure rules. Instead the unit strings of all rules are
// interned once, each with the set of rules that list it, and a figure's fitting units are looked
// up once: the rules that take it are the union of their sets, a bit per rule.
#ifndef GLEAN_ENGINE_RULES_UNIT_STATUS_INDEX_H_
#define GLEAN_ENGINE_RULES_UNIT_STATUS_INDEX_H_

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "glean/figure.h"

namespace glean::internal {

struct FigureRule;

class UnitStatusIndex {
 public:
  // A set of figure rules, a bit per rule index.
  class Rules {
   public:
    bool Has(size_t rule) const { return (words_[rule / 64] >> (rule % 64)) & 1; }
    // Whether some rule of `other` is in this set too.
    bool Meets(const Rules& other) const;

   private:
    friend class UnitStatusIndex;
    std::vector<uint64_t> words_;
  };

  UnitStatusIndex() = default;
  explicit UnitStatusIndex(const std::vector<FigureRule>& rules);

  // The rules that take a figure of unit `unit` (the value's unit without magnitude: 元) whose
  // normalized text is `text` (650余户, 3.2亿元) and of status `status`, into `out`: exactly those
  // for which a rule's unit list is empty or holds `unit`, or holds a longer unit `text` ends
  // with, and whose status list is empty or holds `status`.
  void RulesTaking(std::string_view unit, std::string_view text, FigureStatus status,
                   Rules* out) const;
  // RulesTaking for a figure whose status is not known yet: every status is taken.
  void RulesTakingUnit(std::string_view unit, std::string_view text, Rules* out) const;

  // The set of `rules` (indexes into the figure rules; -1 entries are skipped).
  Rules SetOf(const std::vector<int>& rules) const;

 private:
  static constexpr size_t kStatuses = 4;  // FigureStatus's values

  size_t words_ = 0;
  Rules without_units_;
  std::vector<std::string> units_;                        // every unit some rule lists
  std::vector<Rules> by_unit_;                            // by unit, as in units_
  std::unordered_map<std::string_view, size_t> unit_at_;  // views of units_
  size_t longest_unit_ = 0;
  // The first bytes of the units: a figure's text ends in digits before its unit (3.2亿元), and
  // the tails that start with one are no unit, known without hashing them.
  std::bitset<256> unit_first_bytes_;
  std::array<Rules, kStatuses> by_status_;
};

}  // namespace glean::internal

#endif  // GLEAN_ENGINE_RULES_UNIT_STATUS_INDEX_H_
