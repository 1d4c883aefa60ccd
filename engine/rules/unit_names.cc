#include "engine/rules/unit_names.h"

#include <vector>

#include <fmt/format.h>

#include "engine/figures/reader.h"
#include "engine/rules/pattern_expander.h"
#include "engine/values/unit_table.h"

namespace glean::rules {

namespace {

// The magnitudes a figure's unit may be written with (1.5万亩); a value folds them into its number.
constexpr std::string_view kMagnitudes[] = {"万", "亿", "千", "百"};

bool KnownUnit(std::string_view word, bool figure_rule, const std::set<std::string>& declared) {
  if (declared.count(std::string(word))) return true;
  if (const values::Unit* unit = values::UnitAt(word); unit != nullptr && unit->word == word) {
    return true;
  }
  if (!figure_rule) return false;
  if (figures::ExtraUnitAt(word) == word) return true;
  // A rate as figures read it: 元/月, 元/人, 微克/立方米.
  const size_t slash = word.find('/');
  return slash != std::string_view::npos && slash + 1 < word.size() &&
         KnownUnit(word.substr(0, slash), figure_rule, declared);
}

// Units written in Latin letters, as a rule writer may think of them, and the unit reports write.
constexpr std::pair<std::string_view, std::string_view> kLatinNames[] = {
    {"mu", "亩"}, {"hu", "户"},  {"ren", "人"},       {"yuan", "元"},     {"ge", "个"},
    {"ci", "次"}, {"dun", "吨"}, {"jin", "斤"},       {"gongli", "公里"}, {"gongqing", "公顷"},
    {"mi", "米"}, {"ton", "吨"}, {"hectare", "公顷"}, {"person", "人"},
};

}  // namespace

std::string ClosestUnit(std::string_view word, const std::set<std::string>& declared) {
  for (const auto& [latin, unit] : kLatinNames) {
    if (word == latin) return std::string(unit);
  }
  std::vector<std::string> candidates(declared.begin(), declared.end());
  for (const values::Unit& unit : values::Units()) candidates.emplace_back(unit.word);
  return ClosestMatch(word, candidates);
}

std::string UnknownUnit(std::string_view word, bool figure_rule,
                        const std::set<std::string>& declared) {
  if (KnownUnit(word, figure_rule, declared)) return "";
  // The unit under its magnitudes (万亿元 → 元), if it is one.
  std::string_view rest = word;
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view magnitude : kMagnitudes) {
      if (rest.size() > magnitude.size() && rest.starts_with(magnitude)) {
        rest.remove_prefix(magnitude.size());
        stripped = true;
      }
    }
  }
  if (rest != word && KnownUnit(rest, figure_rule, declared)) {
    // A figure rule compares the unit as written too, so 亿元 is a unit there.
    if (figure_rule) return "";
    return fmt::format(
        "unknown unit '{}': a field's unit is the word without its magnitude, which is part of "
        "the value (1.5万{} is 15000 {}); write '{}'",
        word, rest, rest, rest);
  }
  const std::string hint = ClosestUnit(word, declared);
  return fmt::format(
      "unknown unit '{}'{}; the units are listed in docs/values.md, and a rule set may declare "
      "its own under 'units:'",
      word, hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint));
}

}  // namespace glean::rules
