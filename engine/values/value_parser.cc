// Parsing matched text into typed values. Works on normalized text: ASCII digits and punctuation,
// Simplified script.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/source/utf8.h"
#include "engine/values/plain_figure.h"
#include "engine/values/unit_table.h"
#include "glean/value.h"

namespace glean {

namespace {

bool Consume(std::string_view* text, std::string_view word) {
  // The last byte first: words are mostly one Chinese character, and characters of one block
  // share their first bytes. Numerals are read by trying word after word.
  if (word.size() > text->size() || (!word.empty() && (*text)[word.size() - 1] != word.back())) {
    return false;
  }
  // The rest a byte at a time, inline: a call to memcmp costs more than these few bytes.
  for (size_t i = 0; i + 1 < word.size(); ++i) {
    if ((*text)[i] != word[i]) return false;
  }
  text->remove_prefix(word.size());
  return true;
}

struct WordValue {
  std::string_view word;
  int value;
};

// Chinese digits, everyday and financial forms; 廿 and 卅 are tens that a digit may follow.
constexpr WordValue kDigits[] = {
    {"零", 0}, {"〇", 0}, {"○", 0},  {"一", 1}, {"壹", 1}, {"二", 2}, {"两", 2},  {"贰", 2},
    {"三", 3}, {"叁", 3}, {"四", 4}, {"肆", 4}, {"五", 5}, {"伍", 5}, {"六", 6},  {"陆", 6},
    {"七", 7}, {"柒", 7}, {"八", 8}, {"捌", 8}, {"九", 9}, {"玖", 9}, {"廿", 20}, {"卅", 30},
};
constexpr WordValue kSmallUnits[] = {{"十", 1}, {"拾", 1}, {"百", 2},
                                     {"佰", 2}, {"千", 3}, {"仟", 3}};

// Whether `text` starts with a character that can go on a numeral: a Chinese digit, 十百千 (and
// their financial forms), 万 or 亿. The character after most figures (户, 人, 元 …) is none of
// them, and one search says so where trying the words one by one took some thirty comparisons.
bool MayContinueNumeral(std::string_view text) {
  static constexpr auto kKeys = [] {
    std::array<uint32_t, std::size(kDigits) + std::size(kSmallUnits) + 2> keys{};
    size_t n = 0;
    for (const WordValue& w : kDigits) keys[n++] = source::CharKey(w.word);
    for (const WordValue& w : kSmallUnits) keys[n++] = source::CharKey(w.word);
    keys[n++] = source::CharKey("万");
    keys[n++] = source::CharKey("亿");
    std::sort(keys.begin(), keys.end());
    return keys;
  }();
  static_assert(std::all_of(std::begin(kDigits), std::end(kDigits),
                            [](const WordValue& w) { return w.word.size() == 3; }) &&
                    std::all_of(std::begin(kSmallUnits), std::end(kSmallUnits),
                                [](const WordValue& w) { return w.word.size() == 3; }),
                "each word that goes on a numeral is one three-byte character");
  return text.size() >= 3 &&
         std::binary_search(kKeys.begin(), kKeys.end(), source::CharKey(text.substr(0, 3)));
}

std::optional<int> ConsumeWord(std::string_view* text, std::span<const WordValue> words) {
  for (const WordValue& w : words) {
    if (Consume(text, w.word)) return w.value;
  }
  return std::nullopt;
}

// An Arabic number at the start of `text`: digits, thousands commas, a decimal part.
std::optional<Decimal> ConsumeArabic(std::string_view* text) {
  size_t end = 0;
  while (end < text->size()) {
    const char c = (*text)[end];
    const bool digit = c >= '0' && c <= '9';
    const bool inner = (c == ',' || c == '.') && end > 0 && end + 1 < text->size() &&
                       (*text)[end + 1] >= '0' && (*text)[end + 1] <= '9';
    if (!digit && !inner) break;
    ++end;
  }
  if (end == 0) return std::nullopt;
  std::optional<Decimal> value = Decimal::Parse(text->substr(0, end));
  if (value) text->remove_prefix(end);
  return value;
}

std::optional<Decimal> Sum(std::optional<Decimal> a, const std::optional<Decimal>& b) {
  if (!a || !b) return std::nullopt;
  return a->Add(*b);
}

// A numeral at the start of `text`: Arabic, Chinese, or mixed (2.4万, 3万5千, 一百零五, 二〇二一).
// Consumes what it reads; nullopt when no numeral starts there.
std::optional<Decimal> ConsumeNumeral(std::string_view* text) {
  std::optional<Decimal> total = Decimal(), section = Decimal(), chunk = Decimal();
  std::optional<Decimal> current;
  bool any = false, multiplier_seen = false, after_ten_word = false;
  std::string_view rest = *text;
  while (!rest.empty()) {
    if (std::optional<Decimal> arabic = ConsumeArabic(&rest)) {
      if (current) break;
      current = arabic;
      any = true;
      after_ten_word = false;
      continue;
    }
    // Nothing below consumes anything else.
    if (!MayContinueNumeral(rest)) break;
    std::string_view probe = rest;
    if (std::optional<int> digit = ConsumeWord(&probe, kDigits)) {
      if (current && after_ten_word && *digit < 10) {
        current = current->Add(Decimal::FromInt(*digit));  // 廿三
      } else if (current && !multiplier_seen && !current->IsInteger()) {
        break;
      } else if (current && current->mantissa() != 0 && multiplier_seen) {
        break;  // 五五 after a multiplier is not a numeral
      } else if (current && !multiplier_seen) {
        current = current->MultiplyByPowerOf10(1);  // positional: 二〇二一
        if (current) current = current->Add(Decimal::FromInt(*digit));
      } else {
        current = Decimal::FromInt(*digit);
      }
      after_ten_word = *digit >= 20;
      any = true;
      rest = probe;
      if (!current) return std::nullopt;
      continue;
    }
    // 千米 and 千克 are units, not 千 × 米.
    if (any && values::UnitAt(rest) != nullptr) break;
    if (std::optional<int> power = ConsumeWord(&probe, kSmallUnits)) {
      // 百 or 千 alone is not a numeral, but 百万 and 千万 are.
      if (!current && *power != 1 &&
          !(any == false && (probe.substr(0, 3) == "万" || probe.substr(0, 3) == "亿"))) {
        break;
      }
      Decimal base = current ? *current : Decimal::FromInt(1);
      chunk = Sum(chunk, base.MultiplyByPowerOf10(*power));
      current.reset();
      multiplier_seen = any = true;
      after_ten_word = false;
      rest = probe;
      if (!chunk) return std::nullopt;
      continue;
    }
    if (any && Consume(&probe, "万")) {
      std::optional<Decimal> level = Sum(chunk, current ? *current : Decimal());
      section = Sum(section, level ? level->MultiplyByPowerOf10(4) : std::nullopt);
      chunk = Decimal();
      current.reset();
      multiplier_seen = true;
      rest = probe;
      if (!section) return std::nullopt;
      continue;
    }
    if (any && Consume(&probe, "亿")) {
      std::optional<Decimal> level =
          Sum(Sum(total, section), Sum(chunk, current ? *current : Decimal()));
      total = level ? level->MultiplyByPowerOf10(8) : std::nullopt;
      section = chunk = Decimal();
      current.reset();
      multiplier_seen = true;
      rest = probe;
      if (!total) return std::nullopt;
      continue;
    }
    break;
  }
  if (!any) return std::nullopt;
  std::optional<Decimal> value =
      Sum(Sum(total, section), Sum(chunk, current ? *current : Decimal()));
  if (value) *text = rest;
  return value;
}

// A minus sign: -, −, 负 (負 before folding). The caller has a numeral follow it.
bool ConsumeSign(std::string_view* text) {
  return Consume(text, "-") || Consume(text, "−") || Consume(text, "负") || Consume(text, "負");
}

bool ConsumeMore(std::string_view* text) { return Consume(text, "余") || Consume(text, "多"); }

// A magnitude after the numeral: 400余万 → ×10⁴.
int ConsumeMagnitude(std::string_view* text) {
  if (Consume(text, "万")) return 4;
  if (Consume(text, "亿")) return 8;
  return 0;
}

std::optional<Approx> ConsumePrefix(std::string_view* text) {
  static constexpr std::pair<std::string_view, Approx> kPrefixes[] = {
      {"大约", Approx::kAbout}, {"约", Approx::kAbout}, {"将近", Approx::kLess},
      {"接近", Approx::kLess},  {"近", Approx::kLess},  {"超过", Approx::kMore},
      {"超", Approx::kMore},    {"逾", Approx::kMore},  {"不到", Approx::kLess},
      {"不足", Approx::kLess},  {"不少于", Approx::kMore}, {"不低于", Approx::kMore},
      {"至少", Approx::kMore},
  };
  for (const auto& [word, approx] : kPrefixes) {
    if (Consume(text, word)) return approx;
  }
  return std::nullopt;
}

std::optional<Approx> ConsumeSuffix(std::string_view* text) {
  static constexpr std::pair<std::string_view, Approx> kSuffixes[] = {
      {"以上", Approx::kMore},  {"以下", Approx::kLess},  {"以内", Approx::kLess},
      {"左右", Approx::kAbout}, {"上下", Approx::kAbout},
  };
  for (const auto& [word, approx] : kSuffixes) {
    if (Consume(text, word)) return approx;
  }
  return std::nullopt;
}

// A numeral with its 余/多 and magnitude, in either order: 400余万, 2.4万余, 3万.
struct Amount {
  Decimal value;
  bool more = false;
  int magnitude = 0;
};

std::optional<Amount> ConsumeAmount(std::string_view* text) {
  std::string_view rest = *text;
  const bool negative = ConsumeSign(&rest);
  const std::string_view unsigned_text = rest;
  std::optional<Decimal> numeral = ConsumeNumeral(&rest);
  if (!numeral) return std::nullopt;
  if (negative) numeral = numeral->Multiply(Decimal::FromInt(-1));
  if (!numeral) return std::nullopt;
  Amount amount;
  const std::string_view numeral_text = unsigned_text.substr(0, unsigned_text.size() - rest.size());
  // 5万 read as one numeral still carries its magnitude, which a range may share: 3-5万.
  const int inner_magnitude = numeral_text.ends_with("万")   ? 4
                              : numeral_text.ends_with("亿") ? 8
                                                             : 0;
  amount.more = ConsumeMore(&rest);
  amount.magnitude = ConsumeMagnitude(&rest);
  if (!amount.more) amount.more = ConsumeMore(&rest);
  std::optional<Decimal> scaled = numeral->MultiplyByPowerOf10(amount.magnitude);
  if (!scaled) return std::nullopt;
  amount.value = *scaled;
  if (amount.magnitude == 0) amount.magnitude = inner_magnitude;
  *text = rest;
  return amount;
}

bool ConsumeRangeSeparator(std::string_view* text) {
  return Consume(text, "-") || Consume(text, "~") || Consume(text, "—") || Consume(text, "至") ||
         Consume(text, "到");
}

// value × numerator / denominator: exact where the quotient terminates within 6 more decimals,
// else rounded half away from zero to 2 decimals (1 亩 is 666.67 m²).
std::optional<Decimal> Convert(const Decimal& value, long long numerator, long long denominator) {
  std::optional<Decimal> product = value.Multiply(Decimal::FromInt(numerator));
  if (!product || denominator == 1) return product;
  int64_t mantissa = product->mantissa();
  for (int extra = 0; extra <= 6; ++extra) {
    if (mantissa % denominator == 0) {
      return Decimal(mantissa / denominator, product->scale() + extra).MultiplyByPowerOf10(0);
    }
    if (product->scale() + extra + 1 > 18 || __builtin_mul_overflow(mantissa, 10, &mantissa)) break;
  }
  int64_t scaled = 0, divisor = denominator;
  if (__builtin_mul_overflow(product->mantissa(), 100, &scaled)) return std::nullopt;
  for (int i = 0; i < product->scale(); ++i) {
    if (__builtin_mul_overflow(divisor, 10, &divisor)) return std::nullopt;
  }
  int64_t quotient = scaled / divisor, remainder = scaled % divisor;
  if (2 * (remainder < 0 ? -remainder : remainder) >= divisor) quotient += scaled < 0 ? -1 : 1;
  return Decimal(quotient, 2).MultiplyByPowerOf10(0);
}

void SetCanonical(const values::Unit* unit, Field* field) {
  if (unit == nullptr || unit->canonical.empty()) return;
  const Decimal& value = std::get<Decimal>(field->value);
  if (std::optional<Decimal> converted =
          Convert(value, unit->factor_numerator, unit->factor_denominator)) {
    field->canonical = Canonical{*converted, std::string(unit->canonical)};
  }
}

// The declared unit whose word starts `text`, the longest; nullptr when none.
const DeclaredUnit* DeclaredUnitAt(std::string_view text, const ValueContext& context) {
  if (context.units == nullptr) return nullptr;
  const DeclaredUnit* found = nullptr;
  for (const DeclaredUnit& unit : *context.units) {
    if (text.starts_with(unit.word) &&
        (found == nullptr || unit.word.size() > found->word.size())) {
      found = &unit;
    }
  }
  return found;
}

// `field`, read in a declared unit, given in its base unit when it has one (3担 → 300 斤).
std::optional<Field> InDeclaredUnit(const DeclaredUnit& declared, Field field) {
  const values::Unit* base = declared.base.empty() ? nullptr : values::UnitAt(declared.base);
  if (base == nullptr) {
    field.unit = declared.word;
    return field;
  }
  for (std::optional<Decimal>* number : {&field.min, &field.max}) {
    if (*number && !(*number = (*number)->Multiply(declared.factor))) return std::nullopt;
  }
  std::optional<Decimal> value = std::get<Decimal>(field.value).Multiply(declared.factor);
  if (!value) return std::nullopt;
  field.value = *value;
  field.unit = std::string(base->word);
  SetCanonical(base, &field);
  return field;
}

std::optional<Field> ParsePercent(std::string_view text, std::string_view following) {
  Field field;
  if (std::optional<Approx> prefix = ConsumePrefix(&text)) field.approx = *prefix;
  std::optional<Decimal> value;
  if (Consume(&text, "百分之")) {
    value = Consume(&text, "百") && text.empty() ? Decimal::FromInt(100) : ConsumeNumeral(&text);
    // Written so rather than = "%": GCC 12 at -O3 takes that for an overlapping copy (-Wrestrict).
    field.unit = std::string(1, '%');
  } else {
    std::string_view probe = text;
    std::optional<int> tens = ConsumeWord(&probe, kDigits);
    if (Consume(&probe, "十")) tens = 10;
    if (tens && *tens <= 10 && Consume(&probe, "成")) {
      Decimal percent = Decimal::FromInt(*tens * 10);
      std::string_view after = probe;
      if (std::optional<int> digit = ConsumeWord(&after, kDigits); digit && *digit < 10) {
        percent = *percent.Add(Decimal::FromInt(*digit));
        probe = after;
      }
      value = percent;
      text = probe;
      field.unit = std::string(1, '%');
    } else {
      std::optional<Amount> amount = ConsumeAmount(&text);
      if (amount) {
        value = amount->value;
        if (amount->more) field.approx = Approx::kMore;
        if (ConsumeRangeSeparator(&text)) {
          std::optional<Amount> high = ConsumeAmount(&text);
          if (!high) return std::nullopt;
          field.min = amount->value;
          field.max = high->value;
        }
      }
      if (Consume(&text, "%"))
        field.unit = std::string(1, '%');
      else if (Consume(&text, "‰"))
        field.unit = "‰";
      else if (text.empty() && Consume(&following, "%"))
        field.unit = std::string(1, '%');
      else if (text.empty() && Consume(&following, "‰"))
        field.unit = "‰";
      else
        return std::nullopt;
    }
  }
  if (!value) return std::nullopt;
  if (std::optional<Approx> suffix = ConsumeSuffix(&text)) field.approx = *suffix;
  if (!text.empty()) return std::nullopt;
  field.value = *value;
  return field;
}

std::optional<int> ConsumeSmallNumber(std::string_view* text) {
  std::string_view rest = *text;
  // Digits alone: in 2023.12.10 the dots separate fields, they are not decimal points.
  size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  std::optional<Decimal> numeral;
  if (digits > 0) {
    numeral = Decimal::Parse(rest.substr(0, digits));
    rest.remove_prefix(digits);
  } else {
    numeral = ConsumeNumeral(&rest);
  }
  if (!numeral || !numeral->IsInteger() || numeral->scale() != 0 || numeral->mantissa() < 0 ||
      numeral->mantissa() > 9999) {
    return std::nullopt;
  }
  *text = rest;
  return static_cast<int>(numeral->mantissa());
}

std::optional<Field> ParseDate(std::string_view text, const ValueContext& context) {
  std::optional<int> year, month, day;
  std::string_view rest = text;
  std::optional<int> first = ConsumeSmallNumber(&rest);
  if (!first) return std::nullopt;
  if (Consume(&rest, "年")) {
    year = first;
    month = ConsumeSmallNumber(&rest);
    if (!month || !Consume(&rest, "月")) return std::nullopt;
  } else if (Consume(&rest, "月")) {
    month = first;
  } else if (Consume(&rest, ".") || Consume(&rest, "-") || Consume(&rest, "/")) {
    year = first;
    month = ConsumeSmallNumber(&rest);
    if (!month || !(Consume(&rest, ".") || Consume(&rest, "-") || Consume(&rest, "/"))) {
      return std::nullopt;
    }
    day = ConsumeSmallNumber(&rest);
    if (!day) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!day && !rest.empty()) {
    day = ConsumeSmallNumber(&rest);
    if (!day || !(Consume(&rest, "日") || Consume(&rest, "号"))) return std::nullopt;
  }
  if (!rest.empty()) return std::nullopt;
  if (*month < 1 || *month > 12 || (day && (*day < 1 || *day > 31))) return std::nullopt;
  if (year && (*year < 1000 || *year > 2999)) return std::nullopt;
  if (!year && context.document_year > 0) year = context.document_year;
  Field field;
  if (year && day)
    field.value = fmt::format("{:04d}-{:02d}-{:02d}", *year, *month, *day);
  else if (year)
    field.value = fmt::format("{:04d}-{:02d}", *year, *month);
  else if (day)
    field.value = fmt::format("--{:02d}-{:02d}", *month, *day);
  else
    field.value = fmt::format("--{:02d}", *month);
  return field;
}

std::optional<Field> ParseYear(std::string_view text) {
  std::optional<int> year = ConsumeSmallNumber(&text);
  Consume(&text, "年");
  if (!year || !text.empty() || *year < 1000 || *year > 2999) return std::nullopt;
  Field field;
  field.value = Decimal::FromInt(*year);
  return field;
}

// Whether `text` is plain digits with at most one decimal point inside them (15, 97.5).
bool IsPlainDecimal(std::string_view text) {
  if (text.empty()) return false;
  bool point = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') continue;
    if (c != '.' || point || i == 0 || i + 1 == text.size()) return false;
    point = true;
  }
  return true;
}

// Most figures are plain digits with at most a decimal point (15, 97.5): read at once, to the
// value ConsumeAmount gives them (it parses them with Decimal::Parse as well).
std::optional<Amount> PlainAmount(std::string_view text) {
  if (!IsPlainDecimal(text)) return std::nullopt;
  std::optional<Decimal> value = Decimal::Parse(text);
  if (!value) return std::nullopt;
  return Amount{*value, false, 0};
}

// int, number, quantity and money: a prefix, an amount or range, a unit, a suffix.
std::optional<Field> ParseQuantity(SlotType type, std::string_view text,
                                   const ValueContext& context, std::string_view following) {
  Field field;
  std::optional<Amount> low = PlainAmount(text);
  if (low) {
    // The whole text is the figure: no range, unit or suffix is inside it, and only a quantity
    // or an amount of money looks for its unit after it.
    if (type == SlotType::kInt || type == SlotType::kNumber) {
      if (type == SlotType::kInt && !low->value.IsInteger()) return std::nullopt;
      field.value = low->value;
      return field;
    }
    text = {};
  } else {
    if (std::optional<Approx> prefix = ConsumePrefix(&text)) field.approx = *prefix;
    low = ConsumeAmount(&text);
  }
  if (!low) return std::nullopt;
  const Approx prefix_approx = field.approx;
  if (low->more) field.approx = Approx::kMore;
  Decimal value = low->value;
  if (ConsumeRangeSeparator(&text)) {
    std::optional<Amount> high = ConsumeAmount(&text);
    if (!high) return std::nullopt;
    if (low->magnitude == 0 && high->magnitude > 0) {  // 3-5万: the magnitude is shared
      std::optional<Decimal> scaled = value.MultiplyByPowerOf10(high->magnitude);
      if (!scaled) return std::nullopt;
      value = *scaled;
    }
    if (high->more) field.approx = Approx::kMore;
    field.min = value;
    field.max = high->value;
  }
  const DeclaredUnit* declared =
      type == SlotType::kQuantity ? DeclaredUnitAt(text, context) : nullptr;
  const values::Unit* unit = declared ? nullptr : values::UnitAt(text);
  if (declared != nullptr) {
    text.remove_prefix(declared->word.size());
  } else if (unit != nullptr) {
    text.remove_prefix(unit->word.size());
  } else if (text.empty() && (type == SlotType::kQuantity || type == SlotType::kMoney)) {
    // The unit may follow the slot in the pattern: 完成改厕{count:quantity}户.
    // A 多 after the slot says "more than" only before its unit; a prefix (超100亿) says it
    // whatever follows.
    std::string_view rest = following;
    const bool more_after = ConsumeMore(&rest);
    if (more_after) field.approx = Approx::kMore;
    if (type == SlotType::kQuantity && (declared = DeclaredUnitAt(rest, context)) != nullptr) {
      rest.remove_prefix(declared->word.size());
      if (std::optional<Approx> suffix = ConsumeSuffix(&rest)) field.approx = *suffix;
    } else if ((unit = values::UnitAt(rest)) != nullptr) {
      rest.remove_prefix(unit->word.size());
      if (std::optional<Approx> suffix = ConsumeSuffix(&rest)) field.approx = *suffix;
    } else if (more_after && !low->more) {
      field.approx = prefix_approx;
    }
  }
  if (std::optional<Approx> suffix = ConsumeSuffix(&text)) field.approx = *suffix;
  if (!text.empty()) return std::nullopt;

  switch (type) {
    case SlotType::kInt:
      if (unit != nullptr || !value.IsInteger() || field.min) return std::nullopt;
      break;
    case SlotType::kNumber:
      if (unit != nullptr || field.min) return std::nullopt;
      break;
    case SlotType::kMoney:
      if (unit == nullptr || unit->dimension != values::Dimension::kMoney) return std::nullopt;
      break;
    default:
      break;
  }
  field.value = value;
  if (declared != nullptr) return InDeclaredUnit(*declared, std::move(field));
  if (unit != nullptr) field.unit = std::string(unit->word);
  SetCanonical(unit, &field);
  return field;
}

}  // namespace

namespace values {

std::optional<Decimal> PlainNumber(std::string_view number) {
  // The magnitudes after the digits, as ConsumeNumeral takes them: 万 then 亿, each a multiply.
  int magnitudes[2] = {0, 0};
  size_t count = 0;
  const auto ends_with = [&](std::string_view word) {  // inline: memcmp costs more
    return number.size() >= word.size() &&
           std::equal(word.begin(), word.end(), number.end() - static_cast<long>(word.size()));
  };
  if (ends_with("亿")) {
    magnitudes[count++] = 8;
    number.remove_suffix(std::string_view("亿").size());
  }
  if (ends_with("万")) {
    magnitudes[count++] = 4;
    number.remove_suffix(std::string_view("万").size());
  }
  // A lone Chinese digit (两个, 三项): ConsumeNumeral's value for it.
  if (count == 0 && number.size() == 3) {
    std::string_view rest = number;
    if (std::optional<int> digit = ConsumeWord(&rest, kDigits); digit && rest.empty()) {
      return Decimal::FromInt(*digit);
    }
  }
  if (!IsPlainDecimal(number)) return std::nullopt;
  // ConsumeNumeral stops before a magnitude that begins a unit (none of the table's does today).
  static const bool kMagnitudeStartsUnit = UnitAt("万") != nullptr || UnitAt("亿") != nullptr;
  if (count > 0 && kMagnitudeStartsUnit) return std::nullopt;
  std::optional<Decimal> value = Decimal::Parse(number);
  for (size_t i = count; value && i-- > 0;) value = value->MultiplyByPowerOf10(magnitudes[i]);
  return value;
}

Field PlainQuantity(const Decimal& value, const Unit& unit, Approx approx) {
  Field field;
  field.value = value;
  field.unit = std::string(unit.word);
  field.approx = approx;
  SetCanonical(&unit, &field);
  return field;
}

Field PlainPercent(const Decimal& value, Approx approx) {
  Field field;
  field.value = value;
  field.unit = std::string(1, '%');
  field.approx = approx;
  return field;
}

}  // namespace values

std::optional<Field> ParseValue(SlotType type, std::string_view text, const ValueContext& context,
                                std::string_view following) {
  switch (type) {
    case SlotType::kText: {
      if (text.empty()) return std::nullopt;
      Field field;
      field.value = std::string(text);
      return field;
    }
    case SlotType::kDate:
      return ParseDate(text, context);
    case SlotType::kYear:
      return ParseYear(text);
    case SlotType::kPercent:
      return ParsePercent(text, following);
    default:
      return ParseQuantity(type, text, context, following);
  }
}

}  // namespace glean
