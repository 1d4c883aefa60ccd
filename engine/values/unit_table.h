// The units glean knows, shared by the slot patterns (what a slot may match) and the value parser
// (what a matched unit means). docs/values.md prints this table for analysts.
#ifndef GLEAN_ENGINE_VALUES_UNIT_TABLE_H_
#define GLEAN_ENGINE_VALUES_UNIT_TABLE_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace glean::values {

enum class Dimension { kCount, kMoney, kArea, kLength, kWeight, kVolume, kPercent, kTime };

struct Unit {
  std::string_view word;  // as it appears in normalized text
  Dimension dimension;
  std::string_view canonical;  // "CNY", "m", "m2", "kg", "m3"; empty when not convertible
  // canonical value = value × factor_numerator / factor_denominator (1 亩 = 10000/15 m²)
  long long factor_numerator;
  long long factor_denominator;
};

// Every unit, longest word first, so a scan can take the first that matches.
std::span<const Unit> Units();

// The unit whose word starts `text`, longest first; nullptr when none.
const Unit* UnitAt(std::string_view text);

// The `quantity` slot pattern reading `declared_units` (normalized words) besides the table's.
std::string QuantityPatternWith(const std::vector<std::string>& declared_units);

}  // namespace glean::values

#endif  // GLEAN_ENGINE_VALUES_UNIT_TABLE_H_
