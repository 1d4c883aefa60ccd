// The value library on its own: a table of figures as reports write them, property tests for
// numerals, and the edges of exact decimal arithmetic.
#include <doctest/doctest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "engine/values/plain_figure.h"
#include "engine/values/unit_table.h"
#include "glean/value.h"

namespace glean {
namespace {

std::vector<std::string> Split(const std::string& row, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(row);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!row.empty() && row.back() == separator) parts.push_back("");
  return parts;
}

const char* const kCases[] = {
#include "values/value_cases.inc"
};

std::string Describe(const std::optional<Decimal>& d) { return d ? d->ToString() : ""; }

TEST_CASE("values: the figure table parses to the expected value, unit, approx and canonical") {
  int rows = 0;
  for (const char* row : kCases) {
    std::vector<std::string> c = Split(row, '|');
    INFO(std::string(row));
    REQUIRE(c.size() >= 4);
    c.resize(9);
    SlotType type;
    REQUIRE(ParseSlotType(c[0], &type));
    std::optional<Field> field = ParseValue(type, c[1], {}, c[2]);
    ++rows;
    if (c[3].empty()) {
      CHECK_FALSE(field.has_value());
      continue;
    }
    CHECK(field.has_value());
    if (!field) continue;
    const Decimal* number = std::get_if<Decimal>(&field->value);
    REQUIRE(number != nullptr);
    CHECK(number->ToString() == c[3]);
    CHECK(field->unit == c[4]);
    CHECK(std::string(ApproxName(field->approx)) == c[5]);
    const std::string canonical =
        field->canonical ? field->canonical->value.ToString() + " " + field->canonical->unit : "";
    CHECK(canonical == c[6]);
    CHECK(Describe(field->min) == c[7]);
    CHECK(Describe(field->max) == c[8]);
  }
  CHECK(rows >= 300);
}

TEST_CASE("values: dates become ISO 8601, anchored to the document year when they have none") {
  struct Row {
    const char* text;
    int year;
    const char* expected;  // empty: not a date
  };
  const Row rows[] = {
      {"2023年12月10日", 0, "2023-12-10"},
      {"2023.12.10", 0, "2023-12-10"},
      {"2023-12-10", 0, "2023-12-10"},
      {"2023/1/5", 0, "2023-01-05"},
      {"12月10日", 2023, "2023-12-10"},
      {"10月28日", 2021, "2021-10-28"},
      {"10月30日", 2021, "2021-10-30"},
      {"12月10日", 0, "--12-10"},
      {"2022年2月", 0, "2022-02"},
      {"2021年12月31日", 0, "2021-12-31"},
      {"3月", 2022, "2022-03"},
      {"5号", 0, ""},
      {"2023年13月1日", 0, ""},
      {"2023年2月32日", 0, ""},
      {"十月二十八日", 2021, "2021-10-28"},
      {"二〇二三年十二月十日", 0, "2023-12-10"},
      {"12月10号", 2020, "2020-12-10"},
      {"2023年", 0, ""},
      {"abc", 0, ""},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.text));
    std::optional<Field> field = ParseValue(SlotType::kDate, row.text, {row.year});
    if (std::string(row.expected).empty()) {
      CHECK_FALSE(field.has_value());
    } else {
      CHECK(field.has_value());
      if (!field) continue;
      CHECK(std::get<std::string>(field->value) == row.expected);
    }
  }
}

TEST_CASE("values: a prefix's 超 says more than with the unit outside the text") {
  // 成交额均超百亿美元: the figures stage reads 美元 itself and parses 超百亿 alone (guangdong).
  std::optional<Field> field = ParseValue(SlotType::kQuantity, "超百亿", {});
  REQUIRE(field.has_value());
  CHECK(field->approx == Approx::kMore);
  // A 多 after the slot with no unit after it says nothing.
  field = ParseValue(SlotType::kQuantity, "100", {}, "多样");
  REQUIRE(field.has_value());
  CHECK(field->approx == Approx::kExact);
}

TEST_CASE("values: years are numbers") {
  const std::pair<const char*, int> rows[] = {
      {"2021年", 2021}, {"2021", 2021}, {"二〇二一年", 2021}, {"1999年", 1999}, {"21年", 0}};
  for (const auto& row : rows) {
    const auto& [text, year] = row;
    INFO(row.first);
    std::optional<Field> field = ParseValue(SlotType::kYear, text, {});
    if (year == 0) {
      CHECK_FALSE(field.has_value());
    } else {
      REQUIRE(field.has_value());
      CHECK(std::get<Decimal>(field->value) == Decimal::FromInt(year));
    }
  }
}

TEST_CASE("values: slot patterns match signed figures and ○ zeros whole, a range as a range") {
  // Issue 16: negative numbers were not read at all; ○ was not a zero.
  struct Row {
    SlotType type;
    const char* text;
    const char* matched;  // what the slot matches at the text's start
  };
  const Row rows[] = {
      {SlotType::kPercent, "-2.3%，", "-2.3%"},
      {SlotType::kPercent, "−2.3%", "−2.3%"},
      {SlotType::kInt, "负1200万,", "负1200万"},
      {SlotType::kInt, "负一百二十万人", "负一百二十万"},
      {SlotType::kNumber, "負12", "負12"},
      {SlotType::kMoney, "负1200万元。", "负1200万元"},
      {SlotType::kQuantity, "3-5个村", "3-5个"},
      {SlotType::kQuantity, "-3-5个村", "-3-5个"},
      {SlotType::kMoney, "六九○○万元", "六九○○万元"},
      {SlotType::kInt, "二○二一", "二○二一"},
      {SlotType::kInt, "○○镇", ""},
      {SlotType::kQuantity, "负责人", ""},
      {SlotType::kQuantity, "-人", ""},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    std::string matched;
    const bool hit = RE2::PartialMatch(row.text, "^(" + SlotPattern(row.type) + ")", &matched);
    CHECK(matched == row.matched);
    CHECK(hit == (*row.matched != '\0'));
  }
}

TEST_CASE("values: text slots keep their text") {
  std::optional<Field> field = ParseValue(SlotType::kText, "低保", {});
  REQUIRE(field.has_value());
  CHECK(std::get<std::string>(field->value) == "低保");
  CHECK_FALSE(ParseValue(SlotType::kText, "", {}).has_value());
}

TEST_CASE("values: every slot pattern has no capturing group of its own") {
  for (const char* name :
       {"int", "number", "quantity", "money", "percent", "date", "year", "text"}) {
    INFO(std::string(name));
    SlotType type;
    REQUIRE(ParseSlotType(name, &type));
    CHECK(std::string(SlotTypeName(type)) == name);
    const std::string& pattern = SlotPattern(type);
    for (size_t i = 0; i + 1 < pattern.size(); ++i) {
      if (pattern[i] == '(' && (i == 0 || pattern[i - 1] != '\\')) CHECK(pattern[i + 1] == '?');
    }
  }
  SlotType type;
  CHECK_FALSE(ParseSlotType("quantiy", &type));
}

// Writes n in Chinese numerals the way reports do: 一万零五百, 十二, 一亿零三十.
std::string ChineseNumeral(int64_t n) {
  static const char* const kDigit[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const kSmall[] = {"", "十", "百", "千"};
  if (n == 0) return "零";
  const auto below_10000 = [&](int64_t v, bool leading) {
    std::string out;
    bool zero = false;
    for (int power = 3; power >= 0; --power) {
      const int64_t scale = power == 3 ? 1000 : power == 2 ? 100 : power == 1 ? 10 : 1;
      const int digit = static_cast<int>(v / scale % 10);
      if (digit == 0) {
        zero = !out.empty() || !leading;
        continue;
      }
      if (zero && !out.empty()) out += "零";
      if (zero && out.empty() && !leading) out += "零";
      zero = false;
      if (!(digit == 1 && power == 1 && out.empty() && leading)) out += kDigit[digit];
      out += kSmall[power];
    }
    return out;
  };
  std::string out;
  const int64_t yi = n / 100000000, wan = n / 10000 % 10000, rest = n % 10000;
  if (yi > 0) out += below_10000(yi, true) + "亿";
  if (wan > 0)
    out += below_10000(wan, out.empty()) + "万";
  else if (yi > 0 && rest > 0)
    out += "零";
  if (rest > 0) out += below_10000(rest, out.empty() || (wan > 0 && rest >= 1000));
  return out;
}

TEST_CASE("values: Chinese numerals from 0 to 100,000,000 read back as the number written") {
  std::mt19937_64 random(20231210);
  std::vector<int64_t> numbers = {0,       1,        10,       11,        19,    20,
                                  99,      100,      101,      110,       1000,  1001,
                                  1010,    9999,     10000,    10001,     10010, 100000,
                                  1000000, 10000000, 99999999, 100000000, 20305, 1000100};
  std::uniform_int_distribution<int64_t> any(0, 100000000);
  for (int i = 0; i < 20000; ++i) numbers.push_back(any(random));
  for (int64_t n : numbers) {
    const std::string written = ChineseNumeral(n);
    INFO(n << " written " << written);
    std::optional<Field> field = ParseValue(SlotType::kInt, written, {});
    REQUIRE(field.has_value());
    CHECK(std::get<Decimal>(field->value) == Decimal::FromInt(n));
  }
}

TEST_CASE("values: Arabic integers read back as the number written, with or without commas") {
  std::mt19937_64 random(42);
  std::uniform_int_distribution<int64_t> any(0, 999999999999LL);
  for (int i = 0; i < 20000; ++i) {
    const int64_t n = any(random);
    std::string plain = std::to_string(n);
    std::string grouped;
    for (size_t k = 0; k < plain.size(); ++k) {
      if (k > 0 && (plain.size() - k) % 3 == 0) grouped += ',';
      grouped += plain[k];
    }
    INFO(grouped);
    for (const std::string& text : {plain, grouped}) {
      std::optional<Field> field = ParseValue(SlotType::kInt, text, {});
      REQUIRE(field.has_value());
      CHECK(std::get<Decimal>(field->value) == Decimal::FromInt(n));
    }
  }
}

TEST_CASE("values: plain figures read as the full numeral grammar reads them") {
  // Digits with at most a decimal point take a shortcut; after an approximation word they go the
  // general way. Both must give the same value, written the same way.
  std::mt19937_64 random(7);
  const std::string digits = "0123456789";
  for (int i = 0; i < 20000; ++i) {
    std::string text(1 + random() % 12, '0');
    for (char& c : text) c = digits[random() % 10];
    if (random() % 2 == 0) {
      text += '.';
      text += std::string(1 + random() % 4, '0');
      for (size_t k = text.find('.') + 1; k < text.size(); ++k) text[k] = digits[random() % 10];
    }
    INFO(text);
    for (SlotType type : {SlotType::kNumber, SlotType::kQuantity}) {
      std::optional<Field> plain = ParseValue(type, text, {}, "户");
      std::optional<Field> general = ParseValue(type, "约" + text, {}, "户");
      REQUIRE(plain.has_value() == general.has_value());
      if (!plain) continue;
      CHECK(std::get<Decimal>(plain->value).ToString() ==
            std::get<Decimal>(general->value).ToString());
      CHECK(plain->unit == general->unit);
    }
  }
}

TEST_CASE("values: plain figures built directly are the fields ParseValue gives them") {
  // The figures stage builds the field of a number written as digits (with 万, 亿 or 万亿 after
  // them, or a lone Chinese digit), an approximation word before it, a unit of the table and one
  // after, without the parser's search: every part must come out as ParseValue reads the whole.
  std::mt19937_64 random(11);
  const std::string digits = "0123456789";
  const std::pair<std::string, Approx> prefixes[] = {
      {"", Approx::kExact},    {"约", Approx::kAbout},  {"大约", Approx::kAbout},
      {"近", Approx::kLess},   {"将近", Approx::kLess}, {"接近", Approx::kLess},
      {"超", Approx::kMore},   {"超过", Approx::kMore}, {"逾", Approx::kMore},
      {"不到", Approx::kLess}, {"不足", Approx::kLess}};
  const std::pair<std::string, Approx> suffixes[] = {
      {"", Approx::kExact},    {"以上", Approx::kMore},  {"以下", Approx::kLess},
      {"以内", Approx::kLess}, {"左右", Approx::kAbout}, {"上下", Approx::kAbout}};
  const std::string magnitudes[] = {"", "万", "亿", "万亿"};
  const std::string chinese[] = {"零", "〇", "一", "二", "两", "三", "五", "九", "廿", "卅"};
  std::vector<const values::Unit*> units;
  for (const values::Unit& unit : values::Units()) {
    // Units that begin with a character a numeral goes on with (千米) are not built directly.
    if (!unit.word.starts_with("千") && unit.dimension != values::Dimension::kPercent) {
      units.push_back(&unit);
    }
  }
  int built = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string number;
    if (random() % 8 == 0) {
      number = chinese[random() % std::size(chinese)];
    } else {
      number.assign(1 + random() % 20, '0');  // past 18 digits no Decimal holds it
      for (char& c : number) c = digits[random() % 10];
      if (random() % 2 == 0) {
        number += '.';
        for (size_t k = 1 + random() % 4; k-- > 0;) number += digits[random() % 10];
      }
      number += magnitudes[random() % std::size(magnitudes)];
    }
    const auto& [prefix, prefix_approx] = prefixes[random() % std::size(prefixes)];
    const auto& [suffix, suffix_approx] = suffixes[random() % std::size(suffixes)];
    const Approx approx = suffix_approx != Approx::kExact ? suffix_approx : prefix_approx;
    const values::Unit* unit = units[random() % units.size()];
    const bool percent = random() % 4 == 0;
    const std::string text =
        prefix + number + (percent ? std::string("%") : std::string(unit->word)) + suffix;
    INFO(text);
    const std::optional<Field> parsed =
        ParseValue(percent ? SlotType::kPercent : SlotType::kQuantity, text, {}, "");
    const std::optional<Decimal> plain = values::PlainNumber(number);
    if (!parsed) {
      CHECK_FALSE(plain.has_value());
      continue;
    }
    if (!plain) continue;  // the caller asks ParseValue
    ++built;
    const Field field = percent ? values::PlainPercent(*plain, approx)
                                : values::PlainQuantity(*plain, *unit, approx);
    CHECK(std::get<Decimal>(field.value).mantissa() == std::get<Decimal>(parsed->value).mantissa());
    CHECK(std::get<Decimal>(field.value).scale() == std::get<Decimal>(parsed->value).scale());
    CHECK(field.unit == parsed->unit);
    CHECK(field.approx == parsed->approx);
    CHECK(field.canonical.has_value() == parsed->canonical.has_value());
    if (field.canonical && parsed->canonical) {
      CHECK(field.canonical->value.ToString() == parsed->canonical->value.ToString());
      CHECK(field.canonical->unit == parsed->canonical->unit);
    }
    CHECK_FALSE(parsed->min.has_value());
    CHECK_FALSE(parsed->max.has_value());
  }
  CHECK(built > 10000);
  // Forms it does not build: Chinese numerals of more than one character, commas, ranges, 余.
  for (const char* number : {"十二", "二十", "1,234", "3-5", "400余", "3万5千", "1.2.3", ".5"}) {
    INFO(number);
    CHECK_FALSE(values::PlainNumber(number).has_value());
  }
}

TEST_CASE("values: the unit at a text's start is the first of the table it starts with") {
  // UnitAt looks only among the units that share the text's first character; the table's first
  // match (the longest, as the table is ordered) must be what a scan of the whole table finds,
  // for every unit followed by every other, by a word, or by nothing, and for a unit's first
  // character alone.
  const auto scan = [](std::string_view text) -> const values::Unit* {
    for (const values::Unit& unit : values::Units()) {
      if (text.starts_with(unit.word)) return &unit;
    }
    return nullptr;
  };
  std::vector<std::string> texts = {"", "的", "x", "1", "%"};
  for (const values::Unit& unit : values::Units()) {
    const std::string word(unit.word);
    texts.push_back(word);
    texts.push_back(word + "的");
    texts.push_back(word.substr(0, static_cast<unsigned char>(word[0]) >= 0xE0 ? 3 : 1) + "x");
    texts.push_back(word.substr(0, word.size() - 1));  // cut inside its last character
    for (const values::Unit& next : values::Units()) texts.push_back(word + std::string(next.word));
  }
  for (const std::string& text : texts) {
    INFO(text);
    CHECK(values::UnitAt(text) == scan(text));
  }
}

TEST_CASE("decimal: arithmetic is exact and overflow is refused, never wrapped") {
  CHECK(Decimal::Parse("0.725")->MultiplyByPowerOf10(4)->ToString() == "7250");
  CHECK(Decimal::Parse("0.1")->Add(*Decimal::Parse("0.2"))->ToString() == "0.3");
  CHECK(Decimal::Parse("1.50") == Decimal::Parse("1.5"));
  CHECK(*Decimal::Parse("1.49") < *Decimal::Parse("1.5"));
  CHECK(Decimal::Parse("-0.05")->ToString() == "-0.05");
  CHECK(Decimal::Parse("9223372036854775807").has_value());
  CHECK_FALSE(Decimal::Parse("9223372036854775808").has_value());
  CHECK_FALSE(Decimal::FromInt(INT64_MAX).MultiplyByPowerOf10(1).has_value());
  CHECK_FALSE(Decimal::FromInt(INT64_MAX).Add(Decimal::FromInt(1)).has_value());
  CHECK_FALSE(Decimal::FromInt(INT64_MIN / 2).Multiply(Decimal::FromInt(3)).has_value());
  CHECK(Decimal(INT64_MIN, 0).ToString() == "-9223372036854775808");
  CHECK_FALSE(Decimal::Parse("1.").has_value());
  CHECK_FALSE(Decimal::Parse("").has_value());
  CHECK_FALSE(Decimal::Parse(",100").has_value());
}

}  // namespace
}  // namespace glean
