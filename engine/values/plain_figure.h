// Figures written as plain digits (with 万 or 亿 after them) before a unit (42公里, 2.4万亩, 5.5%),
// read to the field ParseValue gives them without its search for prefixes, Chinese numerals and
// ranges: for a caller that has already found where the number and its unit end (the figures
// stage reads every number of every report).
#ifndef GLEAN_ENGINE_VALUES_PLAIN_FIGURE_H_
#define GLEAN_ENGINE_VALUES_PLAIN_FIGURE_H_

#include <optional>
#include <string_view>

#include "engine/values/unit_table.h"
#include "glean/value.h"

namespace glean::values {

// The value the value parser reads from `number` when it is ASCII digits with at most one point
// between two of them, followed by nothing, 万, 亿 or 万亿 (2.4万 → 24000, the same Decimal).
// nullopt when `number` is of another form or its value does not fit a Decimal: then ask
// ParseValue.
std::optional<Decimal> PlainNumber(std::string_view number);

// What ParseValue(SlotType::kQuantity, number + unit.word + suffix) gives, where `value` is
// PlainNumber(number) and `approx` is what the suffix says (以上 kMore, 以下 and 以内 kLess, 左右
// and 上下 kAbout; kExact for none). REQUIRES: `unit` is UnitAt of the text after the number, and
// the text after the number starts with no character that goes on a numeral (a Chinese digit,
// 十百千, 万, 亿, 余, 多) or separates a range (- ~ — 至 到).
Field PlainQuantity(const Decimal& value, const Unit& unit, Approx approx);

// What ParseValue(SlotType::kPercent, number + "%" + suffix) gives; as above.
Field PlainPercent(const Decimal& value, Approx approx);

}  // namespace glean::values

#endif  // GLEAN_ENGINE_VALUES_PLAIN_FIGURE_H_
