// Typed values: exact decimals, approximate quantities with units, money, percentages and dates.
//
// This is glean's value library, usable on its own: the slot types of the rule language
// (`{count:quantity}`) are defined here, both the RE2 sub-pattern a slot expands to and the parser
// that turns the matched text into a typed Field. Parsing works on normalized text (NFKC,
// simplified script), which is what rules match.
#ifndef GLEAN_VALUE_H_
#define GLEAN_VALUE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace glean {

// An exact decimal number: mantissa × 10^-scale. `0.725万` is exactly 7250, never 7249.9999.
// Caveat: the mantissa is 64-bit; values beyond ±9.2e18 (at scale 0) do not parse.
class Decimal {
 public:
  Decimal() = default;
  Decimal(int64_t mantissa, int scale);  // REQUIRES: 0 <= scale <= 18
  static Decimal FromInt(int64_t value) { return Decimal(value, 0); }

  // Parses "-12", "1,234.5", "0.725". Returns nullopt for anything else or on overflow.
  static std::optional<Decimal> Parse(std::string_view text);

  int64_t mantissa() const { return mantissa_; }
  int scale() const { return scale_; }
  bool IsInteger() const;
  double ToDouble() const;
  // Shortest exact decimal form: "7250", "97.5", "-0.05". No exponent, no trailing zeros.
  std::string ToString() const;
  // Writes the text of ToString at `out`, which has room for kMaxChars; returns its end. For
  // writers that print many values and should not make a string of each.
  static constexpr size_t kMaxChars = 48;  // sign, "0.", 18 zeros of scale, 20 digits
  char* Write(char* out) const;

  // Exact arithmetic; nullopt on overflow.
  std::optional<Decimal> Add(const Decimal& other) const;
  std::optional<Decimal> Multiply(const Decimal& other) const;
  std::optional<Decimal> MultiplyByPowerOf10(int exponent) const;

  // Compares numerically: 1.50 == 1.5.
  friend bool operator==(const Decimal& a, const Decimal& b);
  friend bool operator<(const Decimal& a, const Decimal& b);

 private:
  int64_t mantissa_ = 0;
  int scale_ = 0;
};

// How a figure relates to its stated value: 余/多/以上 → more, 不足/近 → less, 约/左右 → about.
enum class Approx { kExact, kMore, kLess, kAbout };
const char* ApproxName(Approx approx);  // "", "more", "less", "about"

// A value in a convertible dimension, in its canonical unit: CNY, m, m2, kg, m3; money is TWD,
// at the same value, in a report that names 新台币 and never 人民币.
struct Canonical {
  Decimal value;
  std::string unit;
};

// One typed field of a fact.
struct Field {
  std::string name;
  // A number (int, number, quantity, money, percent, year), an ISO 8601 date string ("2023-12-10",
  // "2022-02") for dates, or the text itself for `text` slots.
  std::variant<std::monostate, Decimal, std::string> value;
  std::string unit;  // unit word without magnitude: 户, 元, 亩, %; empty when none
  Approx approx = Approx::kExact;
  std::optional<Decimal> min;  // ranges: 3-5个 → min 3, max 5 (value is min)
  std::optional<Decimal> max;
  std::optional<Canonical> canonical;
  std::string raw;  // the original text of the field (set by the engine)
};

// The built-in slot types of the rule language.
enum class SlotType { kInt, kNumber, kQuantity, kMoney, kPercent, kDate, kYear, kText };

// "int" → kInt, ... Returns false for an unknown name.
bool ParseSlotType(std::string_view name, SlotType* type);
const char* SlotTypeName(SlotType type);

// The RE2 sub-pattern a slot of this type expands to, with no capturing groups of its own (only
// `(?:…)`), so the compiler can wrap it in a named group. It matches normalized text.
const std::string& SlotPattern(SlotType type);

// A unit a rule set declares beyond the built-in table (`units:` in a rule file).
struct DeclaredUnit {
  std::string word;  // as it appears in normalized text: 羽, 担
  std::string base;  // a unit of the table the value is given in (担 → 斤); empty: the word itself
  Decimal factor = Decimal::FromInt(1);  // value in `base` = value in `word` × factor
};

// What a value parser knows about the document it is in.
struct ValueContext {
  int document_year = 0;  // anchors `12月10日`; 0 when unknown
  // The rule set's declared units, read before the table's; null when it declares none. Not
  // owned: it must outlive the parse.
  const std::vector<DeclaredUnit>* units = nullptr;
};

// Parses `text` (normalized, as matched by SlotPattern(type) or by a user's own group) into a field
// of that type. Returns nullopt when the text is not a value of the type (the match is then
// dropped). `name` and `raw` of the result are left empty for the caller.
// `following` is the rest of the match after the slot: in `完成改厕{count:quantity}户` the slot
// matches `650余` and `following` is `户`; a parser may take an approximation word, a magnitude or
// a unit from its start when `text` has none (so the fact still says unit 户, approx more).
std::optional<Field> ParseValue(SlotType type, std::string_view text, const ValueContext& context,
                                std::string_view following = {});

}  // namespace glean

#endif  // GLEAN_VALUE_H_
