#include "engine/rules/unit_status_index.h"

#include <algorithm>

#include "engine/rules/compiled_rule_set.h"

namespace glean::internal {

bool UnitStatusIndex::Rules::Meets(const Rules& other) const {
  const size_t words = std::min(words_.size(), other.words_.size());
  for (size_t i = 0; i < words; ++i) {
    if ((words_[i] & other.words_[i]) != 0) return true;
  }
  return false;
}

UnitStatusIndex::UnitStatusIndex(const std::vector<FigureRule>& rules)
    : words_((rules.size() + 63) / 64) {
  const auto add = [](Rules* set, size_t rule) {
    set->words_[rule / 64] |= uint64_t{1} << (rule % 64);
  };
  const Rules empty = [&] {
    Rules set;
    set.words_.assign(words_, 0);
    return set;
  }();
  without_units_ = empty;
  by_status_.fill(empty);
  std::unordered_map<std::string, size_t> unit_index;
  std::vector<std::vector<size_t>> rules_of_unit;
  for (size_t r = 0; r < rules.size(); ++r) {
    const FigureRule& rule = rules[r];
    if (rule.units.empty()) add(&without_units_, r);
    for (const std::string& unit : rule.units) {
      const auto [at, fresh] = unit_index.try_emplace(unit, units_.size());
      if (fresh) {
        units_.push_back(unit);
        rules_of_unit.emplace_back();
      }
      rules_of_unit[at->second].push_back(r);
    }
    for (size_t status = 0; status < kStatuses; ++status) {
      if (rule.statuses.empty() ||
          std::find(rule.statuses.begin(), rule.statuses.end(),
                    static_cast<FigureStatus>(status)) != rule.statuses.end()) {
        add(&by_status_[status], r);
      }
    }
  }
  by_unit_.assign(units_.size(), empty);
  for (size_t u = 0; u < units_.size(); ++u) {
    for (size_t r : rules_of_unit[u]) add(&by_unit_[u], r);
    unit_at_.emplace(units_[u], u);  // units_ is complete: its strings no longer move
    longest_unit_ = std::max(longest_unit_, units_[u].size());
    if (!units_[u].empty()) unit_first_bytes_.set(static_cast<unsigned char>(units_[u].front()));
  }
}

void UnitStatusIndex::RulesTaking(std::string_view unit, std::string_view text, FigureStatus status,
                                  Rules* out) const {
  RulesTakingUnit(unit, text, out);
  const std::vector<uint64_t>& statuses = by_status_[static_cast<size_t>(status)].words_;
  for (size_t i = 0; i < words_; ++i) out->words_[i] &= statuses[i];
}

void UnitStatusIndex::RulesTakingUnit(std::string_view unit, std::string_view text,
                                      Rules* out) const {
  out->words_ = without_units_.words_;
  const auto take = [&](std::string_view written) {
    const auto found = unit_at_.find(written);
    if (found == unit_at_.end()) return;
    const std::vector<uint64_t>& words = by_unit_[found->second].words_;
    for (size_t i = 0; i < words_; ++i) out->words_[i] |= words[i];
  };
  take(unit);
  // A longer unit the text ends with: the unit as written, its magnitude with it (亿元). Only
  // where a character starts can a unit start.
  for (size_t length = unit.size() + 1; length <= std::min(longest_unit_, text.size()); ++length) {
    const size_t at = text.size() - length;
    const auto first = static_cast<unsigned char>(text[at]);
    if ((first & 0xC0) == 0x80 || !unit_first_bytes_[first]) continue;
    take(text.substr(at));
  }
}

UnitStatusIndex::Rules UnitStatusIndex::SetOf(const std::vector<int>& rules) const {
  Rules set;
  set.words_.assign(words_, 0);
  for (int rule : rules) {
    if (rule >= 0) set.words_[static_cast<size_t>(rule) / 64] |= uint64_t{1} << (rule % 64);
  }
  return set;
}

}  // namespace glean::internal
